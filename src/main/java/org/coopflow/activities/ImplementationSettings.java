package org.coopflow.activities;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Pattern;

/**
 * The implementation process's schedule ({@code coopflow.activities.*}): a progress report every
 * reporting period (ISO 8601 repeating interval), the time an officer has to submit a report before
 * being reminded, and before the office's coordinator is told; how often Member States that have not
 * answered a survey are reminded.
 */
@Validated
@ConfigurationProperties("coopflow.activities")
record ImplementationSettings(
		@DefaultValue("R/P6M") @Pattern(regexp = "R\\d*/P.+") String progressReportCycle,
		@DefaultValue("P30D") String reportReminder,
		@DefaultValue("P45D") String reportEscalation,
		@DefaultValue("R/P30D") @Pattern(regexp = "R\\d*/P.+") String surveyReminderCycle) {

	public ImplementationSettings {
		// fail at start-up, not at the first timer
		Duration.parse(reportReminder);
		Duration.parse(reportEscalation);
	}

}
