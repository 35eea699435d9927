package org.coopflow.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.coopflow.shared.InvalidField;

/**
 * Reads the text a person typed into a page's form field: blank is absent, and text that is not of the
 * field's kind adds an error naming the field and quoting what was typed, so that a form can list every
 * error at once instead of stopping at the first.
 */
public final class FormFields {

	private FormFields() {
	}

	public static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	public static String blankToNull(String value) {
		return isBlank(value) ? null : value.trim();
	}

	/** An amount as a decimal with a point, e.g. {@code example} "25000.00". */
	public static BigDecimal amount(String value, String field, String example, List<InvalidField> errors) {
		if (isBlank(value)) {
			return null;
		}
		try {
			return new BigDecimal(value.trim());
		}
		catch (NumberFormatException e) {
			errors.add(new InvalidField(field,
					"'" + value + "' is not an amount such as " + example + " (a point for decimals, no separators)"));
			return null;
		}
	}

	/** A date as the browser's date field sends it (yyyy-MM-dd). */
	public static LocalDate date(String value, String field, List<InvalidField> errors) {
		if (isBlank(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			errors.add(new InvalidField(field, "'" + value + "' is not a date such as 2027-03-31"));
			return null;
		}
	}

	/** One of an enum's constants by name, as a select or radio field sends it. */
	public static <E extends Enum<E>> E choice(Class<E> type, String value, String field, List<InvalidField> errors) {
		if (isBlank(value)) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim());
		}
		catch (IllegalArgumentException e) {
			errors.add(new InvalidField(field, "'" + value + "' is not one of the choices"));
			return null;
		}
	}

}
