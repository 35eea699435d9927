package org.coopflow.programmes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Validator;

import org.coopflow.reference.Currencies;
import org.coopflow.reference.ReferenceCodes;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every problem of a programme draft at once, the same for the API, the form and the CSV import: each field's
 * own format (bean validation) and the rules that need reference data or several fields ({@link ProgrammeRules}).
 */
@Component
class ProgrammeDraftCheck {

	private final Validator validator;

	private final ReferenceCodes referenceCodes;

	private final Currencies currencies;

	ProgrammeDraftCheck(Validator validator, ReferenceCodes referenceCodes, Currencies currencies) {
		this.validator = validator;
		this.referenceCodes = referenceCodes;
		this.currencies = currencies;
	}

	/** Every problem of a draft, as creating or changing a programme would refuse it; none when it is good. */
	@Transactional(readOnly = true)
	List<InvalidField> problems(ProgrammeDraft draft) {
		return check(draft, referenceCodes.snapshot());
	}

	/** Refuses a draft with every problem it has. */
	void validate(ProgrammeDraft draft) {
		List<InvalidField> errors = problems(draft);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/** As {@link #problems}, against reference codes the caller already holds (an import checks many drafts). */
	List<InvalidField> check(ProgrammeDraft draft, ReferenceCodes.Snapshot codes) {
		List<InvalidField> errors = new ArrayList<>();
		validator.validate(draft)
			.stream()
			.sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
			.forEach(violation -> errors.add(new InvalidField(violation.getPropertyPath().toString(), violation.getMessage())));
		errors.addAll(ProgrammeRules.check(draft, codes, currencies));
		return errors;
	}

}
