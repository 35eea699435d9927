package org.coopflow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import javax.sql.DataSource;

/**
 * A portfolio of many years' size written straight into coopflow's own tables of a fresh test database,
 * with plain JDBC batches: {@code coopflow.bench.programmes} programmes (100,000 by default) of both offices,
 * {@code coopflow.bench.pledges} pledges (300,000) of twelve Member States with their revisions, instalments,
 * payments and timelines, {@code coopflow.bench.ledger} funding entries (1,000,000: the programmes' ledger of
 * pledged, committed and received money, and each programme's sums of it), {@code coopflow.bench.alerts} overlap alerts (one per 20 programmes)
 * and the implementations of funded programmes. A fixed seed makes it the same every run.
 * <p>
 * The shares follow a portfolio that has run for years: most programmes closed or funded, a fifth seeking
 * funds, a few in drafting and review; most pledges paid, a tenth still only announced, some withdrawn,
 * cancelled or lapsed. Norway (donorNorway) gives about 8 % of the pledges, Japan (donorJapan) about 10 %.
 * Going through the APIs and processes would take hours at this size; the rows are those the services write.
 */
public final class LargePortfolio {

	public static final int PROGRAMMES = Integer.getInteger("coopflow.bench.programmes", 100_000);

	public static final int PLEDGES = Integer.getInteger("coopflow.bench.pledges", 300_000);

	public static final int LEDGER = Integer.getInteger("coopflow.bench.ledger", 1_000_000);

	public static final int ALERTS = Integer.getInteger("coopflow.bench.alerts", PROGRAMMES / 20);

	private static final int BATCH = 5_000;

	/**
	 * The programmes' funding sums from the ledger written straight into the table, as FundingLedger keeps them
	 * entry by entry: the back-fill of db/programmes/2026-12-05-programme-funding-sums.yaml.
	 */
	public static final String FUNDING_SUMS = """
			UPDATE programme SET
			committed_amount = COALESCE((SELECT SUM(f.amount) FROM programme_funding_entry f
			WHERE f.programme_id = programme.id AND f.stage = 'COMMITTED'), 0),
			committed_usd = COALESCE((SELECT SUM(f.amount_usd) FROM programme_funding_entry f
			WHERE f.programme_id = programme.id AND f.stage = 'COMMITTED'), 0),
			received_usd = COALESCE((SELECT SUM(f.amount_usd) FROM programme_funding_entry f
			WHERE f.programme_id = programme.id AND f.stage = 'RECEIVED'), 0)
			WHERE EXISTS (SELECT 1 FROM programme_funding_entry f WHERE f.programme_id = programme.id)""";

	static final String[] STANDARDS = { "SMR-PRISONERS", "CODE-LEO", "BP-FORCE-FIREARMS", "VICTIMS-DECL",
			"BP-JUDICIARY", "TOKYO-RULES", "GL-PROSECUTORS", "BP-LAWYERS", "DRAFT-ADMIN-JUSTICE" };

	/** Programme statuses in the shares of a portfolio that has run for years (out of 100). */
	private static final Object[][] PROGRAMME_STATUSES = { { "DRAFT", 5 }, { "SUBMITTED", 2 }, { "OVERLAP_REVIEW", 1 },
			{ "UNDER_REVIEW", 3 }, { "RETURNED_FOR_REVISION", 2 }, { "REJECTED", 5 }, { "WITHDRAWN", 2 },
			{ "OPEN_FOR_FUNDING", 11 }, { "PARTIALLY_FUNDED", 9 }, { "FUNDED", 16 }, { "CLOSED", 42 },
			{ "CANCELLED", 2 } };

	private static final Object[][] PLEDGE_STATUSES = { { "DRAFT", 2 }, { "PLEDGED", 8 }, { "COMMITTED", 10 },
			{ "PARTIALLY_PAID", 9 }, { "PAID", 58 }, { "WITHDRAWN", 4 }, { "CANCELLED", 3 }, { "LAPSED", 6 } };

