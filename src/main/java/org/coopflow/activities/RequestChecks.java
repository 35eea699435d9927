package org.coopflow.activities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Validator;

import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * A request's annotated constraints as named fields, to which each use case adds its own rules, so that
 * a person sees every problem of a request at once and nothing is recorded until there is none.
 */
@Component
class RequestChecks {

	private final Validator validator;

	RequestChecks(Validator validator) {
		this.validator = validator;
	}

	List<InvalidField> violations(Object request) {
		return violations(request, "");
	}

	/** The same, with each field named after {@code prefix}, e.g. {@code [2].} in a list. */
	List<InvalidField> violations(Object request, String prefix) {
		List<InvalidField> errors = new ArrayList<>();
		validator.validate(request)
			.stream()
			.sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
			.forEach(violation -> errors.add(new InvalidField(prefix + violation.getPropertyPath(), violation.getMessage())));
		return errors;
	}

	static void throwIfAny(List<InvalidField> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
