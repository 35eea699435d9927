package org.coopflow;

/**
 * One bad input field and why, as API clients receive it in a 400 problem's {@code errors}.
 */
public record FieldError(String field, String reason) {
}
