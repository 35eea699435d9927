package org.coopflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.activities.ActivityFixtures;
import org.coopflow.activities.SurveyRequest;
import org.coopflow.activities.SurveySupport;
import org.coopflow.overlap.TestAlertsAccess;
import org.coopflow.pledges.PledgeFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What names a standard, as each module answers before one is removed ({@link RemoveStandard}): over the real
 * database, with records made the way people make them. A standard of its own per test, added by the
 * administrator, so that what other tests make is not counted.
 */
@CoopflowTest
class StandardUsesTests {

	@LocalServerPort
	int port;

	@Autowired
	List<StandardUses> uses;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SurveySupport surveys;

	private String addStandard() {
		String code = StandardsAdministrationTests.uniqueCode("USED");
		TestHttp.Response added = TestHttp.api(port).send("POST", "/api/standards", "admin", "application/json",
				"{\"code\": \"" + code + "\", \"title\": \"Rules " + code + "\", \"adoptedBy\": \"GA res. 1/1\"}");
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		return code;
	}

	private List<String> namedBy(String code) {
		return uses.stream().map(use -> use.of(code)).flatMap(java.util.Optional::stream).sorted().toList();
	}

	@Test
	void everyModuleThatKeepsStandardCodesAnswers() {
		assertThat(uses).extracting(use -> use.getClass().getSimpleName())
			.containsExactlyInAnyOrder("ProgrammeStandardUses", "ActivityStandardUses", "ResultStandardUses",
					"PledgeStandardUses", "AlertStandardUses");
		assertThat(namedBy(addStandard())).isEmpty();
	}

	@Test
	void programmesOverlapAlertsAndPledgesNameTheirStandards() {
		String code = addStandard();
		TestAlertsAccess.raiseBetweenOffices(port, context, "Prison rules in Chad " + code, "Prison monitoring in Chad " + code,
				"TD", code);
		assertThat(namedBy(code)).containsExactly("1 overlap alert", "2 programmes");

		ObjectNode pledge = PledgeFixtures.pledge("1000", "USD");
		pledge.put("earmarking", "STANDARD");
		pledge.put("earmarkTarget", code);
		TestHttp.Response pledged = TestHttp.api(port).sendWithHeaders("POST", "/api/pledges", "donorNorway",
				Map.of("Idempotency-Key", UUID.randomUUID().toString()), "application/json", pledge.toString());
		assertThat(pledged.status()).as(pledged.body()).isEqualTo(201);
		assertThat(namedBy(code)).containsExactly("1 overlap alert", "1 pledge", "2 programmes");

		ObjectNode draft = PledgeFixtures.JSON.createObjectNode();
		draft.put("title", "Judicial independence in Chad " + code);
		draft.put("description", "Training judges");
		draft.putArray("countries").add("TD");
		draft.putArray("standards").add("BP-JUDICIARY");
		draft.putArray("activityTypes").add("TRAINING");
		org.coopflow.TestPortfolio.apart(draft);
		draft.putObject("budget").put("amount", "1000").put("currency", "USD");
		TestHttp.Response programme = TestHttp.api(port).send("POST", "/api/programmes", "officerCpcjd", "application/json",
				draft.toString());
		assertThat(programme.status()).as(programme.body()).isEqualTo(201);
		ObjectNode result = PledgeFixtures.JSON.createObjectNode().put("type", "OUTCOME").put("title", "Judges decide freely");
		result.putArray("standards").add(code);
		TestHttp.Response added = TestHttp.api(port).send("POST",
				"/api/programmes/" + programme.json().path("id").asLong() + "/results", "officerCpcjd", "application/json",
				result.toString());
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(namedBy(code)).containsExactly("1 overlap alert", "1 pledge", "1 result", "2 programmes");
	}

	@Test
	void anActivityServingAStandardNamesIt() {
		String code = addStandard();
		ActivityFixtures activities = new ActivityFixtures(TestHttp.api(port), jdbc);
		long programme = activities.fundedProgrammePromoting(code, "TRAINING", "SURVEY_SUPPORT");
		assertThat(namedBy(code)).containsExactly("1 programme");

		activities.activity(programme, "TRAINING", code);
		assertThat(namedBy(code)).containsExactly("1 activity", "1 programme");

		// a survey that names no standard of its own, and asks a Member State about this one
		long survey = activities.activity(programme, "SURVEY_SUPPORT");
		surveys.askMemberState(survey, new SurveyRequest("JP", code, null), "officerCpcjd");
		assertThat(namedBy(code)).containsExactly("1 programme", "2 activities");
	}

}
