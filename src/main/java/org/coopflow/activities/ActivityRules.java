package org.coopflow.activities;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.coopflow.shared.InvalidField;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.programmes.Scope;
import org.coopflow.reference.ReferenceCodes;

/**
 * The rules an activity must satisfy beyond each field's own format, checked all at once: its type,
 * standards and country must be the programme's own, its cost must fit the programme currency, and its
 * milestones must fall in its own period.
 */
final class ActivityRules {

	private ActivityRules() {
	}

	static List<InvalidField> check(ActivityDraft draft, ProgrammeView programme, ReferenceCodes.Snapshot codes) {
		List<InvalidField> errors = new ArrayList<>();
		if (draft.type() != null && !programme.activityTypes().contains(draft.type())) {
			errors.add(new InvalidField("type", draft.type() + " is not one of the programme's activity types "
					+ programme.activityTypes()));
		}
		if (draft.country() != null && draft.country().matches("[A-Z]{2}")) {
			if (!codes.isCountry(draft.country())) {
				errors.add(new InvalidField("country", "'" + draft.country() + "' is not an ISO 3166-1 country code"));
			}
			else if (programme.scope() == Scope.NATIONAL && !programme.countries().contains(draft.country())) {
				errors.add(new InvalidField("country", "must be one of the programme's beneficiary countries "
						+ programme.countries()));
			}
		}
		for (int i = 0; i < draft.standards().size(); i++) {
			String standard = draft.standards().get(i);
			if (standard != null && !programme.standards().contains(standard)) {
				errors.add(new InvalidField("standards[" + i + "]", "'" + standard
						+ "' is not one of the standards the programme promotes " + programme.standards()));
			}
		}
		if (new HashSet<>(draft.standards()).size() < draft.standards().size()) {
			errors.add(new InvalidField("standards", "lists a standard more than once"));
		}
		if (draft.plannedStart() != null && draft.plannedEnd() != null && draft.plannedEnd().isBefore(draft.plannedStart())) {
			errors.add(new InvalidField("plannedEnd", "must not be before plannedStart"));
		}
		if (draft.plannedCost() != null) {
			int minorUnits = Math.max(codes.minorUnits(programme.budget().currency()), 0);
			if (draft.plannedCost().stripTrailingZeros().scale() > minorUnits) {
				errors.add(new InvalidField("plannedCost", programme.budget().currency() + " has " + minorUnits
						+ " decimal places"));
			}
		}
		for (int i = 0; i < draft.milestones().size(); i++) {
			MilestoneDraft milestone = draft.milestones().get(i);
			if (milestone != null && milestone.due() != null && draft.plannedStart() != null
					&& milestone.due().isBefore(draft.plannedStart())) {
				errors.add(new InvalidField("milestones[" + i + "].due", "must not be before the activity's plannedStart"));
			}
		}
		return errors;
	}

}
