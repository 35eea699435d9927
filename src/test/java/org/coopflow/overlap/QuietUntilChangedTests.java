package org.coopflow.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.TestPortfolio;
import org.coopflow.programmes.OverlapScreening;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The quiet-until-changed rule with the real screening: a pair decided "not an overlap" is not raised
 * again by later screenings, nor by a cosmetic edit, but is as soon as one of its signals changes.
 */
@CoopflowTest
class QuietUntilChangedTests {

	@LocalServerPort
	int port;

	@Autowired
	OverlapScreening screening;

	@Autowired
	OverlapAlerts alerts;

	@Autowired
	TransactionTemplate transaction;

	private final ObjectMapper json = new ObjectMapper();

	private ObjectNode legalAid(String title, LocalDate[] period, String country) {
		ObjectNode draft = json.createObjectNode();
		draft.put("title", title);
		draft.put("description", "Legal aid for people in pre-trial detention under the Basic Principles on the Role of "
				+ "Lawyers, with the national bar association");
		draft.putArray("countries").add(country);
		draft.putArray("standards").add("BP-LAWYERS");
		draft.putArray("activityTypes").add("ADVISORY_SERVICES");
		draft.putArray("sectors").add("15130");
		draft.put("beneficiaryInstitution", "National Bar Association");
		draft.put("plannedStart", period[0].toString());
		draft.put("plannedEnd", period[1].toString());
		draft.putObject("budget").put("amount", "120000.00").put("currency", "USD");
		return draft;
	}

	private List<Long> screen(long programmeId) {
		return transaction.execute(status -> screening.screen(programmeId));
	}

	@Test
	void aPairDecidedNotAnOverlapStaysQuietUntilOneOfItsSignalsChanges() {
		TestHttp api = TestHttp.api(port);
		LocalDate[] period = TestPortfolio.period();
		JsonNode first = api.send("POST", "/api/programmes", "officerOhchr", "application/json",
				legalAid("Legal aid in Ghana", period, "GH").toString()).json();
		ObjectNode secondDraft = legalAid("Legal aid for detainees in Ghana", period, "GH");
		JsonNode second = api.send("POST", "/api/programmes", "officerCpcjd", "application/json", secondDraft.toString())
			.json();
		long a = first.path("id").asLong();
		long b = second.path("id").asLong();

		List<Long> raised = screen(b);
		assertThat(raised).hasSize(1);
		long alertId = raised.get(0);
		transaction.executeWithoutResult(status -> alerts.decide(alertId, CoordinatorDecision.NOT_OVERLAP,
				"One works in prisons, the other in police stations", List.of("coordinatorCpcjd", "coordinatorOhchr")));

		assertThat(screen(b)).as("decided, nothing changed: quiet").isEmpty();
		assertThat(screen(a)).isEmpty();

		// a cosmetic edit of the title is not a change of signal
		secondDraft.put("title", "Legal aid for detainees in Ghana.");
		secondDraft.put("version", second.path("version").asInt());
		JsonNode edited = api.send("PUT", "/api/programmes/" + b, "officerCpcjd", "application/json", secondDraft.toString())
			.json();
		assertThat(screen(b)).isEmpty();

		// another country joins: the pair is screened again and raised anew
		secondDraft.putArray("countries").add("GH").add("TG");
		secondDraft.put("version", edited.path("version").asInt());
		TestHttp.Response changed = api.send("PUT", "/api/programmes/" + b, "officerCpcjd", "application/json",
				secondDraft.toString());
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		List<Long> again = screen(b);
		assertThat(again).hasSize(1).doesNotContain(alertId);
	}

	@Test
	void aProgrammeIsNeverPairedWithItself() {
		TestHttp api = TestHttp.api(port);
		long only = api.send("POST", "/api/programmes", "officerOhchr", "application/json",
				legalAid("Legal aid alone", TestPortfolio.period(), "TG").toString()).json().path("id").asLong();
		assertThat(screen(only)).isEmpty();
	}

}
