package org.coopflow.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.reference.Office;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.PageView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The published programmes for anyone, without signing in: JSON by default, CSV when asked for with
 * {@code Accept: text/csv} (or {@code ?format=csv}, for a link in a browser). Every answer carries an
 * ETag (see {@link OpenDataWeb}); a single programme also carries Last-Modified and answers 304 to
 * If-Modified-Since when nothing published about it changed.
 */
@RestController
@RequestMapping("/open/api/programmes")
class OpenDataController {

	static final String TEXT_CSV = "text/csv";

	private final OpenProgrammes programmes;

	OpenDataController(OpenProgrammes programmes) {
		this.programmes = programmes;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	PageView<OpenProgramme> list(@RequestParam(required = false) Office office,
			@RequestParam(required = false) String country, @RequestParam(required = false) String standard,
			@RequestParam(required = false) ProgrammeStatus status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		checkPage(page, size);
		return programmes.page(new OpenProgrammes.Search(office, country, standard, status, q), page, size);
	}

	@GetMapping(produces = TEXT_CSV)
	ResponseEntity<String> listAsCsv(@RequestParam(required = false) Office office,
			@RequestParam(required = false) String country, @RequestParam(required = false) String standard,
			@RequestParam(required = false) ProgrammeStatus status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		checkPage(page, size);
		List<OpenProgramme> rows = programmes.page(new OpenProgrammes.Search(office, country, standard, status, q), page, size)
			.content();
		return csv(rows, "programmes.csv");
	}

	@GetMapping(params = "format=csv")
	ResponseEntity<String> listAsCsvByParameter(@RequestParam(required = false) Office office,
			@RequestParam(required = false) String country, @RequestParam(required = false) String standard,
			@RequestParam(required = false) ProgrammeStatus status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		return listAsCsv(office, country, standard, status, q, page, size);
	}

	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<OpenProgramme> get(@PathVariable long id, WebRequest request) {
		OpenProgramme programme = programmes.get(id);
		if (request.checkNotModified(programme.lastModified().toEpochMilli())) {
			return null; // 304, headers set by checkNotModified
		}
		return ResponseEntity.ok().body(programme); // Last-Modified set by checkNotModified, once
	}

	@GetMapping(path = "/{id}", produces = TEXT_CSV)
	ResponseEntity<String> getAsCsv(@PathVariable long id, WebRequest request) {
		OpenProgramme programme = programmes.get(id);
		if (request.checkNotModified(programme.lastModified().toEpochMilli())) {
			return null;
		}
		return csv(List.of(programme), "programme-" + id + ".csv");
	}

	@GetMapping(path = "/{id}", params = "format=csv")
	ResponseEntity<String> getAsCsvByParameter(@PathVariable long id, WebRequest request) {
		return getAsCsv(id, request);
	}

	private static void checkPage(int page, int size) {
		if (page < 0) {
			throw new InvalidInputException(List.of(new InvalidField("page", "must be 0 or more")));
		}
		if (size < 1 || size > OpenProgrammes.MAX_PAGE_SIZE) {
			throw new InvalidInputException(
					List.of(new InvalidField("size", "must be between 1 and " + OpenProgrammes.MAX_PAGE_SIZE)));
		}
	}

	/** The columns of the CSV files, in order: one row per programme, lists joined with "; ". */
	static final List<String> CSV_COLUMNS = List.of("id", "office", "title", "status", "countries", "standards", "sectors",
			"activity_types", "implementing_partner", "planned_start", "planned_end", "currency", "budget", "committed",
			"received", "spent", "funded_by", "last_modified");

	private static ResponseEntity<String> csv(List<OpenProgramme> rows, String filename) {
		StringBuilder text = new StringBuilder();
		try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get().print(text)) {
			for (OpenProgramme p : rows) {
				csv.printRecord(p.id(), p.office(), p.title(), p.status(), codes(p.countries()), codes(p.standards()),
						String.join("; ", p.sectors()), codes(p.activityTypes()), p.implementingPartner(), p.plannedStart(),
						p.plannedEnd(), p.budget().currency(), p.budget().amount(), p.funding().committed(),
						p.funding().received(), p.spent().amount(), codes(p.funding().fundedBy()), p.lastModified());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e); // a StringBuilder does not fail
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", "inline; filename=\"" + filename + "\"")
			.body(text.toString());
	}

	private static String codes(List<OpenProgramme.Named> named) {
		return named.stream().map(OpenProgramme.Named::code).collect(Collectors.joining("; "));
	}

}
