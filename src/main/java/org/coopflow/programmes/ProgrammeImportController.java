package org.coopflow.programmes;

import java.io.IOException;
import java.io.InputStream;

import org.apache.commons.io.input.BoundedInputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.coopflow.security.CoopflowUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk import of an office's existing portfolio, as an upload ({@code multipart/form-data}, part
 * {@code file}) or as the raw {@code text/csv} body; both end in {@link ProgrammeImport}.
 */
@RestController
@RequestMapping("/api/programmes/imports")
@Tag(name = "Programmes")
class ProgrammeImportController {

	static final String TEXT_CSV = "text/csv";

	private final ProgrammeImport importer;

	ProgrammeImportController(ProgrammeImport importer) {
		this.importer = importer;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a CSV file of programmes as drafts of the officer's office: all rows or none")
	ResponseEntity<ProgrammeImport.Report> upload(@AuthenticationPrincipal CoopflowUser user,
			@RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream csv = file.getInputStream()) {
			return created(importer.importCsv(user, csv));
		}
	}

	@PostMapping(consumes = TEXT_CSV)
	@Operation(summary = "Import a CSV body of programmes as drafts of the officer's office: all rows or none")
	ResponseEntity<ProgrammeImport.Report> body(@AuthenticationPrincipal CoopflowUser user, InputStream csv)
			throws IOException {
		// the multipart limit does not cover a raw body: cap it the same, or one request could fill the heap
		InputStream capped = BoundedInputStream.builder()
			.setInputStream(csv)
			.setMaxCount(MAX_BODY_BYTES)
			.setOnMaxCount((max, count) -> {
				throw new ProgrammeImport.Rejected("The file is larger than " + (MAX_BODY_BYTES / (1024 * 1024))
						+ " MB; split it and import each part.", new ProgrammeImport.RowError(1, "file", "too large"));
			})
			.get();
		return created(importer.importCsv(user, capped));
	}

	/** Same as spring.servlet.multipart.max-file-size. */
	static final long MAX_BODY_BYTES = 20L * 1024 * 1024;

	private static ResponseEntity<ProgrammeImport.Report> created(ProgrammeImport.Report report) {
		// the imported programmes are the office's drafts; there is no import resource to keep
		return ResponseEntity.created(URI.create("/api/programmes?office=" + report.office() + "&status=DRAFT"))
			.body(report);
	}

	/** Every bad row with line, column and reason, so that the officer corrects the file in one go. */
	@ExceptionHandler(ProgrammeImport.Rejected.class)
	ProblemDetail rejected(ProgrammeImport.Rejected e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Invalid import file");
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("errors", e.errors());
		properties.put("errorCount", e.errorCount());
		if (e.rows() > 0) {
			properties.put("rows", e.rows());
			properties.put("rowsWithErrors", e.rowsWithErrors());
		}
		problem.setProperties(properties);
		return problem;
	}

}
