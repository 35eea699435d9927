package org.coopflow.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.reference.ExchangeRate;
import org.coopflow.reference.ExchangeRates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A pledge made before its month's UN operational rate is entered uses the latest rate of the two
 * months before, marked provisional, and is re-rated when the month's rate is entered. "Today" is
 * the engine's clock, set here to months no other test and no demo data set has rates for, and each
 * test uses currencies of its own.
 */
@CoopflowTest
class ProvisionalRateTests {

	private static final Instant JUNE = Instant.parse("2032-06-20T09:00:00Z");

	private static final Instant JULY = Instant.parse("2032-07-10T09:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProcessEngineConfiguration configuration;

	@Autowired
	ExchangeRates rates;

	@Autowired
	TransactionTemplate transaction;

	PledgeFixtures fixtures;

	TestHttp api;

	@BeforeEach
	void setUp() {
		// the pledge processes' timers must not fire while the clock stands in another year
		((ProcessEngineConfigurationImpl) configuration).getJobExecutor().shutdown();
		api = TestHttp.api(port);
		fixtures = new PledgeFixtures(api);
	}

	@AfterEach
	void restart() {
		ClockUtil.reset();
		((ProcessEngineConfigurationImpl) configuration).getJobExecutor().start();
	}

	private void enter(String month, String currency, String unitsPerUsd) {
		TestHttp.Response entered = api.send("PUT", "/api/exchange-rates/" + month + "/" + currency, "officerCpcjd",
				"application/json", "{\"unitsPerUsd\": \"" + unitsPerUsd + "\"}");
		assertThat(entered.status()).as(entered.body()).isEqualTo(200);
	}

	private JsonNode get(long id) {
		return fixtures.step("GET", "/api/pledges/" + id, "donorNorway", null, 200);
	}

	private JsonNode history(long id) {
		return fixtures.step("GET", "/api/pledges/" + id + "/history", "donorNorway", null, 200);
	}

	/** The pledge's card on the donor's "My pledges" page, up to its timeline. */
	private String card(long id) {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn("donorNorway", TestHttp.DEMO_PASSWORD);
		String page = browser.browse("/donor/pledges").body();
		int start = page.indexOf("id=\"pledge-" + id + "\"");
		assertThat(start).as("pledge %d is on the page", id).isNotNegative();
		return page.substring(start, page.indexOf("Timeline", start));
	}

	private BigDecimal fundedUsd(long programmeId, long pledgeId) {
		return fundedUsd(programmeId, pledgeId, "PLEDGED");
	}

	private BigDecimal fundedUsd(long programmeId, long pledgeId, String stage) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(amount_usd), 0) FROM programme_funding_entry
				WHERE programme_id = ? AND pledge_ref = ? AND stage = ?""")
			.params(programmeId, "pledge-" + pledgeId, stage)
			.query(BigDecimal.class)
			.single();
	}

	@Test
	void aPledgeWithOnlyLastMonthsRateIsProvisionalUntilTheMonthsRateReRatesIt() {
		enter("2032-06", "ISK", "140");
		enter("2032-06", "CZK", "20");
		ClockUtil.setCurrentTime(Date.from(JUNE));
		long ratedInJune = fixtures.create("donorNorway", PledgeFixtures.pledge("700000", "ISK")).path("id").asLong();
		JsonNode june = get(ratedInJune);
		assertThat(june.path("rateProvisional").asBoolean()).isFalse();

		ClockUtil.setCurrentTime(Date.from(JULY));
		long programmeId = fixtures.openProgramme("officerCpcjd", "1000000.00", "USD");
		JsonNode pledge = fixtures.create("donorNorway", PledgeFixtures.toProgramme("1400000", "ISK", programmeId));
		long id = pledge.path("id").asLong();
		assertThat(pledge.path("rateProvisional").asBoolean()).isTrue();
		assertThat(pledge.path("rateMonth").asText()).isEqualTo("2032-06");
		assertThat(pledge.path("exchangeRate").decimalValue()).isEqualByComparingTo("140");
		assertThat(pledge.path("amountUsd").decimalValue()).isEqualByComparingTo("10000.00");
		assertThat(fundedUsd(programmeId, id)).isEqualByComparingTo("10000.00");
		JsonNode otherCurrency = fixtures.create("donorNorway", PledgeFixtures.pledge("20000", "CZK"));
		assertThat(otherCurrency.path("rateProvisional").asBoolean()).isTrue();
		assertThat(card(id)).contains("(provisional: the rate of June 2032");
		BigDecimal pledgedBefore = fixtures.step("GET", "/api/pledges/totals", "donorNorway", null, 200)
			.path("pledgedUsd")
			.decimalValue();

		enter("2032-07", "ISK", "125");

		JsonNode rerated = get(id);
		assertThat(rerated.path("rateProvisional").asBoolean()).isFalse();
		assertThat(rerated.path("rateMonth").asText()).isEqualTo("2032-07");
		assertThat(rerated.path("exchangeRate").decimalValue()).isEqualByComparingTo("125");
		assertThat(rerated.path("amountUsd").decimalValue()).isEqualByComparingTo("11200.00");
		assertThat(rerated.path("amount").decimalValue()).isEqualByComparingTo("1400000");
		assertThat(rerated.path("version").asInt()).isEqualTo(pledge.path("version").asInt() + 1);
		JsonNode steps = history(id);
		assertThat(steps.findValuesAsText("kind")).containsExactly("ANNOUNCED", "RATE_CONFIRMED");
		assertThat(steps.get(1).path("detail").asText()).contains("2032-07", "2032-06", "USD 10,000 -> USD 11,200");
		JsonNode revisions = fixtures.step("GET", "/api/pledges/" + id + "/revisions", "donorNorway", null, 200);
		assertThat(revisions).hasSize(2);
		assertThat(revisions.get(0).path("rateMonth").asText()).isEqualTo("2032-06");
		assertThat(revisions.get(0).path("amountUsd").decimalValue()).isEqualByComparingTo("10000.00");
		assertThat(revisions.get(1).path("rateMonth").asText()).isEqualTo("2032-07");
		assertThat(revisions.get(1).path("instalments")).hasSize(1);
		assertThat(card(id)).doesNotContain("provisional").contains("USD 11,200");
		// what is derived from the USD amount follows it
		assertThat(fundedUsd(programmeId, id)).isEqualByComparingTo("11200.00");
		assertThat(fixtures.step("GET", "/api/pledges/totals", "donorNorway", null, 200).path("pledgedUsd")
			.decimalValue()
			.subtract(pledgedBefore)).isEqualByComparingTo("1200.00");

		// a pledge rated at its own month's rate, and one waiting for another currency's rate, stay as they were
		JsonNode untouched = get(ratedInJune);
		assertThat(untouched.path("version").asInt()).isEqualTo(june.path("version").asInt());
		assertThat(untouched.path("amountUsd").decimalValue()).isEqualByComparingTo("5000.00");
		assertThat(history(ratedInJune).findValuesAsText("kind")).containsExactly("ANNOUNCED");
		JsonNode stillProvisional = get(otherCurrency.path("id").asLong());
		assertThat(stillProvisional.path("rateProvisional").asBoolean()).isTrue();
		assertThat(stillProvisional.path("amountUsd").decimalValue()).isEqualByComparingTo("1000.00");

		// correcting the month's rate later changes nothing already rated at it
		enter("2032-07", "ISK", "100");
		assertThat(get(id).path("amountUsd").decimalValue()).isEqualByComparingTo("11200.00");
		assertThat(history(id).findValuesAsText("kind")).containsExactly("ANNOUNCED", "RATE_CONFIRMED");
	}

	@Test
	void aRateOfTwoMonthsBeforeStillServesAndAnOlderOneIsRefusedNamingTheCurrency() {
		enter("2032-05", "HUF", "400");
		enter("2032-04", "PLN", "4");
		ClockUtil.setCurrentTime(Date.from(JULY));

		JsonNode fromMay = fixtures.create("donorNorway", PledgeFixtures.pledge("4000000", "HUF"));
		assertThat(fromMay.path("rateProvisional").asBoolean()).isTrue();
		assertThat(fromMay.path("rateMonth").asText()).isEqualTo("2032-05");
		assertThat(fromMay.path("amountUsd").decimalValue()).isEqualByComparingTo("10000.00");

		long before = jdbc.sql("SELECT COUNT(*) FROM pledge").query(Long.class).single();
		TestHttp.Response refused = api.send("POST", "/api/pledges", "donorNorway", "application/json",
				PledgeFixtures.pledge("40000", "PLN").toString());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		JsonNode errors = refused.json().path("errors");
		assertThat(errors.findValuesAsText("field")).containsExactly("currency");
		assertThat(errors.get(0).path("reason").asText()).contains("PLN", "2032-07", "2032-05");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pledge").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void anAgreedProvisionalPledgeIsReRatedWhereItIsCommitted() {
		enter("2032-06", "DKK", "7");
		ClockUtil.setCurrentTime(Date.from(JULY));
		long programmeId = fixtures.openProgramme("officerCpcjd", "500000.00", "USD");
		long id = fixtures.create("donorNorway", PledgeFixtures.toProgramme("70000", "DKK", programmeId)).path("id").asLong();
		fixtures.verify(id);
		JsonNode agreed = fixtures.agree(id);
		assertThat(agreed.path("allocatedProgrammeId").asLong()).isEqualTo(programmeId);
		assertThat(agreed.path("rateProvisional").asBoolean()).isTrue();
		assertThat(fundedUsd(programmeId, id, "COMMITTED")).isEqualByComparingTo("10000.00");

		enter("2032-07", "DKK", "6.4");

		JsonNode rerated = get(id);
		assertThat(rerated.path("status").asText()).isEqualTo("COMMITTED");
		assertThat(rerated.path("amountUsd").decimalValue()).isEqualByComparingTo("10937.50");
		assertThat(fundedUsd(programmeId, id, "COMMITTED")).isEqualByComparingTo("10937.50");
		assertThat(fundedUsd(programmeId, id, "PLEDGED")).isEqualByComparingTo("0");
		assertThat(history(id).findValuesAsText("kind")).endsWith("RATE_CONFIRMED");
	}

	@Test
	void aProgrammeInACurrencyWithOnlyLastMonthsRateIsFundedAtThatRate() {
		enter("2032-06", "BGN", "1.8");
		ClockUtil.setCurrentTime(Date.from(JULY));
		long programmeId = fixtures.openProgramme("officerOhchr", "90000.00", "BGN");
		JsonNode pledge = fixtures.create("donorNorway", PledgeFixtures.toProgramme("1000", "USD", programmeId));
		assertThat(pledge.path("rateProvisional").asBoolean()).as("US dollars need no rate").isFalse();
		assertThat(jdbc.sql("SELECT SUM(amount) FROM programme_funding_entry WHERE programme_id = ? AND pledge_ref = ?")
			.params(programmeId, "pledge-" + pledge.path("id").asLong())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("1800.00");
	}

	/**
	 * The ordering that keeps a provisional rating from missing the entry of its month's rate: a rating
	 * in progress holds the entry back until it is stored (and the entry then finds it), and an entry
	 * in progress holds a rating back until the rate is stored (and the rating then uses it).
	 */
	@Test
	void aRatingAndAnEntryOfTheMonthsRateWaitForEachOther() throws Exception {
		enter("2032-06", "RON", "5");
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch rated = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			Future<ExchangeRates.Rating> rating = threads.submit(() -> transaction.execute(status -> {
				ExchangeRates.Rating r = rates.forRating("RON", LocalDate.parse("2032-07-10")).orElseThrow();
				rated.countDown();
				await(release);
				return r;
			}));
			assertThat(rated.await(10, TimeUnit.SECONDS)).isTrue();
			Future<?> entry = threads.submit(() -> rates.enter(
					List.of(new ExchangeRate("RON", YearMonth.parse("2032-07"), new BigDecimal("4"), null, null)), "officerCpcjd"));
			Thread.sleep(600);
			assertThat(entry.isDone()).as("the entry waits for the rating's transaction").isFalse();
			release.countDown();
			assertThat(rating.get(10, TimeUnit.SECONDS).provisional()).isTrue();
			entry.get(10, TimeUnit.SECONDS);

			CountDownLatch entered = new CountDownLatch(1);
			CountDownLatch commit = new CountDownLatch(1);
			Future<?> entering = threads.submit(() -> transaction.executeWithoutResult(status -> {
				rates.enter(List.of(new ExchangeRate("RON", YearMonth.parse("2032-08"), new BigDecimal("3"), null, null)),
						"officerCpcjd");
				entered.countDown();
				await(commit);
			}));
			assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
			Future<ExchangeRates.Rating> waiting = threads.submit(() -> transaction
				.execute(status -> rates.forRating("RON", LocalDate.parse("2032-08-03")).orElseThrow()));
			Thread.sleep(600);
			assertThat(waiting.isDone()).as("the rating waits for the entry's transaction").isFalse();
			commit.countDown();
			entering.get(10, TimeUnit.SECONDS);
			ExchangeRates.Rating august = waiting.get(10, TimeUnit.SECONDS);
			assertThat(august.provisional()).isFalse();
			assertThat(august.unitsPerUsd()).isEqualByComparingTo("3");
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
