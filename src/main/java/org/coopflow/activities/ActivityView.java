package org.coopflow.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.coopflow.programmes.ActivityType;
import org.coopflow.reference.Office;

/**
 * An activity as the API shows it, with its milestones, documents and what was spent on it (in the
 * programme currency).
 */
@org.springframework.modulith.NamedInterface("api")
public record ActivityView(long id, long programmeId, Office office, ActivityType type, String title, String description,
		String country, List<String> standards, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart,
		LocalDate actualEnd, String budgetLine, BigDecimal plannedCost, String currency, ActivityStatus status,
		String cancelReason, List<Milestone> milestones, List<Document> documents, BigDecimal spent, String createdBy,
		Instant createdAt, String updatedBy, Instant updatedAt, int version) {

	@org.springframework.modulith.NamedInterface("api")
	public record Milestone(long id, int seq, String title, LocalDate due, Instant completedAt, String completedBy,
			String note) {

		public boolean completed() {
			return completedAt != null;
		}

	}

	@org.springframework.modulith.NamedInterface("api")
	public record Document(long id, String title, String language, String link, String addedBy, Instant addedAt) {
	}

}