	/** Member States and their share of the pledges (out of 100); NO and JP have demo donor users. */
	private static final Object[][] DONORS = { { "NO", 8 }, { "JP", 10 }, { "SE", 10 }, { "DE", 12 }, { "GB", 9 },
			{ "NL", 8 }, { "CH", 7 }, { "CA", 7 }, { "DK", 7 }, { "FI", 6 }, { "FR", 8 }, { "AU", 8 } };

	private static final String[] CURRENCIES = { "USD", "USD", "USD", "USD", "USD", "USD", "USD", "EUR", "EUR", "JPY" };

	private static final String[] COUNTRIES = { "KE", "UG", "TZ", "NG", "GH", "SN", "ML", "NE", "TD", "ET", "SO", "SD",
			"EG", "MA", "TN", "JO", "LB", "IQ", "AF", "PK", "BD", "NP", "LK", "MM", "KH", "LA", "VN", "ID", "PH", "PG",
			"HT", "GT", "HN", "SV", "NI", "CO", "PE", "BO", "EC", "PY", "UA", "MD", "GE", "AM", "KG", "TJ", "UZ", "KZ" };

	private final SplittableRandom random = new SplittableRandom(1997_32);

	private final Timestamp now = Timestamp.from(Instant.now());

	private final LocalDate month = YearMonth.now(ZoneOffset.UTC).atDay(1);

