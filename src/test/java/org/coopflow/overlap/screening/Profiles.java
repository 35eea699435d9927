package org.coopflow.overlap.screening;

import java.time.LocalDate;
import java.util.Set;

import org.coopflow.reference.Office;

/** A prison programme in Kenya to vary in tests. */
record Profiles(long id, Office office, String title, String description, Set<String> countries, Set<String> standards,
		Set<String> sectors, Set<String> activities, String institution, String partner, LocalDate start, LocalDate end) {

	static Profiles prisonsInKenya(long id) {
		return new Profiles(id, Office.CPCJD, "Implementing the Nelson Mandela Rules in Kenyan prisons",
				"Training of prison officers of the Kenya Prisons Service on the Standard Minimum Rules for the Treatment of Prisoners, prison health care and records.",
				Set.of("KE"), Set.of("SMR-PRISONERS"), Set.of("15130"), Set.of("TRAINING"), "Kenya Prisons Service", "",
				LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));
	}

	Profiles id(long newId) {
		return new Profiles(newId, office, title, description, countries, standards, sectors, activities, institution, partner, start, end);
	}

	Profiles office(Office newOffice) {
		return new Profiles(id, newOffice, title, description, countries, standards, sectors, activities, institution, partner, start, end);
	}

	Profiles text(String newTitle, String newDescription) {
		return new Profiles(id, office, newTitle, newDescription, countries, standards, sectors, activities, institution, partner, start, end);
	}

	Profiles countries(String... codes) {
		return new Profiles(id, office, title, description, Set.of(codes), standards, sectors, activities, institution, partner, start, end);
	}

	Profiles countries(Set<String> codes) {
		return new Profiles(id, office, title, description, codes, standards, sectors, activities, institution, partner, start, end);
	}

	Profiles themes(Set<String> newStandards, Set<String> newSectors) {
		return new Profiles(id, office, title, description, countries, newStandards, newSectors, activities, institution, partner, start, end);
	}

	Profiles activities(String... types) {
		return new Profiles(id, office, title, description, countries, standards, sectors, Set.of(types), institution, partner, start, end);
	}

	Profiles institution(String newInstitution) {
		return new Profiles(id, office, title, description, countries, standards, sectors, activities, newInstitution, partner, start, end);
	}

	Profiles dates(LocalDate newStart, LocalDate newEnd) {
		return new Profiles(id, office, title, description, countries, standards, sectors, activities, institution, partner, newStart, newEnd);
	}

	ScreeningProfile profile() {
		return new ScreeningProfile(id, office, title, description, countries, standards, sectors, activities, institution, partner, start, end);
	}

}
