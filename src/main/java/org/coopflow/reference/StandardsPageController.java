package org.coopflow.reference;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' standards page: the catalogue in its order, a form to add a standard, and per
 * standard a form to correct its words and a button to remove it when nothing names it. It does what
 * {@code /api/standards} does, for an administrator in a browser.
 */
@Controller
@RequestMapping("/standards")
class StandardsPageController {

	static final Map<String, String> LABELS = Map.of("code", "Code", "title", "Title", "adoptedBy", "Adopted or endorsed by");

	private final StandardsCatalogue catalogue;

	private final AddStandard addStandard;

	private final ChangeStandard changeStandard;

	private final RemoveStandard removeStandard;

	StandardsPageController(StandardsCatalogue catalogue, AddStandard addStandard, ChangeStandard changeStandard,
			RemoveStandard removeStandard) {
		this.catalogue = catalogue;
		this.addStandard = addStandard;
		this.changeStandard = changeStandard;
		this.removeStandard = removeStandard;
	}

	@GetMapping
	String standards(Model model) {
		return show(model, new AddStandard.NewStandard("", "", ""), Map.of(), null, null, Map.of());
	}

	@PostMapping
	String add(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String adoptedBy, Principal administrator, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		AddStandard.NewStandard form = new AddStandard.NewStandard(code.strip(), title, adoptedBy);
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			Standard added = addStandard.add(administrator.getName(), form);
			redirect.addFlashAttribute("done", "Added " + added.title() + " (" + added.code()
					+ "). Programmes, pledges, activities and results may name it from now on (on every server of a cluster within half a minute).");
			return "redirect:/standards#standard-" + added.code();
		}
		catch (InvalidInputException e) {
			e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.reason()));
		}
		catch (ConflictException e) {
			errors.put("code", "is in the catalogue already: choose another");
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return show(model, form, errors, null, null, Map.of());
	}

	@PostMapping("/{code}")
	String change(@PathVariable String code, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String adoptedBy, Principal administrator, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ChangeStandard.Wording wording = new ChangeStandard.Wording(title, adoptedBy);
		try {
			Standard changed = changeStandard.change(administrator.getName(), code, wording);
			redirect.addFlashAttribute("done", "Changed " + changed.title() + " (" + changed.code() + "): every page shows the new words.");
			return "redirect:/standards#standard-" + changed.code();
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.reason()));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(model, new AddStandard.NewStandard("", "", ""), Map.of(), code, wording, errors);
		}
	}

	@PostMapping("/{code}/remove")
	String remove(@PathVariable String code, Principal administrator, RedirectAttributes redirect) {
		try {
			Standard removed = removeStandard.remove(administrator.getName(), code);
			redirect.addFlashAttribute("done", "Removed " + removed.title() + " (" + removed.code() + ") from the catalogue.");
			return "redirect:/standards";
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
			return "redirect:/standards#standard-" + code;
		}
	}

	private String show(Model model, AddStandard.NewStandard form, Map<String, String> errors, String changeFor,
			ChangeStandard.Wording changeForm, Map<String, String> changeErrors) {
		model.addAttribute("standards", catalogue.all());
		model.addAttribute("most", StandardsCatalogue.MOST);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("labels", LABELS);
		model.addAttribute("changeFor", changeFor);
		model.addAttribute("changeForm", changeForm);
		model.addAttribute("changeErrors", changeErrors);
		return "standards";
	}

}
