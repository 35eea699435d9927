package org.coopflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.coopflow.activities.ImplementationFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Pages say what is wrong: a form lists every error at once, each by its field's name, and an address
 * with a bad parameter gets a page (400) naming the parameter and why. The overlap pages' parameters
 * are checked in their own tests; these are the other pages'.
 */
@CoopflowTest
class PageErrorsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@ParameterizedTest
	@CsvSource({ "officerCpcjd, /portfolio?office=UNODC, office, 'must be one of CPCJD, OHCHR (not \"UNODC\")'",
			"coordinatorCpcjd, /implementation/seven, programmeId, must be a whole number",
			"donorNorway, /donor/programmes?page=two, page, must be a whole number",
			"donorNorway, /donor/pledges/new?programmeId=x, programmeId, must be a whole number" })
	void aBadParameterGetsAPageNamingIt(String user, String page, String parameter, String reason) {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn(user, TestHttp.DEMO_PASSWORD);
		TestHttp.Response response = browser.browse(page);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("text/html");
		String text = PagesInWordsTests.visibleText(response.body());
		assertThat(text).contains("This address asks for something coopflow cannot show", parameter + ": " + reason);
		assertThat(response.body()).as("the page keeps the header").contains("aria-label=\"coopflow\"", "Sign out");
	}

	@Test
	void planningAnActivityListsEveryErrorAtOnceByItsField() {
		ImplementationFixtures fixtures = new ImplementationFixtures(TestHttp.api(port));
		long programme = fixtures.fundedProgramme("20000.00", "donorJapan", "0");
		TestHttp browser = TestHttp.browser(port);
		browser.signIn("officerCpcjd", TestHttp.DEMO_PASSWORD);
		TestHttp.Response form = browser.browse("/implementation/" + programme);
		assertThat(form.status()).isEqualTo(200);

		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", form.csrfToken());
		fields.put("type", "");
		fields.put("title", "");
		fields.put("country", "");
		fields.put("plannedStart", "1 May 2027");
		fields.put("plannedEnd", "");
		fields.put("budgetLine", "");
		fields.put("plannedCost", "lots");
		fields.put("milestones", "");
		String body = fields.entrySet()
			.stream()
			.map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		TestHttp.Response answer = browser.send("POST", "/implementation/" + programme + "/activities", null,
				"application/x-www-form-urlencoded", body);

		assertThat(answer.status()).isEqualTo(400);
		String summary = PagesInWordsTests.visibleText(answer.body().substring(answer.body().indexOf("error-summary"),
				answer.body().indexOf("</ul>", answer.body().indexOf("error-summary"))));
		assertThat(summary).as("the parse errors and the rules' errors, each with its field")
			.contains("Planned start: must be a date", "Planned cost: must be an amount", "Type: ", "Title: ",
					"Planned end: ", "Budget line: ");
		assertThat(answer.body()).contains("href=\"#plannedStart\"", "href=\"#title\"", "href=\"#type\"");
	}

}
