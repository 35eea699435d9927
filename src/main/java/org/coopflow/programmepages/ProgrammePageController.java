package org.coopflow.programmepages;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.coopflow.shared.ConflictException;
import org.coopflow.activities.Activities;
import org.coopflow.activities.ActivityView;
import org.coopflow.overlap.OverlapAlertView;
import org.coopflow.overlap.ProgrammeAlerts;
import org.coopflow.pledges.PledgeService;
import org.coopflow.pledges.PledgeView;
import org.coopflow.programmes.FundingStatus;
import org.coopflow.programmes.ProgrammeChange;
import org.coopflow.programmes.ProgrammeFunding;
import org.coopflow.programmes.ProgrammeService;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.programmes.ProposalSubmission;
import org.coopflow.reference.Amounts;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.DacSectors;
import org.coopflow.reference.Standard;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.results.Phase;
import org.coopflow.results.ResultsFramework;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.UserDirectory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A programme's page: what it is, where it stands, its money, pledges, overlap alerts, activities,
 * results (target against actual per indicator and period), history and the open tasks on it, each read
 * through the module that owns it; and its submission as a funding proposal, the same step as the API's.
 */
@Controller
class ProgrammePageController {

	private final ProgrammeService programmes;

	private final ProgrammeFunding funding;

	private final ProposalSubmission submission;

	private final PledgeService pledges;

	private final ProgrammeAlerts alerts;

	private final Activities activities;

	private final ProgrammeTasks tasks;

	private final UserDirectory people;

	private final StandardsCatalogue standards;

	private final ResultsFramework results;

	private final Clock clock;

	ProgrammePageController(ProgrammeService programmes, ProgrammeFunding funding, ProposalSubmission submission,
			PledgeService pledges, ProgrammeAlerts alerts, Activities activities, ProgrammeTasks tasks,
			UserDirectory people, StandardsCatalogue standards, ResultsFramework results, Clock clock) {
		this.results = results;
		this.clock = clock;
		this.programmes = programmes;
		this.funding = funding;
		this.submission = submission;
		this.pledges = pledges;
		this.alerts = alerts;
		this.activities = activities;
		this.tasks = tasks;
		this.people = people;
		this.standards = standards;
	}

	record Money(String budget, String pledged, String agreed, String received, String gap, boolean hasGap) {
	}

	record PledgeRow(long id, String donor, String amount, String status, String earmarking) {
	}

	record AlertRow(long id, String other, String otherOffice, String severity, String status) {
	}

	record ActivityRow(long id, String title, String type, String country, String status) {
	}

	record Change(String what, String by, Instant at, List<String> fields, String note) {
	}

	@GetMapping("/programmes/{id}")
	String programme(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id, Model model) {
		OfficerPages.require(user);
		ProgrammeView p = programmes.get(user, id);
		Map<String, String> titles = standards.all().stream().collect(Collectors.toMap(Standard::code, Standard::title));
		FundingStatus money = funding.status(user, id);
		List<PledgeView> pledgesOfProgramme = pledges.search(user, null, id, null, 0, 200).content();
		List<OverlapAlertView> alertsOfProgramme = alerts.of(user, id);
		List<ActivityView> activitiesOfProgramme = activities.ofProgramme(user, id);
		model.addAttribute("p", p);
		model.addAttribute("countries", p.countries().stream().map(CountryNames::name).toList());
		model.addAttribute("standards", p.standards().stream().map(code -> titles.getOrDefault(code, code)).toList());
		model.addAttribute("activityTypes", p.activityTypes().stream().map(type -> type.label()).toList());
		model.addAttribute("sectors", p.sectors().stream().map(DacSectors::inWords).toList());
		model.addAttribute("budget", Amounts.format(p.budget()));
		model.addAttribute("money", new Money(Amounts.format(money.currency(), money.budget()),
				Amounts.format(money.currency(), money.pledged()), Amounts.format(money.currency(), money.committed()),
				Amounts.format(money.currency(), money.received()), Amounts.format(money.currency(), money.gap()),
				money.gap().signum() > 0));
		model.addAttribute("pledges", pledgesOfProgramme.stream()
			.map(pledge -> new PledgeRow(pledge.id(), CountryNames.name(pledge.donor()),
					Amounts.format(pledge.currency(), pledge.amount()), pledge.status().label(),
					pledge.earmarking().label()))
			.toList());
		model.addAttribute("alerts", alertsOfProgramme.stream().map(alert -> alertRow(alert, id)).toList());
		model.addAttribute("activities", activitiesOfProgramme.stream()
			.map(activity -> new ActivityRow(activity.id(), activity.title(), activity.type().label(),
					activity.country() == null ? null : CountryNames.name(activity.country()), activity.status().label()))
			.toList());
		model.addAttribute("implementation", activities.implementationView(id).isPresent());
		model.addAttribute("history", programmes.history(user, id).stream().map(this::change).toList());
		model.addAttribute("tasks", tasks.of(user, id, pledgesOfProgramme.stream().map(PledgeView::id).toList(),
				alertsOfProgramme.stream().map(OverlapAlertView::id).toList()));
		boolean ownOffice = OfficerPages.createsProgrammes(user) && user.getOffice() == p.office();
		model.addAttribute("editable", ownOffice && p.status().isEditable());
		model.addAttribute("submittable", ownOffice && p.status() == ProgrammeStatus.DRAFT);
		model.addAttribute("results", results.of(user, id));
		model.addAttribute("resultRevisions", results.revisions(user, id));
		model.addAttribute("resultsWritable", ownOffice && Phase.of(p.status()) != Phase.ENDED);
		model.addAttribute("resultsNeedReason", Phase.of(p.status()) == Phase.APPROVED);
		model.addAttribute("today", LocalDate.now(clock));
		return "programmes/programme";
	}

