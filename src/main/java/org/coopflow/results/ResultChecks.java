package org.coopflow.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Validator;

import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * A request's annotated constraints as named fields, and the rules every value of an indicator follows: a
 * number for a numeric measure (a percentage from 0 to 100), text for a qualitative one, never both.
 */
@Component
class ResultChecks {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final Validator validator;

	ResultChecks(Validator validator) {
		this.validator = validator;
	}

	List<InvalidField> violations(Object request) {
		List<InvalidField> errors = new ArrayList<>();
		validator.validate(request)
			.stream()
			.sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
			.forEach(violation -> errors.add(new InvalidField(violation.getPropertyPath().toString(), violation.getMessage())));
		return errors;
	}

	/**
	 * Checks a value of an indicator with the measure: {@code required} when a value must be there (a target),
	 * and not when leaving both out is allowed (an actual with a reason why it is missing).
	 */
	static void value(Measure measure, BigDecimal value, String text, String valueField, String textField,
			boolean required, List<InvalidField> errors) {
		if (measure.isQualitative()) {
			if (value != null) {
				errors.add(new InvalidField(valueField, "must be left out for a qualitative indicator; send " + textField));
			}
			if (required && blank(text)) {
				errors.add(new InvalidField(textField, "must say what is expected, as the indicator is qualitative"));
			}
			return;
		}
		if (!blank(text)) {
			errors.add(new InvalidField(textField, "is only for qualitative indicators; send " + valueField + " as a number"));
		}
		if (value == null) {
			if (required) {
				errors.add(new InvalidField(valueField, "must be a number, e.g. 40"));
			}
			return;
		}
		if (value.scale() > 4 || value.precision() - value.scale() > 15) {
			errors.add(new InvalidField(valueField, "must have at most 15 digits before the decimal point and 4 after it"));
		}
		else if (measure == Measure.PERCENTAGE && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
			errors.add(new InvalidField(valueField, "must be a percentage from 0 to 100"));
		}
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	static String strip(String text) {
		return blank(text) ? null : text.strip();
	}

	static void throwIfAny(List<InvalidField> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
