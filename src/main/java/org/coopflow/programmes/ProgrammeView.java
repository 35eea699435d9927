package org.coopflow.programmes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.coopflow.reference.Money;
import org.coopflow.reference.Office;

/**
 * A programme as the API shows it. {@code reviewNotes} is internal and never shown to donors.
 */
@org.springframework.modulith.NamedInterface("api")
public record ProgrammeView(long id, Office office, String title, String description, Scope scope,
		List<String> countries, List<String> standards, List<ActivityType> activityTypes, List<String> sectors,
		String beneficiaryInstitution, String implementingPartner, LocalDate plannedStart, LocalDate plannedEnd,
		Money budget, int fundingDeadlineDays, Instant fundingDeadlineAt, ProgrammeStatus status, String reviewNotes, String createdBy,
		Instant createdAt, String updatedBy, Instant updatedAt, int version) {

	ProgrammeView forDonors() {
		return new ProgrammeView(id, office, title, description, scope, countries, standards, activityTypes, sectors,
				beneficiaryInstitution, implementingPartner, plannedStart, plannedEnd, budget, fundingDeadlineDays,
				fundingDeadlineAt, status,
				null, null, createdAt, null, updatedAt, version);
	}

}
