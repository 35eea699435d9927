package org.coopflow.publishing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.publishing.IatiExport;
import org.coopflow.publishing.IatiProblem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The IATI file of a large portfolio: {@code coopflow.bench.programmes} approved programmes (10,000 by
 * default) with countries, sectors, two pledges each (announced; agreed; agreed and paid), and for the funded
 * and closed ones an implementation, an activity and three expenditures, written straight into a fresh
 * database. Streams {@code GET /api/iati/activities.xml} as admin over HTTP, counting bytes and activities
 * without keeping them, while a sampler reads the live heap (after a GC, every 3 s). Asserts that every
 * programme was published within 30 s. Run with a small heap to prove the memory bound, see README.md.
 */
@Tag("benchmark")
@CoopflowTest
class IatiExportBenchmark {

	private static final int PROGRAMMES = Integer.getInteger("coopflow.bench.programmes", 10_000);

	private static final String[] STATUSES = { "OPEN_FOR_FUNDING", "PARTIALLY_FUNDED", "FUNDED", "FUNDED", "CLOSED" };

	private static final String[] COUNTRIES = { "KE", "UG", "TZ", "NP", "BT", "LK", "PE", "CO", "GT", "HN" };

	private static final String[] SECTORS = { "15130", "15160", "15210", "15220", "15170" };

	private static final String[] DONORS = { "NO", "JP", "SE", "DE", "CA", "AU", "MX" };

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IatiExport export;

