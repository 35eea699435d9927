package org.coopflow.reporting;

import java.math.BigDecimal;
import java.util.List;

import org.coopflow.activities.Activities;
import org.coopflow.activities.ActivityView;
import org.coopflow.activities.ImplementationReports;
import org.coopflow.activities.ImplementationView;
import org.coopflow.activities.ReportView;
import org.coopflow.pledges.PledgeService;
import org.coopflow.pledges.PledgeStatus;
import org.coopflow.pledges.PledgeView;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.reference.Currencies;
import org.coopflow.reporting.PledgeReport.Amount;
import org.coopflow.security.CoopflowUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a pledge's report. Who may read it is the pledge's rule: the donor of the pledge's Member State
 * (any other pledge is a 404 to a donor) and staff. Staff see what the donor sees: only the reports
 * shared with donors.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class PledgeReports {

	private final PledgeService pledges;

	private final ProgrammeCatalogue programmes;

	private final Activities activities;

	private final ImplementationReports reports;

	private final Currencies currencies;

	PledgeReports(PledgeService pledges, ProgrammeCatalogue programmes, Activities activities,
			ImplementationReports reports, Currencies currencies) {
		this.pledges = pledges;
		this.programmes = programmes;
		this.activities = activities;
		this.reports = reports;
		this.currencies = currencies;
	}

	public PledgeReport of(CoopflowUser user, long pledgeId) {
		PledgeView pledge = pledges.get(user, pledgeId);
		int scale = currencies.minorUnits(pledge.currency());
		Amount pledged = new Amount(pledge.amount(), pledge.amountUsd());
		Amount received = new Amount(pledge.receivedAmount(), pledge.receivedAmountUsd());
		Long programmeId = pledge.allocatedProgrammeId();
		ProgrammeView programme = programmeId == null || !PledgeStatus.FUNDING.contains(pledge.status()) ? null
				: programmes.find(programmeId).orElse(null);
		if (programme == null) {
			Amount none = new Amount(BigDecimal.ZERO.setScale(scale), BigDecimal.ZERO.setScale(Currencies.USD_MINOR_UNITS));
			return new PledgeReport(pledge.id(), pledge.donor(), pledge.office(), pledge.status(), pledge.currency(),
					new PledgeReport.Money(pledged, received, none, none, none), null, List.of(), List.of());
		}
		BigDecimal programmeReceived = programmes.received(programme.id()).setScale(2);
		BigDecimal programmeSpent = activities.spent(programme.id()).setScale(2);
		BigDecimal share = SpendingAttribution.spentShare(programmeReceived, programmeSpent);
		Amount spent = new Amount(SpendingAttribution.spentOf(received.amount(), share, scale),
				SpendingAttribution.spentOf(received.amountUsd(), share, Currencies.USD_MINOR_UNITS));
		Amount unspent = new Amount(received.amount().subtract(spent.amount()),
				received.amountUsd().subtract(spent.amountUsd()));
		ImplementationView implementation = activities.implementationView(programme.id()).orElse(null);
		PledgeReport.Unspent decision = implementation == null || implementation.unspentChoice() == null ? null
				: new PledgeReport.Unspent(implementation.unspentAmount(), implementation.unspentChoice(),
						implementation.unspentReason(), implementation.unspentDecidedAt());
		PledgeReport.Programme funded = new PledgeReport.Programme(programme.id(), programme.title(),
				programme.office(), programme.status(), implementation == null ? null : implementation.stage(),
				programme.budget().currency(), programme.budget().amount().setScale(2), programmeReceived,
				programmeSpent, SpendingAttribution.beyondReceived(programmeReceived, programmeSpent), decision);
		return new PledgeReport(pledge.id(), pledge.donor(), pledge.office(), pledge.status(), pledge.currency(),
				new PledgeReport.Money(pledged, received, received, spent, unspent), funded,
				activities.activitiesOf(programme.id()).stream().map(PledgeReports::activity).toList(),
				reports.ofProgramme(programme.id())
					.stream()
					.filter(ReportView::sharedWithDonors)
					.map(r -> new PledgeReport.Report(r.id(), r.kind(), r.periodFrom(), r.periodTo(), r.summary(),
							r.spent(), r.submittedAt(), r.sentToDonorsAt()))
					.toList());
	}

	private static PledgeReport.Activity activity(ActivityView a) {
		return new PledgeReport.Activity(a.id(), a.type(), a.title(), a.country(), a.status(), a.plannedStart(),
				a.plannedEnd(), a.actualStart(), a.actualEnd(), a.cancelReason(), a.milestones().size(),
				(int) a.milestones().stream().filter(ActivityView.Milestone::completed).count(),
				a.documents().stream().map(d -> new PledgeReport.Document(d.title(), d.language(), d.link())).toList());
	}

}