	private final Map<String, BigDecimal> unitsPerUsd = Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("0.920000"),
			"JPY", new BigDecimal("150.000000"));

	/** The facts of a written programme that its pledges, ledger and alerts need. */
	private record Programme(long id, String office, String status, String currency, String country,
			String standard) {

		boolean approved() {
			return switch (status) {
				case "OPEN_FOR_FUNDING", "PARTIALLY_FUNDED", "FUNDED", "CLOSED" -> true;
				default -> false;
			};
		}

	}

	/** What was written: the counts, and a pledge of Norway's whose report shows a funded programme. */
	public record Written(int programmes, int pledges, int ledgerEntries, int alerts, long norwayPaidPledge,
			double seconds) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"%,d programmes, %,d pledges, %,d ledger entries, %,d overlap alerts in %.0f s", programmes, pledges,
					ledgerEntries, alerts, seconds);
		}

	}

	private LargePortfolio() {
	}

	/**
	 * Fills the database that {@code dataSource} (and, on MySQL/MariaDB, {@code url}) points at. On MySQL/MariaDB
	 * it opens its own connection with {@code rewriteBatchedStatements}, so that a batch travels as a few
	 * multi-row inserts rather than thousands of round trips (1.4 million rows take seconds, not minutes).
	 */
	public static Written fill(DataSource dataSource, String url, String username, String password) {
		long start = System.nanoTime();
		try (Connection connection = url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")
				? DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true",
						username, password)
				: dataSource.getConnection()) {
			connection.setAutoCommit(false);
			if (!url.startsWith("jdbc:h2:")) {
				try (Statement s = connection.createStatement()) {
					// this session's own rows only reference rows it wrote (or the reference data) just before
					s.execute("SET foreign_key_checks = 0, unique_checks = 0");
				}
			}
			Written written = new LargePortfolio().write(connection, url.startsWith("jdbc:h2:"));
			return new Written(written.programmes(), written.pledges(), written.ledgerEntries(), written.alerts(),
					written.norwayPaidPledge(), (System.nanoTime() - start) / 1e9);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not write the large portfolio: " + e.getMessage(), e);
		}
	}

	private Written write(Connection db, boolean h2) throws SQLException {
		try (Statement s = db.createStatement()) {
			s.executeUpdate("DELETE FROM exchange_rate WHERE rate_month = '" + month + "' AND currency IN ('EUR', 'JPY')");
		}
		batch(db, "INSERT INTO exchange_rate (currency, rate_month, units_per_usd, entered_by, entered_at) VALUES (?, ?, ?, ?, ?)",
				new ArrayList<>(List.of(new Object[] { "EUR", month, unitsPerUsd.get("EUR"), "bench", now },
						new Object[] { "JPY", month, unitsPerUsd.get("JPY"), "bench", now })));
		long firstProgramme = next(db, "programme");
		List<Programme> programmes = programmes(db, firstProgramme);
		List<Programme> approved = programmes.stream().filter(Programme::approved).toList();
		long firstPledge = next(db, "pledge");
		long[] ledger = { 0 };
		long norway = pledges(db, firstPledge, programmes, approved, ledger);
		try (Statement s = db.createStatement()) {
			s.executeUpdate(FUNDING_SUMS);
		}
		db.commit();
		int alerts = alerts(db, programmes);
		if (h2) {
			// explicit ids do not move H2's identity on; anything the application inserts afterwards would collide
			try (Statement s = db.createStatement()) {
				s.execute("ALTER TABLE programme ALTER COLUMN id RESTART WITH " + (firstProgramme + PROGRAMMES));
				s.execute("ALTER TABLE pledge ALTER COLUMN id RESTART WITH " + (firstPledge + PLEDGES));
				s.execute("ALTER TABLE overlap_alert ALTER COLUMN id RESTART WITH " + (next(db, "overlap_alert") + 1));
				s.execute("ALTER TABLE programme_funding_entry ALTER COLUMN id RESTART WITH " + next(db, "programme_funding_entry"));
				s.execute("ALTER TABLE pledge_event ALTER COLUMN id RESTART WITH " + next(db, "pledge_event"));
				s.execute("ALTER TABLE pledge_payment ALTER COLUMN id RESTART WITH " + next(db, "pledge_payment"));
			}
			db.commit();
		}
		try (Statement s = db.createStatement()) {
			// fresh statistics, as a server that has grown to this size over years would have
			if (!h2) {
				for (String table : List.of("programme", "programme_country", "programme_standard", "programme_funding_entry",
						"pledge", "pledge_instalment", "pledge_payment", "pledge_event", "overlap_alert", "implementation")) {
					s.execute("ANALYZE TABLE " + table);
				}
			}
		}
		db.commit();
		return new Written(programmes.size(), PLEDGES, (int) ledger[0], alerts, norway, 0);
	}

	private List<Programme> programmes(Connection db, long first) throws SQLException {
		List<Programme> written = new ArrayList<>(PROGRAMMES);
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> countries = new ArrayList<>();
		List<Object[]> standards = new ArrayList<>();
		List<Object[]> implementations = new ArrayList<>();
		List<Object[]> reports = new ArrayList<>();
		Timestamp overdue = Timestamp.from(Instant.now().minus(20, ChronoUnit.DAYS));
		for (int n = 0; n < PROGRAMMES; n++) {
			long id = first + n;
			String office = n % 2 == 0 ? "CPCJD" : "OHCHR";
			String status = pick(PROGRAMME_STATUSES);
			String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
			String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
			String standard = STANDARDS[random.nextInt(STANDARDS.length)];
			// older programmes are the closed ones; drafts and open calls are recent
			boolean past = status.equals("CLOSED") || status.equals("CANCELLED") || status.equals("REJECTED");
			LocalDate start = past ? LocalDate.of(2012, 1, 1).plusDays(random.nextInt(4000))
					: LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1500));
			Timestamp deadline = status.equals("OPEN_FOR_FUNDING") || status.equals("PARTIALLY_FUNDED")
					? Timestamp.from(Instant.now().plus(random.nextInt(-30, 120), ChronoUnit.DAYS)) : null;
			rows.add(new Object[] { id, office, "Programme " + n + ": " + standard.toLowerCase(Locale.ROOT) + " in " + country,
					"Technical cooperation to apply " + standard + " in " + country + ", with training, advisory services "
							+ "and the translation of the Compendium.",
					"NATIONAL", "Ministry of Justice", start, start.plusDays(365 + random.nextInt(1100)),
					BigDecimal.valueOf(50_000 + random.nextInt(2_000_000)).setScale(2), currency, status, deadline,
					office.equals("CPCJD") ? "officerCpcjd" : "officerOhchr", now, now });
			countries.add(new Object[] { id, country });
			if (random.nextInt(4) == 0) {
				String second = COUNTRIES[random.nextInt(COUNTRIES.length)];
				if (!second.equals(country)) {
					countries.add(new Object[] { id, second });
				}
			}
			standards.add(new Object[] { id, standard });
			if (random.nextBoolean()) {
				String second = STANDARDS[random.nextInt(STANDARDS.length)];
				if (!second.equals(standard)) {
					standards.add(new Object[] { id, second });
				}
			}
			if (status.equals("FUNDED") || status.equals("CLOSED")) {
				implementations.add(new Object[] { id, office, status.equals("CLOSED") ? "CLOSED" : "IN_IMPLEMENTATION", now,
						status.equals("CLOSED") ? now : null, now, "Programme " + n, currency });
				if (status.equals("FUNDED") && random.nextInt(20) == 0) {
					reports.add(new Object[] { id, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), overdue });
				}
			}
			written.add(new Programme(id, office, status, currency, country, standard));
			if (rows.size() == BATCH || n == PROGRAMMES - 1) {
				batch(db, """
						INSERT INTO programme (id, office_code, title, description, scope, beneficiary_institution, planned_start,
						  planned_end, budget_amount, budget_currency, status, funding_deadline_at, created_by, created_at,
						  updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, 0)""",
						rows);
				batch(db, "INSERT INTO programme_country (programme_id, country_code) VALUES (?, ?)", countries);
				batch(db, "INSERT INTO programme_standard (programme_id, standard_code) VALUES (?, ?)", standards);
				batch(db, """
						INSERT INTO implementation (programme_id, office_code, stage, started_at, closed_at, created_at,
						  programme_title, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", implementations);
				batch(db, """
						INSERT INTO implementation_report (programme_id, kind, period_from, period_to, status, due_at)
						VALUES (?, 'PROGRESS', ?, ?, 'DUE', ?)""", reports);
				db.commit();
			}
		}
		return written;
	}

	/** A pledge as drawn, before its rows are written: the ledger's size decides how many tranches are paid. */
	private record Pledge(long id, String donor, String office, String status, String earmarking, String target,
			Programme programme, Programme allocated, String currency, BigDecimal amount, int instalments,
			LocalDate announced) {

		boolean agreed() {
			return switch (status) {
				case "COMMITTED", "PARTIALLY_PAID", "PAID" -> true;
				default -> false;
			};
		}

		boolean paying() {
			return status.equals("PAID") || status.equals("PARTIALLY_PAID");
		}

		/** The ledger rows of this pledge besides its received tranches. */
		int baseEntries() {
			Programme to = allocated != null ? allocated : programme;
			if (to == null || status.equals("DRAFT")) {
				return 0;
			}
			if (!agreed()) {
				return programme == null ? 0 : status.equals("PLEDGED") ? 1 : 2;
			}
			// an earmarked pledge was pledged, then moved on to committed (the pledged stage reversed)
			return programme != null ? 3 : 1;
		}

	}

	private long pledges(Connection db, long first, List<Programme> programmes, List<Programme> approved, long[] ledger)
			throws SQLException {
		List<Pledge> drawn = new ArrayList<>(PLEDGES);
		long base = 0;
		int paying = 0;
		for (int n = 0; n < PLEDGES; n++) {
			String status = pick(PLEDGE_STATUSES);
			int kind = random.nextInt(100);
			String earmarking = kind < 60 ? "PROGRAMME" : kind < 70 ? "STANDARD" : kind < 80 ? "COUNTRY" : "NONE";
			Programme programme = earmarking.equals("PROGRAMME") ? approved.get(random.nextInt(approved.size())) : null;
			String target = switch (earmarking) {
				case "PROGRAMME" -> String.valueOf(programme.id());
				case "STANDARD" -> STANDARDS[random.nextInt(STANDARDS.length)];
				case "COUNTRY" -> COUNTRIES[random.nextInt(COUNTRIES.length)];
				default -> null;
			};
			Pledge pledge = new Pledge(first + n, pick(DONORS), programme != null ? programme.office() : n % 2 == 0 ? "CPCJD" : "OHCHR",
					status, earmarking, target, programme,
					null, CURRENCIES[random.nextInt(CURRENCIES.length)],
					BigDecimal.valueOf(10_000 + random.nextInt(990_000)).setScale(2), 1 + random.nextInt(3),
					LocalDate.of(2014, 1, 1).plusDays(random.nextInt(4700)));
			if (pledge.agreed()) {
				Programme to = programme != null ? programme : approved.get(random.nextInt(approved.size()));
				pledge = new Pledge(pledge.id(), pledge.donor(), to.office(), status, earmarking, target, programme, to,
						pledge.currency(), pledge.amount(), pledge.instalments(), pledge.announced());
			}
			drawn.add(pledge);
			base += pledge.baseEntries();
			paying += pledge.paying() ? 1 : 0;
		}
		// every paying pledge received its money in one or more tranches; their number fills the ledger to its size
		long tranches = Math.max(paying, LEDGER - base);
		long norway = 0;
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> revisions = new ArrayList<>();
		List<Object[]> instalments = new ArrayList<>();
		List<Object[]> payments = new ArrayList<>();
		List<Object[]> events = new ArrayList<>();
		List<Object[]> entries = new ArrayList<>();
		int payingSeen = 0;
		for (int n = 0; n < drawn.size(); n++) {
			Pledge p = drawn.get(n);
			BigDecimal rate = unitsPerUsd.get(p.currency());
			BigDecimal usd = p.amount().divide(rate, 2, RoundingMode.HALF_EVEN);
			boolean paid = p.status().equals("PAID");
			BigDecimal received = paid ? p.amount()
					: p.status().equals("PARTIALLY_PAID") ? p.amount().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN)
							: BigDecimal.ZERO;
			Timestamp announced = Timestamp.from(p.announced().atStartOfDay().toInstant(ZoneOffset.UTC));
			Timestamp verified = p.status().equals("DRAFT") || p.status().equals("PLEDGED") ? null
					: Timestamp.from(announced.toInstant().plus(3, ChronoUnit.DAYS));
			Timestamp agreed = p.agreed() ? Timestamp.from(announced.toInstant().plus(30, ChronoUnit.DAYS)) : null;
			boolean closed = p.status().equals("WITHDRAWN") || p.status().equals("CANCELLED") || p.status().equals("LAPSED");
			String user = donorUser(p.donor());
			rows.add(new Object[] { p.id(), p.donor(), p.office(), p.status(), p.earmarking(), p.target(),
					p.programme() == null ? null : p.programme().id(), p.amount(), p.currency(), rate, month, usd, received,
					p.announced().plusDays(180), p.status().equals("DRAFT") ? null : announced, verified,
					verified == null ? null : p.office().equals("CPCJD") ? "officerCpcjd" : "officerOhchr",
					agreed == null ? null : p.announced().plusDays(30), agreed == null ? null : "AGR-" + p.id(), agreed,
					p.allocated() == null ? null : p.allocated().id(), agreed,
					closed ? Timestamp.from(announced.toInstant().plus(200, ChronoUnit.DAYS)) : null,
					closed ? "Generated " + p.status().toLowerCase(Locale.ROOT) : null, user, announced, announced });
			revisions.add(new Object[] { p.id(), p.amount(), p.currency(), rate, month, usd, p.announced().plusDays(180), user,
					announced });
			BigDecimal share = p.amount().divide(BigDecimal.valueOf(p.instalments()), 2, RoundingMode.DOWN);
			BigDecimal left = p.amount();
			for (int i = 1; i <= p.instalments(); i++) {
				BigDecimal part = i == p.instalments() ? left : share;
				left = left.subtract(part);
				LocalDate due = p.announced().plusDays(60L + 120L * i);
				instalments.add(new Object[] { p.id(), i, due, part });
				if (paid || (p.status().equals("PARTIALLY_PAID") && i == 1)) {
					payments.add(new Object[] { p.id(), part, part.divide(rate, 2, RoundingMode.HALF_EVEN), due, "TRF-" + p.id() + "-" + i,
							"CONFIRMED", user, Timestamp.valueOf(due.atStartOfDay()),
							p.office().equals("CPCJD") ? "officerCpcjd" : "officerOhchr", Timestamp.valueOf(due.plusDays(2).atStartOfDay()) });
				}
			}
			int version = 0;
			events.add(event(p, ++version, p.status().equals("DRAFT") ? "DRAFTED" : "ANNOUNCED",
					p.status().equals("DRAFT") ? "DRAFT" : "PLEDGED", user, announced));
			if (verified != null && !closed) {
				events.add(event(p, ++version, "VERIFIED", "PLEDGED", "officer", verified));
			}
			if (agreed != null) {
				events.add(event(p, ++version, "AGREEMENT_RECORDED", "COMMITTED", "officer", agreed));
				events.add(event(p, ++version, "ALLOCATED", "COMMITTED", "officer", agreed));
			}
			if (p.paying()) {
				events.add(event(p, ++version, "PAYMENT_REPORTED", "COMMITTED", user, agreed));
				events.add(event(p, ++version, "PAYMENT_CONFIRMED", p.status(), "officer", agreed));
			}
			if (closed) {
				events.add(event(p, ++version, p.status(), p.status(), user, announced));
			}
			String ref = "pledge-" + p.id();
			Programme to = p.allocated() != null ? p.allocated() : p.programme();
			if (to != null && !p.status().equals("DRAFT")) {
				BigDecimal inProgramme = usd.multiply(unitsPerUsd.get(to.currency())).setScale(2, RoundingMode.HALF_EVEN);
				if (p.programme() != null) {
					entries.add(new Object[] { to.id(), ref, "PLEDGED", inProgramme, usd, announced });
					if (!p.status().equals("PLEDGED")) {
						entries.add(new Object[] { to.id(), ref, "PLEDGED", inProgramme.negate(), usd.negate(), agreed == null ? now : agreed });
					}
				}
				if (p.agreed()) {
					entries.add(new Object[] { to.id(), ref, "COMMITTED", inProgramme, usd, agreed });
				}
				if (p.paying()) {
					// this pledge's share of the tranches, spread evenly over the paying pledges
					int count = (int) (tranches * (payingSeen + 1) / paying - tranches * payingSeen / paying);
					payingSeen++;
					BigDecimal receivedShare = paid ? inProgramme : inProgramme.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
					BigDecimal receivedUsd = paid ? usd : usd.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
					for (int t = 0; t < count; t++) {
						boolean last = t == count - 1;
						BigDecimal amount = last ? receivedShare.subtract(receivedShare.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN).multiply(BigDecimal.valueOf(count - 1)))
								: receivedShare.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
						BigDecimal amountUsd = last ? receivedUsd.subtract(receivedUsd.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN).multiply(BigDecimal.valueOf(count - 1)))
								: receivedUsd.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
						entries.add(new Object[] { to.id(), ref, "RECEIVED", amount, amountUsd, agreed });
					}
				}
			}
			if (norway == 0 && paid && p.donor().equals("NO") && p.allocated() != null && p.allocated().status().equals("FUNDED")) {
				norway = p.id();
			}
			if (rows.size() == BATCH || n == drawn.size() - 1) {
				batch(db, """
						INSERT INTO pledge (id, donor, office, status, earmarking, earmark_target, programme_id, revision, amount, currency,
						  exchange_rate, rate_month, amount_usd, received_amount, lapse_date, announced_at, verified_at, verified_by,
						  agreement_date, agreement_reference, agreed_at, allocated_programme_id, allocated_at, closed_at,
						  closed_reason, created_by, created_at, updated_by, updated_at, version)
						VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, 1)""",
						rows);
				batch(db, """
						INSERT INTO pledge_revision (pledge_id, revision, amount, currency, exchange_rate, rate_month, amount_usd,
						  lapse_date, created_by, created_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)""", revisions);
				batch(db, "INSERT INTO pledge_instalment (pledge_id, revision, seq, due_date, amount) VALUES (?, 1, ?, ?, ?)",
						instalments);
				batch(db, """
						INSERT INTO pledge_payment (pledge_id, amount, amount_usd, paid_on, reference, status, reported_by,
						  reported_at, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", payments);
				batch(db, """
						INSERT INTO pledge_event (pledge_id, version, kind, status, actor, occurred_at)
						VALUES (?, ?, ?, ?, ?, ?)""", events);
				ledger[0] += entries.size();
				batch(db, """
						INSERT INTO programme_funding_entry (programme_id, pledge_ref, stage, amount, amount_usd, recorded_at)
						VALUES (?, ?, ?, ?, ?, ?)""", entries);
				db.commit();
			}
		}
		return norway;
	}

	private static Object[] event(Pledge p, int version, String kind, String status, String actor, Timestamp at) {
		return new Object[] { p.id(), version, kind, status, actor, at };
	}

	private int alerts(Connection db, List<Programme> programmes) throws SQLException {
		List<Object[]> rows = new ArrayList<>();
		String signals = "[{\"name\":\"Shared standard\",\"detail\":\"both promote the same standard\",\"contribution\":0.40},"
				+ "{\"name\":\"Same beneficiary institution\",\"detail\":\"Ministry of Justice\",\"contribution\":0.20}]";
		for (int n = 0; n < ALERTS; n++) {
			// neighbours of the other office sharing a country: what the screening would have raised
			int at = random.nextInt(programmes.size() - 1);
			Programme first = programmes.get(at);
			Programme second = programmes.get(at + 1);
			int kind = random.nextInt(100);
			String status = kind < 15 ? "OPEN" : kind < 35 ? "CONFIRMED_OVERLAP" : kind < 60 ? "COMPLEMENTARY"
					: kind < 90 ? "NOT_OVERLAP" : "SUPERSEDED";
			boolean decided = !status.equals("OPEN") && !status.equals("SUPERSEDED");
			int score = 35 + random.nextInt(60);
			rows.add(new Object[] { first.id(), second.id(), first.office().equals(second.office()),
					"," + first.office() + "," + (first.office().equals(second.office()) ? "" : second.office() + ","),
					"," + first.country() + ",", "," + first.standard() + ",", BigDecimal.valueOf(score, 2),
					score >= 75 ? "HIGH" : score >= 55 ? "MEDIUM" : "LOW", signals, "bench-" + n, status,
					status.equals("OPEN") ? first.id() + "-" + second.id() + "-" + n : null,
					decided ? switch (status) {
						case "CONFIRMED_OVERLAP" -> "CONFIRMED_OVERLAP";
						case "COMPLEMENTARY" -> "COMPLEMENTARY";
						default -> "NOT_OVERLAP";
					} : null, status.equals("NOT_OVERLAP") ? "Different beneficiaries" : null,
					decided ? "coordinatorCpcjd, coordinatorOhchr" : null, decided ? now : null, second.id(), now, now });
			if (rows.size() == BATCH || n == ALERTS - 1) {
				batch(db, """
						INSERT INTO overlap_alert (first_programme_id, second_programme_id, same_office, offices, countries,
						  standards, score, severity, signals, fingerprint, status, open_pair, decision, decision_reason,
						  decided_by, decided_at, raised_for, raised_at, updated_at, version)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
				db.commit();
			}
		}
		return ALERTS;
	}

	private String pick(Object[][] shares) {
		int draw = random.nextInt(100);
		for (Object[] share : shares) {
			draw -= (Integer) share[1];
			if (draw < 0) {
				return (String) share[0];
			}
		}
		return (String) shares[shares.length - 1][0];
	}

	private static String donorUser(String donor) {
		return switch (donor) {
			case "NO" -> "donorNorway";
			case "JP" -> "donorJapan";
			default -> "donor" + donor;
		};
	}

	private static long next(Connection db, String table) throws SQLException {
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void batch(Connection db, String sql, List<Object[]> rows) throws SQLException {
		if (rows.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			for (Object[] row : rows) {
				for (int i = 0; i < row.length; i++) {
					Object value = row[i];
					if (value == null) {
						statement.setNull(i + 1, Types.NULL);
					}
					else if (value instanceof LocalDate date) {
						statement.setObject(i + 1, java.sql.Date.valueOf(date));
					}
					else {
						statement.setObject(i + 1, value);
					}
				}
				statement.addBatch();
			}
			statement.executeBatch();
		}
		rows.clear();
	}

}
