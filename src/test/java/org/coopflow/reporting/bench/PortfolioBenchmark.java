package org.coopflow.reporting.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.reference.Office;
import org.coopflow.reporting.Portfolio;
import org.coopflow.reporting.PortfolioReport;
import org.coopflow.security.CoopflowUser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The portfolio over a large portfolio: {@code coopflow.bench.programmes} programmes (100,000 by default)
 * of both offices in every status, with their standards, countries, funding entries and, for some funded
 * ones, an overdue report, written straight into a fresh database. Measures {@link PortfolioReport#of}
 * (median and slowest of the measured calls, bytes allocated per call) and one {@code GET /api/portfolio}
 * over HTTP with its JSON size. Asserts only that the portfolio counted every programme. Excluded from the
 * default run (tag {@code benchmark}); how to run it and the figures are in README.md beside this file.
 */
@Tag("benchmark")
@CoopflowTest
class PortfolioBenchmark {

	private static final int PROGRAMMES = Integer.getInteger("coopflow.bench.programmes", 100_000);

	private static final int WARM_UP = Integer.getInteger("coopflow.bench.warmup", 3);

	private static final int MEASURED = Integer.getInteger("coopflow.bench.calls", 10);

	private static final String[] STANDARDS = { "SMR-PRISONERS", "CODE-LEO", "BP-FORCE-FIREARMS", "VICTIMS-DECL",
			"BP-JUDICIARY", "TOKYO-RULES", "GL-PROSECUTORS", "BP-LAWYERS", "DRAFT-ADMIN-JUSTICE" };

	private static final String[] STATUSES = { "DRAFT", "SUBMITTED", "UNDER_REVIEW", "REJECTED", "OPEN_FOR_FUNDING",
			"OPEN_FOR_FUNDING", "OPEN_FOR_FUNDING", "PARTIALLY_FUNDED", "FUNDED", "FUNDED", "FUNDED", "CLOSED" };

	private static final String[] CURRENCIES = { "USD", "USD", "USD", "USD", "USD", "USD", "USD", "EUR", "EUR", "JPY" };

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PortfolioReport portfolio;

	@Autowired
	UserDetailsService users;

	@Test
	void portfolioOfALargePortfolio() {
		long start = System.nanoTime();
		generate();
		System.out.printf(Locale.ROOT, "generated %,d programmes in %.1f s%n", PROGRAMMES,
				(System.nanoTime() - start) / 1e9);
		long total = jdbc.queryForObject("SELECT COUNT(*) FROM programme", Long.class);

		CoopflowUser admin = (CoopflowUser) users.loadUserByUsername("admin");
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		for (int i = 0; i < WARM_UP; i++) {
			portfolio.of(admin, null, 50);
		}
		long[] nanos = new long[MEASURED];
		long[] allocated = new long[MEASURED];
		Portfolio last = null;
		for (int i = 0; i < MEASURED; i++) {
			long bytesBefore = threads.getCurrentThreadAllocatedBytes();
			long before = System.nanoTime();
			last = portfolio.of(admin, i % 2 == 0 ? null : Office.CPCJD, 50);
			nanos[i] = System.nanoTime() - before;
			allocated[i] = threads.getCurrentThreadAllocatedBytes() - bytesBefore;
			if (i % 2 == 0) {
				assertThat(last.programmes()).isEqualTo(total);
			}
		}
		Arrays.sort(nanos);
		Arrays.sort(allocated);
		long httpStart = System.nanoTime();
		TestHttp.Response response = TestHttp.api(port).get("/api/portfolio", "admin");
		long httpNanos = System.nanoTime() - httpStart;
		assertThat(response.status()).isEqualTo(200);
		System.out.printf(Locale.ROOT,
				"portfolio of %,d programmes (both offices and CPCJD alternately), %d calls after %d warm-up: "
						+ "median %.0f ms, slowest %.0f ms; allocated per call median %.0f MB%n"
						+ "GET /api/portfolio (one call, incl. BCrypt sign-in and JSON): %.0f ms, %,d bytes of JSON%n",
				total, MEASURED, WARM_UP, nanos[MEASURED / 2] / 1e6, nanos[MEASURED - 1] / 1e6,
				allocated[MEASURED / 2] / 1e6, httpNanos / 1e6, response.body().length());
	}

	/** Writes the programmes and their rows in batches, reproducibly (a fixed seed). */
	private void generate() {
		// every module's rows written directly: a portfolio of this size through the APIs and processes would take hours
		String month = YearMonth.now().atDay(1).toString();
		jdbc.update("DELETE FROM exchange_rate WHERE rate_month = ? AND currency IN ('EUR', 'JPY')", LocalDate.parse(month));
		jdbc.update("INSERT INTO exchange_rate (currency, rate_month, units_per_usd, entered_by, entered_at) VALUES "
				+ "('EUR', ?, 0.92, 'bench', ?), ('JPY', ?, 150, 'bench', ?)", LocalDate.parse(month),
				Timestamp.from(Instant.now()), LocalDate.parse(month), Timestamp.from(Instant.now()));
		List<String> countries = jdbc.queryForList("SELECT code FROM country ORDER BY code", String.class)
			.stream()
			.map(String::trim)
			.toList();
		SplittableRandom random = new SplittableRandom(1997_32);
		Timestamp now = Timestamp.from(Instant.now());
		Timestamp overdue = Timestamp.from(Instant.now().minus(20, ChronoUnit.DAYS));
		int batch = 2_000;
		for (int from = 0; from < PROGRAMMES; from += batch) {
			int size = Math.min(batch, PROGRAMMES - from);
			List<Object[]> programmes = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				int n = from + i;
				String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
				LocalDate start = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3650));
				programmes.add(new Object[] { n % 2 == 0 ? "CPCJD" : "OHCHR", "Bench programme " + n,
						"Generated for the portfolio benchmark", "NATIONAL", start, start.plusDays(365 + random.nextInt(730)),
						BigDecimal.valueOf(50_000 + random.nextInt(2_000_000)).setScale(2), currency,
						STATUSES[random.nextInt(STATUSES.length)], "bench", now, "bench", now });
			}
			jdbc.batchUpdate("""
					INSERT INTO programme (office_code, title, description, scope, planned_start, planned_end, budget_amount,
					  budget_currency, status, created_by, created_at, updated_by, updated_at, version)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", programmes);
		}
		record Generated(long id, String office, String status, BigDecimal budget, String title, String currency) {
		}
		List<Generated> generated = jdbc.query(
				"SELECT id, office_code, status, budget_amount, title, budget_currency FROM programme WHERE created_by = 'bench' ORDER BY id",
				(rs, row) -> new Generated(rs.getLong(1), rs.getString(2).trim(), rs.getString(3), rs.getBigDecimal(4),
						rs.getString(5), rs.getString(6).trim()));
		for (int from = 0; from < generated.size(); from += batch) {
			List<Object[]> standards = new ArrayList<>();
			List<Object[]> places = new ArrayList<>();
			List<Object[]> funding = new ArrayList<>();
			List<Object[]> implementations = new ArrayList<>();
			List<Object[]> reports = new ArrayList<>();
			for (Generated p : generated.subList(from, Math.min(from + batch, generated.size()))) {
				int first = random.nextInt(STANDARDS.length);
				standards.add(new Object[] { p.id(), STANDARDS[first] });
				if (random.nextBoolean()) {
					standards.add(new Object[] { p.id(), STANDARDS[(first + 1 + random.nextInt(STANDARDS.length - 1)) % STANDARDS.length] });
				}
				int c = random.nextInt(countries.size());
				places.add(new Object[] { p.id(), countries.get(c) });
				if (random.nextInt(4) == 0) {
					places.add(new Object[] { p.id(), countries.get((c + 1) % countries.size()) });
				}
				boolean funded = p.status().equals("FUNDED") || p.status().equals("CLOSED");
				if (funded || p.status().equals("OPEN_FOR_FUNDING") || p.status().equals("PARTIALLY_FUNDED")) {
					BigDecimal committed = funded ? p.budget()
							: p.budget().multiply(BigDecimal.valueOf(random.nextInt(90))).movePointLeft(2).setScale(2, java.math.RoundingMode.DOWN);
					funding.add(new Object[] { p.id(), "bench-" + p.id(), "COMMITTED", committed, committed, now });
					if (funded) {
						funding.add(new Object[] { p.id(), "bench-" + p.id(), "RECEIVED", committed, committed, now });
						implementations.add(new Object[] { p.id(), p.office(), p.status().equals("CLOSED") ? "CLOSED" : "IN_IMPLEMENTATION", now, now,
								p.title(), p.currency() });
						if (random.nextInt(50) == 0) {
							reports.add(new Object[] { p.id(), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30), overdue });
						}
					}
				}
			}
			jdbc.batchUpdate("INSERT INTO programme_standard (programme_id, standard_code) VALUES (?, ?)", standards);
			jdbc.batchUpdate("INSERT INTO programme_country (programme_id, country_code) VALUES (?, ?)", places);
			jdbc.batchUpdate("""
					INSERT INTO programme_funding_entry (programme_id, pledge_ref, stage, amount, amount_usd, recorded_at)
					VALUES (?, ?, ?, ?, ?, ?)""", funding);
			jdbc.batchUpdate("INSERT INTO implementation (programme_id, office_code, stage, started_at, created_at, programme_title, currency) VALUES (?, ?, ?, ?, ?, ?, ?)",
					implementations);
			jdbc.batchUpdate("""
					INSERT INTO implementation_report (programme_id, kind, period_from, period_to, status, due_at)
					VALUES (?, 'PROGRESS', ?, ?, 'DUE', ?)""", reports);
		}
		// the programmes' funding sums of the entries written straight into the ledger, as FundingLedger keeps them
		jdbc.update(org.coopflow.LargePortfolio.FUNDING_SUMS);
	}

}
