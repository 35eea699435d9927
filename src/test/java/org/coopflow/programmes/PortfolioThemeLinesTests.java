package org.coopflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.pledges.PledgeFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portfolio's lines per standard and per country, which each node keeps while their fingerprint stands
 * ({@link ThemeLines}): after every kind of write that can move a line, through the application or by hand in
 * SQL, the next read shows the line moved; with nothing written, a read does not sum them again. The test
 * database holds every other test's programmes, so each check compares the lines of CPCJD's portfolio before
 * and after this test's own writes, on codes of their own where it can.
 */
@CoopflowTest
class PortfolioThemeLinesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ThemeLines themeLines;

	@Autowired
	FundingLedger ledger;

	@Autowired
	TransactionTemplate transaction;

	TestHttp api;

	ProgrammeFixtures programmes;

	PledgeFixtures pledges;

	@BeforeEach
	void setUp() {
		api = TestHttp.api(port);
		pledges = new PledgeFixtures(api);
		programmes = pledges.programmes();
	}

	/** A line in dollars, or the difference of two. */
	record Line(long programmes, BigDecimal budgetUsd, BigDecimal committedUsd, BigDecimal gapUsd) {

		static Line of(long programmes, String budgetUsd, String committedUsd, String gapUsd) {
			return new Line(programmes, new BigDecimal(budgetUsd).setScale(2), new BigDecimal(committedUsd).setScale(2),
					new BigDecimal(gapUsd).setScale(2));
		}

		Line minus(Line other) {
			return new Line(programmes - other.programmes, budgetUsd.subtract(other.budgetUsd),
					committedUsd.subtract(other.committedUsd), gapUsd.subtract(other.gapUsd));
		}

	}

	private JsonNode portfolio(String query) {
		TestHttp.Response response = api.get("/api/portfolio" + query, "coordinatorCpcjd");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private JsonNode portfolio() {
		return portfolio("?office=CPCJD&limit=1");
	}

	/** The line of the code among {@code lines} ("byStandard" or "byCountry"); all nothing when it has none. */
	private static Line line(JsonNode portfolio, String lines, String code) {
		return StreamSupport.stream(portfolio.path(lines).spliterator(), false)
			.filter(line -> line.path("code").asText().equals(code))
			.findFirst()
			.map(line -> new Line(line.path("programmes").asLong(), money(line, "budgetUsd"), money(line, "committedUsd"),
					money(line, "gapUsd")))
			.orElse(Line.of(0, "0", "0", "0"));
	}

	private static BigDecimal money(JsonNode line, String field) {
		return line.path(field).decimalValue().setScale(2);
	}

	private static Line moved(JsonNode after, JsonNode before, String lines, String code) {
		return line(after, lines, code).minus(line(before, lines, code));
	}

	/** A CPCJD draft in dollars promoting one standard in one country. */
	private static ObjectNode draft(String standard, String country, String budget) {
		ObjectNode draft = ProgrammeFixtures.draft("Theme lines " + UUID.randomUUID());
		draft.putArray("standards").add(standard);
		draft.putArray("countries").add(country);
		draft.putObject("budget").put("amount", budget).put("currency", "USD");
		return draft;
	}

	/** The officer changes the draft's standards to the one given, sending the version read. */
	private void restandard(long programmeId, String standard) {
		ObjectNode draft = ((ObjectNode) programmes.get(programmeId)).retain("office", "title", "description", "scope",
				"countries", "standards", "activityTypes", "sectors", "beneficiaryInstitution", "implementingPartner",
				"plannedStart", "plannedEnd", "budget", "fundingDeadlineDays", "reviewNotes", "version");
		draft.putArray("standards").add(standard);
		TestHttp.Response changed = api.send("PUT", "/api/programmes/" + programmeId, "officerCpcjd", "application/json",
				draft.toString());
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
	}

	@Test
	void aSecondReadWithNothingWrittenDoesNotSumTheLinesAgain() {
		portfolio();
		portfolio("");
		// the job executor may still finish an earlier test's work between two reads, and then the fingerprint
		// rightly moved: of three rounds of reads (one office, both, the one again: each kept apart), one at
		// least must find nothing to sum
		List<Long> summed = new ArrayList<>();
		for (int round = 0; round < 3 && !summed.contains(0L); round++) {
			long before = themeLines.sums();
			JsonNode first = portfolio();
			portfolio("");
			JsonNode again = portfolio();
			summed.add(themeLines.sums() - before);
			assertThat(again.path("byStandard")).isEqualTo(first.path("byStandard"));
			assertThat(again.path("byCountry")).isEqualTo(first.path("byCountry"));
		}
		assertThat(summed).as("sums per round of three reads").contains(0L);
	}

	@Test
	void theLinesFollowWhatTheApplicationWrites() {
		long id = programmes.create("officerCpcjd", draft("BP-LAWYERS", "MN", "400000.00"));
		JsonNode before = portfolio();

		// a draft is in no line, but its version moved: the lines are summed again, and have not moved
		long sums = themeLines.sums();
		restandard(id, "GL-PROSECUTORS");
		JsonNode edited = portfolio();
		assertThat(themeLines.sums()).as("summed again after the edit").isGreaterThan(sums);
		assertThat(moved(edited, before, "byStandard", "GL-PROSECUTORS")).isEqualTo(Line.of(0, "0", "0", "0"));

		// approved: open for funding, under the standard it was given in the edit
		programmes.approve(id, "officerCpcjd");
		JsonNode approved = portfolio();
		assertThat(moved(approved, before, "byStandard", "GL-PROSECUTORS"))
			.isEqualTo(Line.of(1, "400000", "0", "400000"));
		assertThat(moved(approved, before, "byStandard", "BP-LAWYERS")).isEqualTo(Line.of(0, "0", "0", "0"));
		assertThat(moved(approved, before, "byCountry", "MN")).isEqualTo(Line.of(1, "400000", "0", "400000"));

		// a pledge committed to it
		pledges.agreed("donorNorway", PledgeFixtures.toProgramme("150000", "USD", id), "0");
		JsonNode committed = portfolio();
		assertThat(moved(committed, approved, "byStandard", "GL-PROSECUTORS"))
			.isEqualTo(Line.of(0, "0", "150000", "-150000"));
		assertThat(moved(committed, approved, "byCountry", "MN")).isEqualTo(Line.of(0, "0", "150000", "-150000"));
	}

	@Test
	void theLinesFollowWhatIsWrittenByHandInSql() {
		long id = programmes.create("officerCpcjd", draft("CODE-LEO", "LA", "300000.00"));
		JsonNode before = portfolio();

		// as some tests set a programme up, or an operator mends one: the version is left as it was
		jdbc.sql("UPDATE programme SET status = 'FUNDED' WHERE id = ?").param(id).update();
		JsonNode funded = portfolio();
		assertThat(moved(funded, before, "byStandard", "CODE-LEO")).isEqualTo(Line.of(1, "300000", "0", "300000"));
		assertThat(moved(funded, before, "byCountry", "LA")).isEqualTo(Line.of(1, "300000", "0", "300000"));

		jdbc.sql("INSERT INTO programme_standard (programme_id, standard_code) VALUES (?, 'BP-FORCE-FIREARMS')")
			.param(id)
			.update();
		JsonNode added = portfolio();
		assertThat(moved(added, funded, "byStandard", "BP-FORCE-FIREARMS"))
			.isEqualTo(Line.of(1, "300000", "0", "300000"));

		jdbc.sql("UPDATE programme SET budget_amount = 350000.00 WHERE id = ?").param(id).update();
		JsonNode mended = portfolio();
		assertThat(moved(mended, added, "byStandard", "CODE-LEO")).isEqualTo(Line.of(0, "50000", "0", "50000"));

		jdbc.sql("DELETE FROM programme_country WHERE programme_id = ? AND country_code = 'LA'").param(id).update();
		JsonNode removed = portfolio();
		assertThat(moved(removed, mended, "byCountry", "LA")).isEqualTo(Line.of(-1, "-350000", "0", "-350000"));
	}

	@Test
	void theLinesFollowFundsMovedBetweenTwoProgrammesOfOneStatusAndCurrency() {
		long from = programmes.open("officerCpcjd", draft("BP-JUDICIARY", "BT", "500000.00"));
		long to = programmes.open("officerCpcjd", draft("VICTIMS-DECL", "NP", "500000.00"));
		String pledgeRef = "moved-" + UUID.randomUUID();
		commit(from, pledgeRef, "1000.00");
		JsonNode before = portfolio();

		// what a pledge moved from one programme to another writes: its entries reversed on the first, recorded on
		// the second; per status and currency no sum moved, and neither programme's version did
		transaction.executeWithoutResult(status -> {
			commit(from, pledgeRef, "-1000.00");
			commit(to, pledgeRef, "1000.00");
		});
		JsonNode after = portfolio();
		assertThat(after.path("byStatus")).as("the lines per status").isEqualTo(before.path("byStatus"));
		assertThat(moved(after, before, "byStandard", "BP-JUDICIARY")).isEqualTo(Line.of(0, "0", "-1000", "1000"));
		assertThat(moved(after, before, "byStandard", "VICTIMS-DECL")).isEqualTo(Line.of(0, "0", "1000", "-1000"));
		assertThat(moved(after, before, "byCountry", "NP")).isEqualTo(Line.of(0, "0", "1000", "-1000"));
	}

	private void commit(long programmeId, String pledgeRef, String dollars) {
		transaction.executeWithoutResult(status -> ledger.record(programmeId, pledgeRef, FundingLedger.Stage.COMMITTED,
				new BigDecimal(dollars), "USD", new BigDecimal(dollars), LocalDate.now()));
	}

}
