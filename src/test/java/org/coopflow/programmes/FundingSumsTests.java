package org.coopflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
 * The funding sums each programme keeps (committed in its currency and in dollars, received in dollars) against
 * its ledger, which they replace in the portfolio: after what pledges do to a programme (pledged, withdrawn,
 * committed, received, cancelled) and when two entries are written to one programme at once.
 */
@CoopflowTest
class FundingSumsTests {

	/** The sums as the portfolio summed the ledger before the programme kept them. */
	private static final String LEDGER_SUMS = """
			SELECT COALESCE(SUM(CASE WHEN stage = 'COMMITTED' THEN amount END), 0),
			COALESCE(SUM(CASE WHEN stage = 'COMMITTED' THEN amount_usd END), 0),
			COALESCE(SUM(CASE WHEN stage = 'RECEIVED' THEN amount_usd END), 0)
			FROM programme_funding_entry WHERE programme_id = ?""";

	private static final String KEPT_SUMS = "SELECT committed_amount, committed_usd, received_usd FROM programme WHERE id = ?";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FundingLedger ledger;

	@Autowired
	TransactionTemplate transaction;

	PledgeFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new PledgeFixtures(TestHttp.api(port));
	}

	private List<BigDecimal> sums(String sql, long programmeId) {
		return jdbc.sql(sql)
			.param(programmeId)
			.query((rs, n) -> List.of(rs.getBigDecimal(1).setScale(2), rs.getBigDecimal(2).setScale(2),
					rs.getBigDecimal(3).setScale(2)))
			.single();
	}

	private List<BigDecimal> kept(long programmeId) {
		return sums(KEPT_SUMS, programmeId);
	}

	private static List<BigDecimal> amounts(String committed, String committedUsd, String receivedUsd) {
		return List.of(new BigDecimal(committed), new BigDecimal(committedUsd), new BigDecimal(receivedUsd));
	}

	@Test
	void theSumsAreTheLedgersAfterPledgesArePledgedWithdrawnCommittedReceivedAndCancelled() {
		fixtures.rate("EUR", "0.800000");
		long programme = fixtures.openProgramme("officerCpcjd", "900000.00", "USD");
		assertThat(kept(programme)).isEqualTo(amounts("0.00", "0.00", "0.00"));

		// pledged to the programme, then withdrawn: a PLEDGED entry and its reversal, in no sum
		long withdrawn = fixtures.create("donorNorway", PledgeFixtures.toProgramme("30000", "USD", programme))
			.path("id")
			.asLong();
		fixtures.verify(withdrawn);
		fixtures.step("PUT", "/api/pledges/" + withdrawn + "/withdrawal", "donorNorway",
				"{\"reason\": \"Parliament did not approve\"}", 200);
		// 80,000 euros at 0.80: committed as 100,000 dollars and, in the programme's dollars, 100,000; half received
		fixtures.agreed("donorNorway", PledgeFixtures.toProgramme("80000", "EUR", programme), "40000");
		// committed and paid in full
		fixtures.agreed("donorJapan", PledgeFixtures.toProgramme("50000", "USD", programme), "50000");
		// committed, then cancelled: its COMMITTED entry reversed
		long cancelled = fixtures.agreed("donorJapan", PledgeFixtures.toProgramme("70000", "USD", programme), "0");
		assertThat(kept(programme)).isEqualTo(amounts("220000.00", "220000.00", "100000.00"));
		fixtures.cancel(cancelled, "The agreement was not signed by the ministry");

		assertThat(jdbc.sql("SELECT COUNT(*) FROM programme_funding_entry WHERE programme_id = ? AND amount < 0")
			.param(programme)
			.query(Long.class)
			.single()).as("reversals were written").isGreaterThanOrEqualTo(2);
		assertThat(kept(programme)).isEqualTo(amounts("150000.00", "150000.00", "100000.00"))
			.isEqualTo(sums(LEDGER_SUMS, programme));
	}

	@Test
	void twoEntriesWrittenToOneProgrammeAtOnceBothCount() throws Exception {
		long programme = fixtures.openProgramme("officerCpcjd", "900000.00", "USD");
		CountDownLatch firstWritten = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
			ledger.record(programme, "concurrent-1", FundingLedger.Stage.COMMITTED, new BigDecimal("1000.00"), "USD",
					new BigDecimal("1000.00"), LocalDate.now());
			firstWritten.countDown();
			// the second writes while this one has neither committed nor rolled back
			sleep(500);
		}));
		assertThat(firstWritten.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
			ledger.record(programme, "concurrent-2", FundingLedger.Stage.COMMITTED, new BigDecimal("2000.00"), "USD",
					new BigDecimal("2000.00"), LocalDate.now());
			ledger.record(programme, "concurrent-2", FundingLedger.Stage.RECEIVED, new BigDecimal("2000.00"), "USD",
					new BigDecimal("2000.00"), LocalDate.now());
		}));
		CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);

		assertThat(kept(programme)).isEqualTo(amounts("3000.00", "3000.00", "2000.00"))
			.isEqualTo(sums(LEDGER_SUMS, programme));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
