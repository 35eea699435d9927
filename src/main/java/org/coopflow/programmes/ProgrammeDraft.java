package org.coopflow.programmes;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.coopflow.reference.Money;
import org.coopflow.reference.Office;

/**
 * What an officer writes about a programme: the body of POST and PUT, and one row of an import.
 * Rules that need reference data or several fields live in {@link ProgrammeRules}.
 */
@org.springframework.modulith.NamedInterface("api")
public record ProgrammeDraft(Office office, @NotBlank @Size(max = 300) String title,
		@NotBlank @Size(max = 20000) String description, Scope scope,
		List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as KE") String> countries,
		@NotEmpty List<@NotBlank String> standards, @NotEmpty List<@NotNull ActivityType> activityTypes,
		List<@NotNull @Pattern(regexp = "\\d{5}", message = "must be a five-digit DAC sector code such as 15130") String> sectors,
		@Size(max = 300) String beneficiaryInstitution, @Size(max = 300) String implementingPartner,
		@NotNull LocalDate plannedStart, @NotNull LocalDate plannedEnd, @NotNull @Valid Money budget,
		@Min(1) @Max(730) Integer fundingDeadlineDays, @Size(max = 20000) String reviewNotes, Integer version) {

	static final int DEFAULT_FUNDING_DEADLINE_DAYS = 90;

	public ProgrammeDraft {
		countries = countries == null ? List.of() : countries;
		sectors = sectors == null ? List.of() : sectors;
		standards = standards == null ? List.of() : standards;
		activityTypes = activityTypes == null ? List.of() : activityTypes;
	}

	Scope scopeOrDefault() {
		return scope == null ? Scope.NATIONAL : scope;
	}

	int fundingDeadlineDaysOrDefault() {
		return fundingDeadlineDays == null ? DEFAULT_FUNDING_DEADLINE_DAYS : fundingDeadlineDays;
	}

}
