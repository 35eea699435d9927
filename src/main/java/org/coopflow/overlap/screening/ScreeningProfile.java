package org.coopflow.overlap.screening;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.coopflow.reference.Office;

/**
 * What the screening knows of one programme. {@code countries} is already expanded: a regional or
 * global programme lists every country it covers (see {@link #coveredCountries}). The dates are the
 * actual ones where known, else the planned ones, both inclusive. Activity types are the names of the
 * programmes module's {@code ActivityType} constants (kept as text so this module does not depend on
 * the one that calls it).
 */
public record ScreeningProfile(long programmeId, Office office, String title, String description,
		Set<String> countries, Set<String> standards, Set<String> sectors, Set<String> activityTypes,
		String beneficiaryInstitution, String implementingPartner, LocalDate start, LocalDate end) {

	public ScreeningProfile {
		Objects.requireNonNull(office, "office");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("programme " + programmeId + " ends before it starts");
		}
		title = title == null ? "" : title;
		description = description == null ? "" : description;
		countries = upper(countries);
		standards = upper(standards);
		sectors = Set.copyOf(sectors == null ? Set.of() : sectors);
		activityTypes = upper(activityTypes);
	}

	/**
	 * The countries a programme covers, from its scope (the programmes module's {@code Scope} name) and
	 * its listed countries. A national programme covers what it lists; a regional one the countries it
	 * lists, or—when it lists none, so nobody knows which—every country, as a global one does: the
	 * screening would rather show a coordinator one pair too many than hide a real overlap.
	 */
	public static Set<String> coveredCountries(String scope, Collection<String> listed, Collection<String> allCountries) {
		boolean global = "GLOBAL".equals(scope) || ("REGIONAL".equals(scope) && (listed == null || listed.isEmpty()));
		return upper(global ? allCountries : listed);
	}

	long durationDays() {
		return end.toEpochDay() - start.toEpochDay() + 1;
	}

	private static Set<String> upper(Collection<String> codes) {
		Set<String> result = new TreeSet<>();
		if (codes != null) {
			for (String code : codes) {
				if (code != null && !code.isBlank()) {
					result.add(code.strip().toUpperCase(Locale.ROOT));
				}
			}
		}
		return Set.copyOf(result);
	}

}
