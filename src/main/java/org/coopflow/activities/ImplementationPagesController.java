package org.coopflow.activities;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff pages of implementations: the list of funded programmes being implemented, and one
 * programme's activities, money and reports, where its office's officers plan activities (while the
 * "Plan activities" task is open) and record spending. The steps themselves are Tasklist's.
 */
@Controller
class ImplementationPagesController {

	private final Activities activities;

	private final ActivityPlanning planning;

	private final Expenditures expenditures;

	private final ImplementationReports reports;

	private final ProgrammeCatalogue programmes;

	private final StandardsCatalogue standards;

	ImplementationPagesController(Activities activities, ActivityPlanning planning, Expenditures expenditures,
			ImplementationReports reports, ProgrammeCatalogue programmes, StandardsCatalogue standards) {
		this.activities = activities;
		this.planning = planning;
		this.expenditures = expenditures;
		this.reports = reports;
		this.programmes = programmes;
		this.standards = standards;
	}

	/** One line of the error summary: the field's label, its input's id ("" for the form as a whole) and why. */
	record Problem(String anchor, String label, String reason) {
	}

	/** The labels of the forms' fields, as the summary names them. */
	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("type", "Type"),
			Map.entry("title", "Title"), Map.entry("country", "Country"),
			Map.entry("standards", "Standards it promotes"), Map.entry("plannedStart", "Planned start"),
			Map.entry("plannedEnd", "Planned end"), Map.entry("budgetLine", "Budget line"),
			Map.entry("plannedCost", "Planned cost"), Map.entry("milestones", "Milestones"),
			Map.entry("amount", "Amount"), Map.entry("spentOn", "Spent on"), Map.entry("description", "What for"),
			Map.entry("overrideReason", "Reason to spend beyond the funds received"));

	/** The spending form of one activity, as typed. */
	record SpendingForm(long activityId, String amount, String spentOn, String description, String overrideReason,
			String idempotencyKey) {
	}

	@GetMapping("/implementation")
	String list(@AuthenticationPrincipal CoopflowUser user, Model model) {
		model.addAttribute("implementations", activities.implementations(user));
		model.addAttribute("officer", user.getRole() == Role.PROGRAMME_OFFICER);
		return "activities/list";
	}

	@GetMapping("/implementation/{programmeId}")
	String show(@AuthenticationPrincipal CoopflowUser user, @PathVariable long programmeId, Model model) {
		return page(user, programmeId, new ActivityForm(), null, List.of(), model);
	}

	@PostMapping("/implementation/{programmeId}/activities")
	String plan(@AuthenticationPrincipal CoopflowUser user, @PathVariable long programmeId,
			@ModelAttribute ActivityForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ActivityForm.Parsed parsed = form.toDraft();
		List<InvalidField> errors = parsed.errors();
		if (!errors.isEmpty()) {
			// every error at once: the rules' verdict on the fields that could be read as well
			Set<String> unread = errors.stream().map(e -> ActivityForm.onForm(e.field())).collect(Collectors.toSet());
			List<InvalidField> all = new ArrayList<>(errors);
			programmes.find(programmeId)
				.map(programme -> planning.problems(parsed.draft(), programme))
				.orElse(List.of())
				.stream()
				.filter(error -> !unread.contains(ActivityForm.onForm(error.field())))
				.forEach(all::add);
			errors = all;
		}
		else {
			try {
				ActivityView planned = planning.create(user, programmeId, parsed.draft());
				redirect.addFlashAttribute("done", "Activity \"" + planned.title() + "\" planned.");
				return "redirect:/implementation/" + programmeId + "#activity-" + planned.id();
			}
			catch (InvalidInputException e) {
				errors = e.errors();
			}
			catch (ConflictException e) {
				errors = List.of(new InvalidField("form", e.getMessage()));
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return page(user, programmeId, form, null, errors, model);
	}

	@PostMapping("/implementation/{programmeId}/activities/{activityId}/expenditures")
	String spend(@AuthenticationPrincipal CoopflowUser user, @PathVariable long programmeId, @PathVariable long activityId,
			@RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String spentOn,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String overrideReason,
			@RequestParam(defaultValue = "") String idempotencyKey, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		SpendingForm form = new SpendingForm(activityId, amount, spentOn, description, overrideReason, idempotencyKey);
		List<InvalidField> errors = new ArrayList<>();
		BigDecimal parsedAmount = null;
		LocalDate parsedDate = null;
		try {
			parsedAmount = amount.isBlank() ? null : new BigDecimal(amount.trim());
		}
		catch (NumberFormatException e) {
			errors.add(new InvalidField("amount", "must be an amount such as 2500.00"));
		}
		try {
			parsedDate = spentOn.isBlank() ? null : LocalDate.parse(spentOn.trim());
		}
		catch (DateTimeParseException e) {
			errors.add(new InvalidField("spentOn", "must be a date as YYYY-MM-DD"));
		}
		if (errors.isEmpty()) {
			try {
				ActivityView activity = activities.get(user, activityId);
				if (activity.programmeId() != programmeId) {
					throw new NotFoundException("Activity " + activityId + " does not exist.");
				}
				expenditures.record(user, activityId, new ExpenditureRequest(parsedAmount, activity.currency(),
						parsedDate, description.strip(), overrideReason), idempotencyKey.isBlank() ? null : idempotencyKey);
				redirect.addFlashAttribute("done", "Spending of " + activity.currency() + " " + parsedAmount.toPlainString()
						+ " recorded for \"" + activity.title() + "\".");
				return "redirect:/implementation/" + programmeId + "#activity-" + activityId;
			}
			catch (InvalidInputException e) {
				errors = e.errors();
			}
			catch (ConflictException e) {
				errors = List.of(new InvalidField("form", e.getMessage()));
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return page(user, programmeId, new ActivityForm(), form, errors, model);
	}

	private String page(CoopflowUser user, long programmeId, ActivityForm form, SpendingForm spending,
			List<InvalidField> errors, Model model) {
		ProgrammeView programme = programmes.find(programmeId)
			.filter(p -> user.getRole() != Role.DONOR)
			.orElseThrow(() -> new NotFoundException("Programme " + programmeId + " does not exist."));
		var implementation = activities.implementation(programmeId)
			.orElseThrow(() -> new NotFoundException("Programme " + programmeId + " is not being implemented."));
		BigDecimal received = programmes.received(programmeId).setScale(2);
		BigDecimal spent = activities.spent(programmeId);
		boolean mayEdit = user.getRole() == Role.PROGRAMME_OFFICER && user.getOffice() == programme.office();
		Map<String, String> byField = new LinkedHashMap<>();
		String prefix = spending == null ? "" : "spend-" + spending.activityId() + "-";
		for (InvalidField error : errors) {
			byField.merge(spending == null ? ActivityForm.onForm(error.field()) : error.field(), error.reason(),
					(a, b) -> a + "; " + b);
		}
		model.addAttribute("programme", programme);
		model.addAttribute("implementation", implementation);
		model.addAttribute("activities", activities.activitiesOf(programmeId));
		model.addAttribute("reports", reports.ofProgramme(programmeId));
		model.addAttribute("received", received);
		model.addAttribute("spent", spent);
		// spending beyond the funds received (an officer's recorded override) is shown as such, not as a
		// negative amount left
		model.addAttribute("left", received.subtract(spent).max(BigDecimal.ZERO));
		model.addAttribute("overspent", spent.subtract(received).max(BigDecimal.ZERO));
		model.addAttribute("mayEdit", mayEdit);
		model.addAttribute("planning", implementation.stage() == ImplementationStage.PLANNING);
		model.addAttribute("form", form);
		model.addAttribute("spending", spending);
		model.addAttribute("errors", spending == null ? byField : Map.of());
		model.addAttribute("spendingErrors", spending == null ? Map.of() : byField);
		model.addAttribute("problems", byField.entrySet()
			.stream()
			.map(e -> new Problem("form".equals(e.getKey()) ? "" : prefix + e.getKey(),
					LABELS.getOrDefault(e.getKey(), ""), e.getValue()))
			.toList());
		model.addAttribute("newKey", UUID.randomUUID().toString());
		model.addAttribute("standardTitles", standards.all().stream()
			.filter(s -> programme.standards().contains(s.code()))
			.toList());
		model.addAttribute("countryNames", programme.countries().stream()
			.collect(java.util.stream.Collectors.toMap(c -> c, CountryNames::name, (a, b) -> a, LinkedHashMap::new)));
		return "activities/programme";
	}

}