	@PostMapping("/programmes/{id}/submission")
	String submit(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id, RedirectAttributes redirect) {
		OfficerPages.require(user);
		try {
			submission.submit(user, id);
			redirect.addFlashAttribute("notice", "The proposal was submitted: it is screened for overlaps, then reviewed.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", "It was not submitted: " + e.getMessage());
		}
		return "redirect:/programmes/" + id;
	}

	private static AlertRow alertRow(OverlapAlertView alert, long programmeId) {
		OverlapAlertView.ProgrammeSide other = alert.first().id() == programmeId ? alert.second() : alert.first();
		return new AlertRow(alert.id(), other.title(), other.office(), severity(alert.severity()),
				alert.status().label());
	}

	private static String severity(String severity) {
		return severity == null || severity.isEmpty() ? ""
				: severity.charAt(0) + severity.substring(1).toLowerCase(java.util.Locale.ROOT);
	}

	private Change change(ProgrammeChange change) {
		List<String> fields = new ArrayList<>();
		if (change.changes() != null && !"CREATED".equals(change.kind()) && !"IMPORTED".equals(change.kind())) {
			change.changes().forEach((field, fromTo) -> {
				if (!"status".equals(field)) {
					fields.add(fieldName(field) + deadline(field, fromTo));
				}
			});
		}
		return new Change(kind(change.kind()), people.displayNameOf(change.changedBy()), change.changedAt(), fields,
				change.note());
	}

	/** A history entry's kind as what happened. */
	static String kind(String kind) {
		return switch (kind) {
			case "CREATED" -> "Created as a draft";
			case "IMPORTED" -> "Imported as a draft";
			case "UPDATED" -> "Edited";
			case "SUBMITTED" -> "Submitted as a funding proposal";
			case "OVERLAP_REVIEW" -> "Sent to the coordinators: it may overlap another programme";
			case "AWAITING_REVIEW" -> "Waiting for review";
			case "RETURNED_FOR_REVISION" -> "Returned for revision";
			case "REJECTED" -> "Rejected";
			case "WITHDRAWN" -> "Withdrawn";
			case "OPENED_FOR_FUNDING" -> "Opened for funding";
			case "FUNDING_DEADLINE_PASSED" -> "Funding deadline passed short of the budget";
			case "FUNDING_DEADLINE_EXTENDED" -> "Funding deadline extended";
			case "BUDGET_REVISED" -> "Budget revised";
			case "FUNDED" -> "Fully funded";
			case "CANCELLED" -> "Cancelled";
			case "CLOSED" -> "Closed";
			default -> kind.charAt(0) + kind.substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
		};
	}

	/** The new funding deadline's day, which the process sets and nobody types: ": 2027-12-06". */
	private static String deadline(String field, Object fromTo) {
		if (!"fundingDeadlineAt".equals(field) || !(fromTo instanceof Map<?, ?> change)
				|| !(change.get("to") instanceof String to)) {
			return "";
		}
		try {
			return ": " + Instant.parse(to).atZone(ZoneOffset.UTC).toLocalDate();
		}
		catch (DateTimeParseException e) {
			return "";
		}
	}

	/** A changed field's name as the form calls it, or its name in words. */
	static String fieldName(String field) {
		if ("fundingDeadlineAt".equals(field)) {
			return "Funding deadline";
		}
		String key = "budget".equals(field) ? "budgetAmount" : field;
		if (ProgrammeForm.LABELS.containsKey(key)) {
			return "budgetAmount".equals(key) ? "Budget" : ProgrammeForm.LABELS.get(key);
		}
		String words = field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
