package org.coopflow.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.coopflow.activities.ActivityStatus;
import org.coopflow.activities.ImplementationStage;
import org.coopflow.activities.ReportKind;
import org.coopflow.activities.UnspentFundsChoice;
import org.coopflow.pledges.PledgeStatus;
import org.coopflow.programmes.ActivityType;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.reference.Office;

/**
 * What a pledge did: its money from pledged to spent, in the pledge currency and in US dollars, and the
 * programme it funded with that programme's activities and the reports shared with donors. Before the
 * pledge is allocated to a programme, {@code programme} is null and the lists are empty.
 */
@org.springframework.modulith.NamedInterface("api")
public record PledgeReport(long pledgeId, String donor, Office office, PledgeStatus status, String currency,
		Money money, Programme programme, List<Activity> activities, List<Report> reports) {

	/** An amount in the pledge currency and the same in US dollars. */
	@org.springframework.modulith.NamedInterface("api")
	public record Amount(BigDecimal amount, BigDecimal amountUsd) {
	}

	/**
	 * pledged ≥ received ≥ allocated ≥ spent. {@code allocated} is the received money of a pledge allocated to a
	 * programme; {@code spent} is the pledge's share of the programme's spending (see docs/reporting.md); {@code
	 * unspent} is allocated minus spent.
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record Money(Amount pledged, Amount received, Amount allocated, Amount spent, Amount unspent) {
	}

	/**
	 * The funded programme, its figures in its own currency. {@code spentBeyondReceived} is spending above what
	 * it received, authorised by an officer's override and paid by no pledge yet.
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record Programme(long id, String title, Office office, ProgrammeStatus status, ImplementationStage stage,
			String currency, BigDecimal budget, BigDecimal received, BigDecimal spent, BigDecimal spentBeyondReceived,
			Unspent unspentFunds) {
	}

	/** The officer's choice for the funds left when the programme closed (programme currency). */
	@org.springframework.modulith.NamedInterface("api")
	public record Unspent(BigDecimal amount, UnspentFundsChoice choice, String reason, Instant decidedAt) {
	}

	@org.springframework.modulith.NamedInterface("api")
	public record Activity(long id, ActivityType type, String title, String country, ActivityStatus status,
			LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd,
			String cancelReason, int milestones, int milestonesCompleted, List<Document> documents) {
	}

	@org.springframework.modulith.NamedInterface("api")
	public record Document(String title, String language, String link) {
	}

	@org.springframework.modulith.NamedInterface("api")
	public record Report(long id, ReportKind kind, LocalDate periodFrom, LocalDate periodTo, String summary,
			BigDecimal spent, Instant submittedAt, Instant sentToDonorsAt) {
	}

}
