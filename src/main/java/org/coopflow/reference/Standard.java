package org.coopflow.reference;

/**
 * One instrument of the catalogue of UN standards and norms in crime prevention and criminal justice.
 *
 * @param code stable code used by programmes and pledges, e.g. {@code TOKYO-RULES}
 * @param title the instrument's title
 * @param adoptedBy the congress or resolution that adopted or endorsed it
 */
@org.springframework.modulith.NamedInterface("api")
public record Standard(String code, String title, String adoptedBy) {
}
