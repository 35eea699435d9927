package org.coopflow.overlap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.TestHttp;
import org.coopflow.programmes.OverlapDecision;
import org.coopflow.programmes.OverlapReviewed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The alert store against the real database: a decided pair stays quiet until its fingerprint
 * changes, an open alert is refreshed rather than doubled, the proposal hears the strictest decision
 * once its last alert is decided, and who sees which alert.
 */
@CoopflowTest
@RecordApplicationEvents
class OverlapAlertsTests {

	@LocalServerPort
	int port;

	@Autowired
	OverlapAlerts alerts;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ApplicationEvents events;

	private final ObjectMapper json = new ObjectMapper();

	TestHttp api;

	@BeforeEach
	void setUp() {
		api = TestHttp.api(port);
	}

	private long programme(String officer) {
		ObjectNode draft = json.createObjectNode();
		draft.put("title", "Legal aid " + UUID.randomUUID());
		draft.put("description", "Legal aid for detainees under the Basic Principles on the Role of Lawyers");
		draft.putArray("countries").add("KE");
		draft.putArray("standards").add("BP-LAWYERS");
		draft.putArray("activityTypes").add("TRAINING");
		draft.putArray("sectors").add("15130");
		org.coopflow.TestPortfolio.apart(draft);
		draft.putObject("budget").put("amount", "1000.00").put("currency", "USD");
		TestHttp.Response created = api.send("POST", "/api/programmes", officer, "application/json", draft.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static Finding finding(long a, long b, String fingerprint, boolean sameOffice) {
		return new Finding(Math.min(a, b), Math.max(a, b), sameOffice, new BigDecimal("0.8123"), "HIGH",
				List.of(new OverlapAlertView.Signal("sharedStandards", "BP-LAWYERS", new BigDecimal("0.4000"))),
				fingerprint, sameOffice ? Set.of("CPCJD") : Set.of("CPCJD", "OHCHR"), Set.of("KE"), Set.of("BP-LAWYERS"));
	}

	private OverlapAlerts.Raised record(Finding finding, Long raisedFor) {
		return transaction.execute(status -> alerts.record(List.of(finding), raisedFor,
				(judged, now) -> !judged.equals(now.fingerprint())));
	}

	private void decide(long alertId, CoordinatorDecision decision, String reason) {
		transaction.executeWithoutResult(
				status -> alerts.decide(alertId, decision, reason, List.of("coordinatorCpcjd", "coordinatorOhchr")));
	}

	@Test
	void aPairJudgedNotAnOverlapStaysQuietUntilASignalChanges() {
		long cpcjd = programme("officerCpcjd");
		long ohchr = programme("officerOhchr");
		OverlapAlerts.Raised first = record(finding(cpcjd, ohchr, "fp-1", false), cpcjd);
		assertThat(first.raised()).hasSize(1);
		long alertId = first.raised().get(0);
		assertThat(events.stream(OverlapAlertRaised.class).filter(e -> e.alertId() == alertId)).hasSize(1);

		// screened again while open: the same alert, brought up to date
		assertThat(record(finding(cpcjd, ohchr, "fp-2", false), null).refreshed()).containsExactly(alertId);

		assertThatThrownBy(() -> decide(alertId, CoordinatorDecision.NOT_OVERLAP, " "))
			.isInstanceOf(InvalidInputException.class);
		decide(alertId, CoordinatorDecision.NOT_OVERLAP, "Different institutions and target groups");
		assertThat(record(finding(cpcjd, ohchr, "fp-2", false), null).quiet()).isEqualTo(1);
		assertThat(alerts.openAlertsOf(cpcjd)).isEmpty();

		OverlapAlerts.Raised changed = record(finding(cpcjd, ohchr, "fp-3", false), null);
		assertThat(changed.raised()).hasSize(1).doesNotContain(alertId);
		assertThat(alerts.openAlertsOf(cpcjd)).containsExactlyElementsOf(changed.raised());
	}

	@Test
	void theProposalHearsTheStrictestDecisionOnceItsLastAlertIsDecided() {
		long proposal = programme("officerCpcjd");
		long other = programme("officerOhchr");
		long sameOffice = programme("officerCpcjd");
		long first = record(finding(proposal, other, "a", false), proposal).raised().get(0);
		long second = record(finding(proposal, sameOffice, "b", true), proposal).raised().get(0);

		decide(first, CoordinatorDecision.COMPLEMENTARY, null);
		assertThat(events.stream(OverlapReviewed.class).filter(e -> e.programmeId() == proposal)).isEmpty();
		decide(second, CoordinatorDecision.OVERLAP_COORDINATE, "Same prisons, same year");
		List<OverlapReviewed> reviewed = events.stream(OverlapReviewed.class)
			.filter(e -> e.programmeId() == proposal)
			.toList();
		assertThat(reviewed).hasSize(1);
		assertThat(reviewed.get(0).decision()).isEqualTo(OverlapDecision.REVISE);
		assertThat(reviewed.get(0).comment()).contains("Same prisons");
		assertThatThrownBy(() -> decide(second, CoordinatorDecision.NOT_OVERLAP, "again"))
			.isInstanceOf(org.coopflow.shared.ConflictException.class);
	}

	@Test
	void coordinatorsSeeEveryAlertOfficersTheirOfficesAndDonorsNone() {
		long a = programme("officerCpcjd");
		long b = programme("officerCpcjd");
		long alertId = record(finding(a, b, "s", true), a).raised().get(0);

		JsonNode alert = api.get("/api/overlap-alerts/" + alertId, "coordinatorOhchr").json();
		assertThat(alert.path("sameOffice").asBoolean()).isTrue();
		assertThat(alert.path("first").path("id").asLong()).isEqualTo(Math.min(a, b));
		assertThat(alert.path("signals").get(0).path("name").asText()).isEqualTo("sharedStandards");
		assertThat(api.get("/api/overlap-alerts/" + alertId, "officerCpcjd").status()).isEqualTo(200);
		assertThat(api.get("/api/overlap-alerts/" + alertId, "officerOhchr").status()).isEqualTo(404);
		assertThat(api.get("/api/overlap-alerts/" + alertId, "donorNorway").status()).isEqualTo(403);
		assertThat(api.get("/api/overlap-alerts", "donorNorway").status()).isEqualTo(403);
		assertThat(api.get("/api/overlap-alerts/" + alertId, null).status()).isEqualTo(401);

		List<Long> ohchrSees = new ArrayList<>();
		api.get("/api/overlap-alerts?size=200", "officerOhchr").json().path("content").forEach(
				x -> ohchrSees.add(x.path("id").asLong()));
		assertThat(ohchrSees).doesNotContain(alertId);
		JsonNode filtered = api.get("/api/overlap-alerts?status=OPEN&severity=HIGH&office=CPCJD&country=KE&standard=BP-LAWYERS&size=200",
				"coordinatorCpcjd").json();
		assertThat(filtered.path("content").findValuesAsText("id")).contains(String.valueOf(alertId));
		assertThat(api.get("/api/overlap-alerts?country=K%25", "coordinatorCpcjd").status()).isEqualTo(400);
		assertThat(api.get("/api/overlap-alerts?severity=SEVERE", "coordinatorCpcjd").status()).isEqualTo(400);
	}

}
