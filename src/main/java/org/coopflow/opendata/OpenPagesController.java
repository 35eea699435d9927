package org.coopflow.opendata;

import java.util.List;

import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.DacSectors;
import org.coopflow.reference.Office;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.shared.PageView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The open pages: the published programmes, searchable, and each one's page, for anyone without
 * signing in, from the same published fields as the open API.
 */
@Controller
class OpenPagesController {

	private static final int PAGE_SIZE = 20;

	private final OpenProgrammes programmes;

	private final StandardsCatalogue standards;

	OpenPagesController(OpenProgrammes programmes, StandardsCatalogue standards) {
		this.programmes = programmes;
		this.standards = standards;
	}

	@GetMapping("/open")
	String list(@RequestParam(required = false) Office office, @RequestParam(required = false) String country,
			@RequestParam(required = false) String standard, @RequestParam(required = false) ProgrammeStatus status,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		int number = Math.max(page, 0);
		PageView<OpenProgramme> found = programmes.page(
				new OpenProgrammes.Search(office, blankToNull(country), blankToNull(standard), status, blankToNull(q)),
				number, PAGE_SIZE);
		model.addAttribute("rows", found.content());
		model.addAttribute("total", found.page().totalElements());
		model.addAttribute("page", number);
		model.addAttribute("hasNext", (long) (number + 1) * PAGE_SIZE < found.page().totalElements());
		UriComponentsBuilder here = UriComponentsBuilder.fromPath("/open")
			.queryParamIfPresent("office", java.util.Optional.ofNullable(office))
			.queryParamIfPresent("country", java.util.Optional.ofNullable(blankToNull(country)))
			.queryParamIfPresent("standard", java.util.Optional.ofNullable(blankToNull(standard)))
			.queryParamIfPresent("status", java.util.Optional.ofNullable(status))
			.queryParamIfPresent("q", java.util.Optional.ofNullable(blankToNull(q)));
		model.addAttribute("previous", here.cloneBuilder().replaceQueryParam("page", number - 1).build().encode().toUriString());
		model.addAttribute("next", here.cloneBuilder().replaceQueryParam("page", number + 1).build().encode().toUriString());
		model.addAttribute("csv", here.cloneBuilder().replacePath("/open/api/programmes").queryParam("format", "csv")
			.queryParam("page", number).queryParam("size", PAGE_SIZE).build().encode().toUriString());
		model.addAttribute("filters", new Filters(office == null ? "" : office.name(), blankToEmpty(country),
				blankToEmpty(standard), status == null ? "" : status.name(), blankToEmpty(q)));
		model.addAttribute("offices", Office.values());
		model.addAttribute("statuses", List.copyOf(OpenProgrammes.PUBLISHED));
		model.addAttribute("countries", CountryNames.all());
		model.addAttribute("standards", standards.all());
		return "open/programmes";
	}

	@GetMapping("/open/programmes/{id}")
	String programme(@PathVariable long id, WebRequest request, Model model) {
		OpenProgramme programme = programmes.get(id);
		if (request.checkNotModified(programme.lastModified().toEpochMilli())) {
			return null;
		}
		model.addAttribute("p", programme);
		model.addAttribute("sectors", programme.sectors().stream().map(DacSectors::inWords).toList());
		return "open/programme";
	}

	/** What the search form shows as chosen. */
	record Filters(String office, String country, String standard, String status, String q) {
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String blankToEmpty(String value) {
		return value == null ? "" : value.trim();
	}

}
