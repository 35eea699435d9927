package org.coopflow.programmepages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.pledges.PledgeFixtures;
import org.coopflow.results.ResultFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A programme's page shows target against actual per indicator, and its officers enter results on it. */
@CoopflowTest
class ProgrammeResultsPageTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private TestHttp signedIn(String user) {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn(user, TestHttp.DEMO_PASSWORD);
		return browser;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Posts a form as the browser does, with the CSRF token of the page it came from, and follows the redirect. */
	private static String post(TestHttp browser, String page, String action, Map<String, String> fields) {
		String token = browser.browse(page).csrfToken();
		String body = fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&")) + "&_csrf=" + encode(token);
		TestHttp.Response answer = browser.send("POST", action, null, "application/x-www-form-urlencoded", body);
		assertThat(answer.status()).as(answer.body()).isEqualTo(302);
		assertThat(answer.header("Location")).endsWith(page + "#results");
		return browser.browse(page).body();
	}

	@Test
	void anOfficerEntersAResultAnIndicatorAndAnActualAndSeesTargetAgainstActual() {
		ResultFixtures results = new ResultFixtures(TestHttp.api(port));
		long programmeId = results.draftProgramme();
		String page = "/programmes/" + programmeId;
		TestHttp browser = signedIn("officerCpcjd");
		assertThat(browser.browse(page).body()).contains("No result entered yet.", "Add a result");

		String shown = post(browser, page, page + "/results", Map.of("type", "OUTCOME", "title", "Judges decide independently"));
		assertThat(shown).contains("The result “Judges decide independently” was added.", "Outcome: Judges decide independently");
		long resultId = jdbc.sql("SELECT id FROM result WHERE programme_id = ?").param(programmeId).query(Long.class).single();

		LocalDate today = PledgeFixtures.today();
		Map<String, String> indicator = new LinkedHashMap<>();
		indicator.put("title", "Judges trained");
		indicator.put("measure", "UNIT");
		indicator.put("baselineYear", "2026");
		indicator.put("baseline", "10");
		indicator.put("start", today.minusMonths(6).toString());
		indicator.put("end", today.minusDays(1).toString());
		indicator.put("target", "twenty");
		shown = post(browser, page, page + "/results/" + resultId + "/indicators", indicator);
		assertThat(shown).contains("Nothing was saved: target must be a number");
		indicator.put("target", "20");
		shown = post(browser, page, page + "/results/" + resultId + "/indicators", indicator);
		assertThat(shown).contains("The indicator “Judges trained” was added.", "Actual missing", "baseline 2026: 10");

		JsonNode added = results.api().step("GET", "/api/programmes/" + programmeId + "/results", "officerCpcjd", null, 200)
			.get(0).path("indicators").get(0);
		String actual = ResultFixtures.period(programmeId, added, 0).substring("/api".length()) + "/actual";
		shown = post(browser, page, actual, Map.of("actual", "18", "comment", "Attendance lists"));
		assertThat(shown).contains("The actual of “Judges trained” was recorded.", "Off track", "Attendance lists");

		jdbc.sql("UPDATE programme SET status = 'FUNDED' WHERE id = ?").param(programmeId).update();
		String target = ResultFixtures.period(programmeId, added, 0).substring("/api".length()) + "/target";
		shown = post(browser, page, target, Map.of("target", "25"));
		assertThat(shown).contains("Nothing was saved: reason must say why a target changes");
		shown = post(browser, page, target, Map.of("target", "25", "reason", "The academy doubled its courses"));
		assertThat(shown).contains("The target of “Judges trained” was changed.", "Revisions since approval",
				"The academy doubled its courses");

		assertThat(signedIn("officerOhchr").browse(page).body()).as("another office reads, but is offered no form")
			.contains("Judges trained")
			.doesNotContain("Add a result");
	}

}
