package org.coopflow.programmepages;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.StaleVersionException;
import org.coopflow.programmes.ActivityType;
import org.coopflow.programmes.ProgrammeService;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.programmes.Scope;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.DacSectors;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.UserDirectory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The draft form, to create a programme and to edit one while it may be edited. The programmes module
 * judges it exactly as it judges the API's drafts ({@link ProgrammeService#problems}); the form only adds
 * what a browser can get wrong (a date or an amount that is not one), and every error is shown at once.
 * An edit carries the version it was read at, so that a change made meanwhile is never overwritten.
 */
@Controller
class ProgrammeFormController {

	private final ProgrammeService programmes;

	private final StandardsCatalogue standards;

	private final UserDirectory people;

	ProgrammeFormController(ProgrammeService programmes, StandardsCatalogue standards, UserDirectory people) {
		this.programmes = programmes;
		this.standards = standards;
		this.people = people;
	}

	/** A checkbox: the value sent, and what the officer reads. */
	record Choice(String value, String label) {
	}

	/** One line of the summary at the top: the field in words, why, and the anchor of its input. */
	record Problem(String anchor, String label, String reason) {
	}

	@GetMapping("/programmes/new")
	String newProgramme(@AuthenticationPrincipal CoopflowUser user, Model model) {
		OfficerPages.require(user);
		return show(user, new ProgrammeForm(), null, List.of(), model);
	}

	@PostMapping("/programmes")
	String create(@AuthenticationPrincipal CoopflowUser user, @ModelAttribute("form") ProgrammeForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		OfficerPages.require(user);
		ProgrammeForm.Parsed parsed = form.toDraft();
		List<InvalidField> errors = ProgrammeForm.merge(parsed.errors(), programmes.problems(parsed.draft()));
		if (errors.isEmpty()) {
			try {
				ProgrammeView created = programmes.create(user, parsed.draft());
				redirect.addFlashAttribute("notice", "The draft was saved. Submit it as a proposal when it is ready.");
				return "redirect:/programmes/" + created.id();
			}
			catch (InvalidInputException e) {
				errors = e.errors();
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return show(user, form, null, errors, model);
	}

	@GetMapping("/programmes/{id}/edit")
	String edit(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		OfficerPages.require(user);
		ProgrammeView programme = programmes.get(user, id);
		if (!OfficerPages.createsProgrammes(user) || user.getOffice() != programme.office()) {
			// saving would be refused: only the owning office's officers edit a programme
			redirect.addFlashAttribute("problem",
					"Only programme officers of " + programme.office().label() + " edit this programme.");
			return "redirect:/programmes/" + id;
		}
		if (!programme.status().isEditable()) {
			redirect.addFlashAttribute("problem", notEditable(programme));
			return "redirect:/programmes/" + id;
		}
		return show(user, ProgrammeForm.of(programme), programme, List.of(), model);
	}

	@PostMapping("/programmes/{id}")
	String update(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@ModelAttribute("form") ProgrammeForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		OfficerPages.require(user);
		ProgrammeView programme = programmes.get(user, id);
		ProgrammeForm.Parsed parsed = form.toDraft();
		List<InvalidField> errors = ProgrammeForm.merge(parsed.errors(), programmes.problems(parsed.draft()));
		if (form.getVersion() == null) {
			errors = append(errors, "the form was sent without the version it was read at; open the edit page again");
		}
		if (errors.isEmpty()) {
			try {
				programmes.update(user, id, form.getVersion(), parsed.draft());
				redirect.addFlashAttribute("notice", "Your changes were saved.");
				return "redirect:/programmes/" + id;
			}
			catch (InvalidInputException e) {
				errors = e.errors();
			}
			catch (StaleVersionException e) {
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				ProgrammeView now = programmes.get(user, id);
				return show(user, form, now, append(List.of(), "someone else saved a change to this programme (by "
						+ people.displayNameOf(now.updatedBy()) + ") after you opened this form, so yours was not saved. What you typed is"
						+ " below; open the programme in another tab to see their change, then save again to keep yours"
						+ " on top of it."), model, now.version());
			}
			catch (ConflictException e) {
				redirect.addFlashAttribute("problem", notEditable(programmes.get(user, id)));
				return "redirect:/programmes/" + id;
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return show(user, form, programme, errors, model);
	}

	private String show(CoopflowUser user, ProgrammeForm form, ProgrammeView programme, List<InvalidField> errors,
			Model model) {
		return show(user, form, programme, errors, model, null);
	}

	/** @param newVersion the version to save on top of after a conflict, or null to keep the form's */
	private String show(CoopflowUser user, ProgrammeForm form, ProgrammeView programme, List<InvalidField> errors,
			Model model, Integer newVersion) {
		if (newVersion != null) {
			form.setVersion(newVersion);
		}
		model.addAttribute("form", form);
		model.addAttribute("programme", programme);
		model.addAttribute("errors", ProgrammeForm.byField(errors));
		model.addAttribute("problems", errors.stream()
			.map(error -> new Problem(ProgrammeForm.field(error.field()), ProgrammeForm.label(ProgrammeForm.field(error.field())),
					ProgrammeForm.inWords(error.reason())))
			.toList());
		model.addAttribute("office", user.getOffice());
		model.addAttribute("scopes", Scope.values());
		model.addAttribute("activityTypes", ActivityType.values());
		model.addAttribute("commonSectors", DacSectors.JUSTICE_AND_HUMAN_RIGHTS.stream()
			.map(code -> new Choice(code, DacSectors.inWords(code)))
			.toList());
		model.addAttribute("standards", standards.all());
		model.addAttribute("countries", CountryNames.all());
		return "programmes/form";
	}

	private static List<InvalidField> append(List<InvalidField> errors, String reason) {
		List<InvalidField> all = new java.util.ArrayList<>(errors);
		all.add(0, new InvalidField("form", reason));
		return all;
	}

	private static String notEditable(ProgrammeView programme) {
		return "It cannot be edited: it is " + programme.status().label().toLowerCase(java.util.Locale.ROOT)
				+ ". Only a draft, or a proposal returned for revision, can be edited.";
	}

}
