package org.coopflow.programmes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.coopflow.shared.InvalidField;
import org.coopflow.reference.Currencies;
import org.coopflow.reference.DacSectors;
import org.coopflow.reference.ReferenceCodes;

/**
 * The rules a programme must satisfy beyond each field's own format, checked all at once so that a
 * person fixes every problem in one go: known countries, standards, DAC sectors and currency, an amount that fits
 * the currency's minor units, start before end, and a country list that fits the scope.
 */
final class ProgrammeRules {

	private ProgrammeRules() {
	}

	static List<InvalidField> check(ProgrammeDraft draft, ReferenceCodes.Snapshot codes, Currencies currencies) {
		List<InvalidField> errors = new ArrayList<>();
		for (int i = 0; i < draft.countries().size(); i++) {
			String country = draft.countries().get(i);
			if (country != null && !codes.isCountry(country)) {
				errors.add(new InvalidField("countries[" + i + "]", "'" + country + "' is not an ISO 3166-1 country code"));
			}
		}
		if (new HashSet<>(draft.countries()).size() < draft.countries().size()) {
			errors.add(new InvalidField("countries", "lists a country more than once"));
		}
		if (draft.scopeOrDefault() == Scope.NATIONAL && draft.countries().isEmpty()) {
			errors.add(new InvalidField("countries", "must name at least one country unless scope is REGIONAL or GLOBAL"));
		}
		for (int i = 0; i < draft.standards().size(); i++) {
			String standard = draft.standards().get(i);
			if (standard != null && !codes.isStandard(standard)) {
				errors.add(new InvalidField("standards[" + i + "]", "'" + standard + "' is not in the standards catalogue"));
			}
		}
		if (new HashSet<>(draft.standards()).size() < draft.standards().size()) {
			errors.add(new InvalidField("standards", "lists a standard more than once"));
		}
		for (int i = 0; i < draft.sectors().size(); i++) {
			String sector = draft.sectors().get(i);
			// five digits are the format's to check; a code outside the list would make the IATI activity invalid
			if (sector != null && sector.matches("\\d{5}") && !DacSectors.isActive(sector)) {
				errors.add(new InvalidField("sectors[" + i + "]",
						"'" + sector + "' is not a DAC sector code in use (the OECD DAC purpose codes, e.g. 15130)"));
			}
		}
		if (new HashSet<>(draft.sectors()).size() < draft.sectors().size()) {
			errors.add(new InvalidField("sectors", "lists a sector more than once"));
		}
		if (draft.plannedStart() != null && draft.plannedEnd() != null
				&& !draft.plannedStart().isBefore(draft.plannedEnd())) {
			errors.add(new InvalidField("plannedEnd", "must be after plannedStart"));
		}
		if (draft.budget() != null && draft.budget().currency() != null) {
			String currency = draft.budget().currency();
			if (currencies.checkCurrency("budget.currency", currency, "a budget can be set in", errors)) {
				currencies.checkDecimals("budget.amount", draft.budget().amount(), currency, errors);
			}
		}
		return errors;
	}

}
