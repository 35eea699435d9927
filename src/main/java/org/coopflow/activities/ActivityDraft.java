package org.coopflow.activities;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.coopflow.programmes.ActivityType;

/**
 * What an officer writes about an activity: the body of POST and PUT. {@code plannedCost} is in the
 * programme currency; {@code country} is empty for a regional or global activity. Rules that need the
 * programme or reference data live in {@link ActivityRules}.
 */
@org.springframework.modulith.NamedInterface("api")
public record ActivityDraft(@NotNull ActivityType type, @NotBlank @Size(max = 300) String title,
		@Size(max = 4000) String description,
		@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as KE") String country,
		List<@NotBlank String> standards, @NotNull LocalDate plannedStart, @NotNull LocalDate plannedEnd,
		@NotBlank @Size(max = 100) String budgetLine,
		@PositiveOrZero @Digits(integer = 17, fraction = 2) BigDecimal plannedCost,
		@Size(max = 50) List<@NotNull @Valid MilestoneDraft> milestones, Integer version) {

	public ActivityDraft {
		standards = standards == null ? List.of() : standards;
		milestones = milestones == null ? List.of() : milestones;
	}

}