	@Test
	void iatiFileOfALargePortfolio() throws Exception {
		long start = System.nanoTime();
		generate();
		long transactions = jdbc.queryForObject("SELECT COUNT(*) FROM pledge WHERE created_by = 'bench'", Long.class)
				+ jdbc.queryForObject("SELECT COUNT(*) FROM pledge WHERE created_by = 'bench' AND status <> 'PLEDGED'", Long.class)
				+ jdbc.queryForObject("SELECT COUNT(*) FROM pledge_payment WHERE reported_by = 'bench'", Long.class)
				+ jdbc.queryForObject("SELECT COUNT(*) FROM activity_expenditure WHERE recorded_by = 'bench'", Long.class);
		System.out.printf(Locale.ROOT, "generated %,d programmes with %,d transactions in %.1f s%n", PROGRAMMES,
				transactions, (System.nanoTime() - start) / 1e9);

		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long baseline = memory.getHeapMemoryUsage().getUsed();
		AtomicLong maxLive = new AtomicLong(baseline);
		AtomicBoolean running = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (running.get()) {
				System.gc();
				maxLive.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(3000);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();

		long before = System.nanoTime();
		long[] counted = get();
		long nanos = System.nanoTime() - before;
		long bytes = counted[0];
		long activities = counted[1];
		running.set(false);
		sampler.join();

		long problemsStart = System.nanoTime();
		List<IatiProblem> problems = export.problems(null);
		long problemsNanos = System.nanoTime() - problemsStart;
		long warmStart = System.nanoTime();
		assertThat(get()[1]).isEqualTo(activities);
		long warmNanos = System.nanoTime() - warmStart;
		Runtime runtime = Runtime.getRuntime();
		System.out.printf(Locale.ROOT,
				"GET /api/iati/activities.xml of %,d programmes (%,d transactions): %.1f s, %,d bytes, %,d activities, "
						+ "%d left out%nlive heap after GC: %.0f MB before, at most %.0f MB while streaming; max heap %.0f MB%n"
						+ "then: the same work without XML (problems) %.1f s; a second GET %.1f s%n",
				PROGRAMMES, transactions, nanos / 1e9, bytes, activities, problems.size(), baseline / 1e6,
				maxLive.get() / 1e6, runtime.maxMemory() / 1e6, problemsNanos / 1e9, warmNanos / 1e9);
		assertThat(problems).isEmpty();
		assertThat(activities).isGreaterThanOrEqualTo(PROGRAMMES);
		assertThat(nanos / 1e9).isLessThan(30);
	}

	/** Streams the file as admin, counting its bytes and activities without keeping them. */
	private long[] get() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/iati/activities.xml"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("admin:" + TestHttp.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.build();
		HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		long bytes = 0;
		long activities = 0;
		byte[] marker = "<iati-activity ".getBytes(StandardCharsets.US_ASCII);
		int matched = 0;
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = response.body()) {
			for (int n; (n = in.read(buffer)) > 0;) {
				bytes += n;
				for (int i = 0; i < n; i++) {
					matched = buffer[i] == marker[matched] ? matched + 1 : buffer[i] == marker[0] ? 1 : 0;
					if (matched == marker.length) {
						activities++;
						matched = 0;
					}
				}
			}
		}
		return new long[] { bytes, activities };
	}

	/** Writes the programmes and their rows in batches of 1,000, reproducibly (a fixed seed). */
	private void generate() {
		LocalDate month = YearMonth.now().atDay(1);
		SplittableRandom random = new SplittableRandom(1997_32);
		Timestamp now = Timestamp.from(Instant.now());
		LocalDate today = LocalDate.now();
		int batch = 1_000;
		for (int from = 0; from < PROGRAMMES; from += batch) {
			int size = Math.min(batch, PROGRAMMES - from);
			List<Object[]> programmes = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				int n = from + i;
				LocalDate start = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(1500));
				programmes.add(new Object[] { n % 2 == 0 ? "CPCJD" : "OHCHR", "Bench programme " + n,
						"Generated for the IATI benchmark: advisory services & training <on the standards>", "NATIONAL",
						start, start.plusDays(365 + random.nextInt(730)), BigDecimal.valueOf(50_000 + random.nextInt(2_000_000)).setScale(2),
						STATUSES[random.nextInt(STATUSES.length)], "bench", now, "bench", now });
			}
			jdbc.batchUpdate("""
					INSERT INTO programme (office_code, title, description, scope, planned_start, planned_end, budget_amount,
					  budget_currency, status, created_by, created_at, updated_by, updated_at, version)
					VALUES (?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?, 0)""", programmes);
			record Generated(long id, String office, String status, BigDecimal budget) {
			}
			List<Generated> generated = jdbc.query("""
					SELECT id, office_code, status, budget_amount FROM programme WHERE created_by = 'bench'
					AND id NOT IN (SELECT programme_id FROM programme_country) ORDER BY id""",
					(rs, row) -> new Generated(rs.getLong(1), rs.getString(2).trim(), rs.getString(3), rs.getBigDecimal(4)));
			List<Object[]> places = new ArrayList<>();
			List<Object[]> sectors = new ArrayList<>();
			List<Object[]> pledges = new ArrayList<>();
			List<Object[]> implementations = new ArrayList<>();
			for (Generated p : generated) {
				int c = random.nextInt(COUNTRIES.length);
				places.add(new Object[] { p.id(), COUNTRIES[c] });
				if (random.nextInt(3) == 0) {
					places.add(new Object[] { p.id(), COUNTRIES[(c + 1) % COUNTRIES.length] });
				}
				int s = random.nextInt(SECTORS.length);
				sectors.add(new Object[] { p.id(), SECTORS[s] });
				if (random.nextBoolean()) {
					sectors.add(new Object[] { p.id(), SECTORS[(s + 1) % SECTORS.length] });
				}
				boolean funded = p.status().equals("FUNDED") || p.status().equals("CLOSED");
				BigDecimal half = p.budget().divide(BigDecimal.valueOf(2));
				Date announced = Date.valueOf(today.minusDays(200 + random.nextInt(300)));
				String first = DONORS[random.nextInt(DONORS.length)];
				String second = DONORS[random.nextInt(DONORS.length)];
				pledges.add(pledge(p.id(), p.office(), first, funded ? "PAID" : "PLEDGED", half, half, month, announced,
						funded ? Date.valueOf(today.minusDays(150)) : null, now));
				pledges.add(pledge(p.id(), p.office(), second, "COMMITTED", half, BigDecimal.ZERO, month, announced,
						Date.valueOf(today.minusDays(120)), now));
				if (funded) {
					implementations.add(new Object[] { p.id(), p.office(), "Bench programme", "USD",
							p.status().equals("CLOSED") ? "CLOSED" : "IN_IMPLEMENTATION", Timestamp.valueOf(today.minusDays(100).atStartOfDay()),
							p.status().equals("CLOSED") ? Timestamp.valueOf(today.minusDays(10).atStartOfDay()) : null, now });
				}
			}
			jdbc.batchUpdate("INSERT INTO programme_country (programme_id, country_code) VALUES (?, ?)", places);
			jdbc.batchUpdate("INSERT INTO programme_sector (programme_id, dac_code) VALUES (?, ?)", sectors);
			jdbc.batchUpdate("""
					INSERT INTO pledge (donor, office, status, earmarking, earmark_target, programme_id, revision, amount,
					  currency, exchange_rate, rate_month, amount_usd, received_amount, lapse_date, announced_at, agreement_date,
					  allocated_programme_id, created_by, created_at, updated_by, updated_at, version)
					VALUES (?, ?, ?, 'PROGRAMME', ?, ?, 1, ?, 'USD', 1, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, 'bench', ?, 0)""",
					pledges);
			jdbc.batchUpdate("""
					INSERT INTO implementation (programme_id, office_code, programme_title, currency, stage, started_at,
					  closed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", implementations);
		}
		jdbc.update("""
				INSERT INTO pledge_payment (pledge_id, amount, amount_usd, paid_on, status, reported_by, reported_at)
				SELECT id, amount, amount_usd, DATEADD('DAY', 30, agreement_date), 'CONFIRMED', 'bench', created_at FROM pledge
				WHERE created_by = 'bench' AND status = 'PAID'""");
		jdbc.update("""
				INSERT INTO activity (programme_id, type, title, planned_start, planned_end, budget_line, status, created_by,
				  created_at, updated_by, updated_at, version)
				SELECT programme_id, 'TRAINING', 'Training of prison staff', started_at, started_at, 'BL-1', 'IN_PROGRESS',
				  'bench', created_at, 'bench', created_at, 0 FROM implementation WHERE programme_title = 'Bench programme'""");
		for (int k = 1; k <= 3; k++) {
			jdbc.update("""
					INSERT INTO activity_expenditure (activity_id, programme_id, amount, spent_on, description, received_before,
					  recorded_by, recorded_at)
					SELECT a.id, a.programme_id, 1000 * ?, DATEADD('DAY', 10 * ?, a.planned_start), 'Interpreters and venue', 0, 'bench',
					  a.created_at FROM activity a WHERE a.created_by = 'bench'""", k, k);
		}
	}

	private static Object[] pledge(long programmeId, String office, String donor, String status, BigDecimal amount,
			BigDecimal received, LocalDate rateMonth, Date announced, Date agreed, Timestamp now) {
		return new Object[] { donor, office, status, String.valueOf(programmeId), programmeId, amount, Date.valueOf(rateMonth),
				amount, received, Date.valueOf(rateMonth.plusYears(1)), new Timestamp(announced.getTime()), agreed,
				agreed == null ? null : programmeId, now, now };
	}

}
