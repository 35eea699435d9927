package org.coopflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.Eventually;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A large portfolio, as its officers see it: after a write, the next reader gets the lines per standard and
 * per country as they were, told on the page and in the API that they are late and since when, and a moment
 * later they are up to date ({@link ThemeLines}). Here every portfolio of one programme or more counts as
 * large, so that a handful of programmes show it.
 */
@CoopflowTest
@TestPropertySource(properties = "coopflow.portfolio.background-sums-from=1")
// a property of its own makes an application context of its own: in the JVM of the shared test context it
// would take over Camunda's static engine registry, and engine-rest there would answer from this test's database
@Tag("restarts")
class PortfolioLateThemeLinesTests {

	@LocalServerPort
	int port;

	private JsonNode portfolio(TestHttp api) {
		TestHttp.Response response = api.get("/api/portfolio?office=CPCJD&limit=1", "coordinatorCpcjd");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** The programmes on the line of the standard, none when it has no line. */
	private static long programmesOf(JsonNode portfolio, String standard) {
		return StreamSupport.stream(portfolio.path("byStandard").spliterator(), false)
			.filter(line -> line.path("code").asText().equals(standard))
			.mapToLong(line -> line.path("programmes").asLong())
			.findFirst()
			.orElse(0);
	}

	private static ObjectNode draft(String standard) {
		ObjectNode draft = ProgrammeFixtures.draft("Late lines " + UUID.randomUUID());
		draft.putArray("standards").add(standard);
		draft.putArray("countries").add("MN");
		return draft;
	}

	@Test
	void afterAWriteTheNextReaderIsToldTheLinesAreLateAndThenTheyCatchUp() {
		TestHttp api = TestHttp.api(port);
		ProgrammeFixtures programmes = new ProgrammeFixtures(api);
		String standard = "GL-PROSECUTORS";
		programmes.open("officerCpcjd", draft(standard));
		// nothing written since: a read finds the lines up to date (the first read of all sums and waits)
		JsonNode settled = upToDate(api);
		long before = programmesOf(settled, standard);
		assertThat(before).isPositive();

		programmes.open("officerCpcjd", draft(standard));
		TestHttp browser = TestHttp.browser(port);
		assertThat(browser.signIn("coordinatorCpcjd", TestHttp.DEMO_PASSWORD).status()).isEqualTo(302);
		TestHttp.Response page = browser.browse("/portfolio?office=CPCJD");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).as("the first reader after the write").contains("id=\"theme-lines-late\"")
			.contains("are being summed again");
		assertThat(page.body()).as("the line as it was before the write")
			.containsPattern("id=\"standard-" + standard + "\">\\s*<th[^>]*>[^<]*</th>\\s*<td class=\"num\">" + before + "</td>");

		JsonNode caughtUp = upToDate(api);
		assertThat(programmesOf(caughtUp, standard)).as("the new programme on its standard's line").isEqualTo(before + 1);
		assertThat(Instant.parse(caughtUp.path("themeLinesAsOf").asText()))
			.isAfterOrEqualTo(Instant.parse(settled.path("themeLinesAsOf").asText()));
		TestHttp.Response calm = browser.browse("/portfolio?office=CPCJD");
		assertThat(calm.body()).doesNotContain("id=\"theme-lines-late\"");
	}

	/** The portfolio once a read finds its lines up to date: nothing written since they were last summed. */
	private JsonNode upToDate(TestHttp api) {
		JsonNode[] last = new JsonNode[1];
		Eventually.equals(() -> {
			last[0] = portfolio(api);
			return last[0].path("themeLinesLate").asBoolean();
		}, false);
		return last[0];
	}

}
