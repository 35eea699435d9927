package org.coopflow.publishing;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.coopflow.reference.Office;
import org.coopflow.shared.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The IATI 2.03 activity file and the programmes left out of it, for programme officers, coordinators and
 * administrators (SecurityConfiguration); of both offices, or of one with {@code ?office=}. The file is also
 * open data, at {@code /open/iati/activities.xml}.
 */
@RestController
@Tag(name = "IATI publishing")
class IatiController {

	private final IatiExport export;

	IatiController(IatiExport export) {
		this.export = export;
	}

	@GetMapping("/api/iati/activities.xml")
	@Operation(summary = "The approved programmes as an IATI 2.03 activity file, streamed; programmes that break "
			+ "an IATI rule are left out (see /api/iati/problems); 404 when none can be published")
	ResponseEntity<StreamingResponseBody> activities(@RequestParam(required = false) Office office,
			WebRequest request) {
		// Last-Modified: the newest change to anything the file is made of; If-Modified-Since spares the stream
		java.time.Instant changed = export.lastChange();
		if (changed != null && request.checkNotModified(changed.toEpochMilli())) {
			return null;
		}
		if (!export.anyPublishable(office)) {
			throw new NotFoundException("No programme" + (office == null ? "" : " of " + office)
					+ " can be published as an IATI activity yet; /api/iati/problems lists those that break an IATI rule.");
		}
		// checkNotModified has set Last-Modified already: set here too, it would go out twice
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(out -> export.write(office, out));
	}

	/**
	 * The same file for anyone, without signing in (open data): IATI data is public by design, and what it
	 * holds is what the open API publishes. The file is streamed, so the open pages' ETag (a hash over a
	 * buffered body) is switched off for it: Last-Modified serves conditional requests instead. The rate
	 * limit per address still applies.
	 */
	@GetMapping("/open/iati/activities.xml")
	@Operation(summary = "The IATI 2.03 activity file for anyone, without signing in")
	ResponseEntity<StreamingResponseBody> openActivities(@RequestParam(required = false) Office office,
			jakarta.servlet.http.HttpServletRequest servletRequest, WebRequest request) {
		org.springframework.web.filter.ShallowEtagHeaderFilter.disableContentCaching(servletRequest);
		return activities(office, request);
	}

	@GetMapping("/api/iati/problems")
	@Operation(summary = "The approved programmes left out of the IATI file, each with the IATI rules it breaks")
	List<IatiProblem> problems(@RequestParam(required = false) Office office) {
		return export.problems(office);
	}

}
