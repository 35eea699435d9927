package org.coopflow.shared;

/**
 * One bad input field and why, as API clients receive it in a 400 problem's {@code errors}.
 */
public record InvalidField(String field, String reason) {
}
