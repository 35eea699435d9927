package org.coopflow.donors;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.coopflow.pledges.PledgeService;
import org.coopflow.pledges.PledgeView;
import org.coopflow.programmes.ProgrammeService;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.security.CoopflowUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The pledge form. Each rendering carries a new idempotency key, so that a form sent twice (a double
 * click, a reload after the answer was lost) makes one pledge; a form sent back with errors keeps its
 * key, since nothing was recorded under it.
 */
@Controller
class PledgeFormController {

	private final PledgeService pledges;

	private final ProgrammeService programmes;

	private final StandardsCatalogue standards;

	PledgeFormController(PledgeService pledges, ProgrammeService programmes, StandardsCatalogue standards) {
		this.pledges = pledges;
		this.programmes = programmes;
		this.standards = standards;
	}

	record Problem(String field, String anchor, String label, String reason) {
	}

	@GetMapping("/donor/pledges/new")
	String form(@AuthenticationPrincipal CoopflowUser user, @RequestParam(required = false) Long programmeId,
			Model model) {
		return show(user, PledgeForm.blank(UUID.randomUUID().toString(), programmeId), List.of(), model);
	}

	@PostMapping("/donor/pledges")
	String create(@AuthenticationPrincipal CoopflowUser user, @ModelAttribute("form") PledgeForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		PledgeForm.Parsed parsed = form.toRequest();
		List<InvalidField> errors = parsed.errors();
		if (!errors.isEmpty()) {
			// every error at once: what the service finds in the fields that could be read, and for the
			// others only why they could not be read
			Set<String> unread = errors.stream().map(InvalidField::field).collect(Collectors.toSet());
			List<InvalidField> all = new ArrayList<>(errors);
			form.onForm(pledges.problems(user, parsed.request()))
				.stream()
				.filter(error -> !unread.contains(error.field()))
				.forEach(all::add);
			errors = all;
		}
		else {
			try {
				PledgeView pledge = pledges.create(user, parsed.request(), form.getIdempotencyKey());
				redirect.addFlashAttribute("recorded", pledge.id());
				return "redirect:/donor/pledges#pledge-" + pledge.id();
			}
			catch (InvalidInputException e) {
				errors = form.onForm(e.errors());
			}
			catch (ConflictException e) {
				errors = List.of(new InvalidField("form", e.getMessage()));
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		form.padRows();
		return show(user, form, errors, model);
	}

	private String show(CoopflowUser user, PledgeForm form, List<InvalidField> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", PledgeForm.byField(errors));
		model.addAttribute("problems", errors.stream()
			.map(error -> new Problem(error.field(), PledgeForm.anchor(error.field()), PledgeForm.label(error.field()),
					error.reason()))
			.toList());
		model.addAttribute("programme", programme(user, form.getProgrammeId()));
		model.addAttribute("standards", standards.all());
		model.addAttribute("countries", CountryNames.all());
		return "donor/pledge-form";
	}

	/** The programme the form came from, when a donor may still fund it; its title says what is pledged to. */
	private ProgrammeView programme(CoopflowUser user, String programmeId) {
		try {
			return programmeId == null || programmeId.isBlank() ? null : programmes.get(user, Long.parseLong(programmeId.trim()));
		}
		catch (NumberFormatException | NotFoundException e) {
			return null;
		}
	}

}
