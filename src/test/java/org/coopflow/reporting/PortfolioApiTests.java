package org.coopflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.activities.ImplementationFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The officers' portfolio against the real database. The test database holds every other test's
 * programmes too, so each check compares the portfolio before and after this test's own programmes.
 */
@CoopflowTest
class PortfolioApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestHttp api;

	ImplementationFixtures fixtures;

	@BeforeEach
	void setUp() {
		api = TestHttp.api(port);
		fixtures = new ImplementationFixtures(api);
	}

	private JsonNode portfolio(String user, String query) {
		TestHttp.Response response = api.get("/api/portfolio" + query, user);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode line(JsonNode lines, String key, String value) {
		return StreamSupport.stream(lines.spliterator(), false)
			.filter(line -> line.path(key).asText().equals(value))
			.findFirst()
			.orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
	}

	private static BigDecimal number(JsonNode node, String field) {
		return node.path(field).isMissingNode() ? BigDecimal.ZERO : node.path(field).decimalValue();
	}

	private static long count(JsonNode node) {
		return node.path("programmes").asLong(0);
	}

	private long dueReport(long programmeId, Duration dueIn) {
		// the process opens one progress report at a time, due a fixed period after the engine's clock; two due
		// at once, one of them late, would need the shared test context's clock moved, which fires every timer
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO implementation_report (programme_id, kind, period_from, period_to, status, due_at)
				VALUES (?, 'PROGRESS', ?, ?, 'DUE', ?)""")
			.params(programmeId, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30),
					Timestamp.from(ClockUtil.getCurrentTime().toInstant().plus(dueIn)))
			.update(key, "id");
		return key.getKey().longValue();
	}

	@Test
	void theOfficesSeeTheirProgrammesByStatusStandardAndCountryWithGapsAndLateReports() {
		JsonNode before = portfolio("coordinatorCpcjd", "?office=CPCJD&limit=500");

		long open = fixtures.openProgramme("900000000.00", "USD");
		fixtures.pledge(open, "donorNorway", "20000.00", "0");
		long funded = fixtures.fundedProgramme("50000.00", "donorJapan", "50000");
		long late = dueReport(funded, Duration.ofDays(-10).minusMinutes(5));
		long notYetDue = dueReport(funded, Duration.ofDays(20));

		JsonNode after = portfolio("coordinatorCpcjd", "?office=CPCJD&limit=500");
		assertThat(after.path("office").asText()).isEqualTo("CPCJD");
		assertThat(after.path("programmes").asLong() - before.path("programmes").asLong()).isEqualTo(2);

		JsonNode openBefore = line(before.path("byStatus"), "status", "OPEN_FOR_FUNDING");
		JsonNode openAfter = line(after.path("byStatus"), "status", "OPEN_FOR_FUNDING");
		assertThat(count(openAfter) - count(openBefore)).isEqualTo(1);
		assertThat(number(openAfter, "budgetUsd").subtract(number(openBefore, "budgetUsd"))).isEqualByComparingTo("900000000");
		assertThat(number(openAfter, "committedUsd").subtract(number(openBefore, "committedUsd"))).isEqualByComparingTo("20000");
		JsonNode fundedBefore = line(before.path("byStatus"), "status", "FUNDED");
		JsonNode fundedAfter = line(after.path("byStatus"), "status", "FUNDED");
		assertThat(count(fundedAfter) - count(fundedBefore)).isEqualTo(1);
		assertThat(number(fundedAfter, "receivedUsd").subtract(number(fundedBefore, "receivedUsd"))).isEqualByComparingTo("50000");

		// both programmes promote the Nelson Mandela Rules in Kenya and Uganda
		JsonNode rulesBefore = line(before.path("byStandard"), "code", "SMR-PRISONERS");
		JsonNode rulesAfter = line(after.path("byStandard"), "code", "SMR-PRISONERS");
		assertThat(count(rulesAfter) - count(rulesBefore)).isEqualTo(2);
		assertThat(number(rulesAfter, "gapUsd").subtract(number(rulesBefore, "gapUsd"))).isEqualByComparingTo("899980000");
		assertThat(rulesAfter.path("name").asText()).isNotEqualTo("SMR-PRISONERS");
		JsonNode kenya = line(after.path("byCountry"), "code", "KE");
		assertThat(count(kenya) - count(line(before.path("byCountry"), "code", "KE"))).isEqualTo(2);
		assertThat(kenya.path("name").asText()).isEqualTo("Kenya");

		JsonNode gaps = after.path("fundingGaps");
		assertThat(gaps.path("total").asLong() - before.path("fundingGaps").path("total").asLong()).isEqualTo(1);
		JsonNode gap = gaps.path("largest").get(0);
		assertThat(gap.path("programmeId").asLong()).as("the largest gap comes first").isEqualTo(open);
		assertThat(gap.path("gap").decimalValue()).isEqualByComparingTo("899980000");
		assertThat(gap.path("committed").decimalValue()).isEqualByComparingTo("20000");

		JsonNode overdue = after.path("overdueReports");
		assertThat(overdue.path("total").asLong() - before.path("overdueReports").path("total").asLong()).isEqualTo(1);
		List<Long> lateIds = overdue.path("oldest").findValues("reportId").stream().map(JsonNode::asLong).toList();
		assertThat(lateIds).contains(late).doesNotContain(notYetDue);
		JsonNode lateReport = line(overdue.path("oldest"), "reportId", String.valueOf(late));
		assertThat(lateReport.path("programmeId").asLong()).isEqualTo(funded);
		assertThat(lateReport.path("daysOverdue").asLong()).isEqualTo(10);
		assertThat(lateReport.path("escalated").asBoolean()).isFalse();

		JsonNode other = portfolio("officerOhchr", "?office=OHCHR&limit=500");
		assertThat(other.path("fundingGaps").path("largest").findValues("programmeId").stream().map(JsonNode::asLong))
			.doesNotContain(open);
		assertThat(other.path("overdueReports").path("oldest").findValues("reportId").stream().map(JsonNode::asLong))
			.doesNotContain(late);
		JsonNode both = portfolio("admin", "");
		assertThat(both.path("office").isMissingNode() || both.path("office").isNull()).as("both offices").isTrue();
		assertThat(both.path("programmes").asLong()).isGreaterThanOrEqualTo(after.path("programmes").asLong());
	}

	@Test
	void theGapInDollarsIsTheGapInTheProgrammeCurrencyAtThisMonthsRate() {
		fixtures.pledges().rate("EUR", "0.900000");
		long euros = fixtures.openProgramme("90000000.00", "EUR");
		// committed at 0.90: 50,000,000 dollars as recorded with the pledge
		fixtures.pledge(euros, "donorNorway", "45000000.00", "EUR", "0");
		fixtures.pledges().rate("EUR", "0.800000");

		JsonNode gap = line(portfolio("coordinatorCpcjd", "?office=CPCJD&limit=500").path("fundingGaps").path("largest"),
				"programmeId", String.valueOf(euros));
		assertThat(gap.path("currency").asText()).isEqualTo("EUR");
		assertThat(gap.path("gap").decimalValue()).isEqualByComparingTo("45000000");
		// 45,000,000 euros still to fund at this month's 0.80, not this month's budget less last rate's dollars
		assertThat(gap.path("gapUsd").decimalValue()).isEqualByComparingTo("56250000");
	}

	@Test
	void donorsDoNotSeeThePortfolioAndBadParametersAreNamed() {
		TestHttp.Response donor = api.get("/api/portfolio", "donorNorway");
		assertThat(donor.status()).isEqualTo(403);
		assertThat(donor.contentType()).startsWith("application/problem+json");

		TestHttp.Response office = api.get("/api/portfolio?office=UNODC", "officerCpcjd");
		assertThat(office.status()).isEqualTo(400);
		assertThat(office.contentType()).startsWith("application/problem+json");
		assertThat(office.json().findValuesAsText("field")).containsExactly("office");

		TestHttp.Response limit = api.get("/api/portfolio?limit=0", "officerCpcjd");
		assertThat(limit.status()).isEqualTo(400);
		assertThat(limit.json().findValuesAsText("field")).containsExactly("limit");
	}

}
