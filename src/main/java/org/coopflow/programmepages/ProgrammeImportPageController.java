package org.coopflow.programmepages;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.coopflow.programmes.ProgrammeImport;
import org.coopflow.security.CoopflowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The CSV import as a page: the file goes to the same {@link ProgrammeImport} as the API's, and its
 * report comes back as a page — the drafts made, or every refused row with its line, column and reason
 * (the import takes all rows or none).
 */
@Controller
class ProgrammeImportPageController {

	private final ProgrammeImport importer;

	ProgrammeImportPageController(ProgrammeImport importer) {
		this.importer = importer;
	}

	@GetMapping("/programmes/imports/new")
	String form(@AuthenticationPrincipal CoopflowUser user, Model model) {
		OfficerPages.require(user);
		model.addAttribute("office", user.getOffice());
		return "programmes/import";
	}

	@PostMapping("/programmes/imports")
	String upload(@AuthenticationPrincipal CoopflowUser user,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, HttpServletResponse response)
			throws IOException {
		OfficerPages.require(user);
		model.addAttribute("office", user.getOffice());
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("fileError", "Choose a CSV file to import.");
			return "programmes/import";
		}
		model.addAttribute("fileName", file.getOriginalFilename());
		try (InputStream csv = file.getInputStream()) {
			model.addAttribute("report", importer.importCsv(user, csv));
		}
		catch (ProgrammeImport.Rejected e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("rejected", e);
		}
		return "programmes/import";
	}

}
