package org.coopflow.pledges;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.coopflow.reference.Office;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.ResourceHolderSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The pledge tables, through plain SQL: callers pass typed rows and {@link PledgeChange}s, and only this class
 * knows the columns. Status changes are conditional on the version read.
 * <p>
 * Plain SQL rather than Spring Data JDBC, which the build has (users are mapped with it): its
 * {@code @Lock} and {@code @Version} would give the lock of {@link #awaitingRateForUpdate} and a
 * version-checked update, but its save writes every column and deletes and re-inserts every owned row.
 * A status change would rewrite the append-only revisions and instalments, and write back a payment
 * as it was read over one that {@link #decidePayment} decided meanwhile; here an update sets only the
 * {@link PledgeChange}'s columns and children are only ever added or conditionally updated.
 */
@Repository
class PledgeRepository {

	/** A pledge row as stored. */
	record Pledge(long id, String donor, Office office, PledgeStatus status, Earmarking earmarking,
			String earmarkTarget, Long programmeId, int revision, BigDecimal amount, String currency,
			BigDecimal exchangeRate, LocalDate rateMonth, BigDecimal amountUsd, BigDecimal receivedAmount,
			LocalDate lapseDate, Instant announcedAt, Instant verifiedAt, String verifiedBy, LocalDate agreementDate,
			String agreementReference, Instant agreedAt, Long allocatedProgrammeId, Instant allocatedAt,
			Instant closedAt, String closedReason, String note, String idempotencyKey, String requestHash,
			String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, int version,
			LocalDate awaitedRateMonth) {

		String ref() {
			return "pledge-" + id;
		}

		/** The programme whose funding this pledge counts in: the allocated one, or the earmarked one before. */
		Long fundedProgramme() {
			return allocatedProgrammeId != null ? allocatedProgrammeId : programmeId;
		}

		Rate rate() {
			return new Rate(exchangeRate, rateMonth, amountUsd, awaitedRateMonth);
		}

		/** Rated at an earlier month's rate while the rate of {@link #awaitedRateMonth} is not entered. */
		boolean rateProvisional() {
			return awaitedRateMonth != null;
		}

	}

	/**
	 * The rate an amount was converted to USD at; {@code awaitedRateMonth} is set while it is an earlier
	 * month's rate standing in for a month not yet entered.
	 */
	record Rate(BigDecimal unitsPerUsd, LocalDate rateMonth, BigDecimal amountUsd, LocalDate awaitedRateMonth) {
	}

	/** A pledge as intake records it; the other columns start empty. */
	record NewPledge(String donor, Office office, PledgeStatus status, Earmarking earmarking, String earmarkTarget,
			Long programmeId, BigDecimal amount, String currency, Rate rate, LocalDate lapseDate, Instant announcedAt,
			String note, String idempotencyKey, String requestHash, String createdBy, Instant createdAt) {
	}

	record Instalment(int seq, LocalDate dueDate, BigDecimal amount) {
	}

	record Payment(long id, long pledgeId, BigDecimal amount, BigDecimal amountUsd, LocalDate paidOn,
			String reference, PaymentStatus status, String reportedBy, Instant reportedAt, String decidedBy,
			Instant decidedAt, String note) {
	}

	record Revision(int revision, BigDecimal amount, String currency, Rate rate, LocalDate lapseDate, String reason,
			String createdBy, Instant createdAt) {
	}

	private static final String COLUMNS = """
			id, donor, office, status, earmarking, earmark_target, programme_id, revision, amount, currency,
			exchange_rate, rate_month, amount_usd, received_amount, lapse_date, announced_at, verified_at, verified_by,
			agreement_date, agreement_reference, agreed_at, allocated_programme_id, allocated_at, closed_at,
			closed_reason, note, idempotency_key, request_hash, created_by, created_at, updated_by, updated_at, version,
			awaited_rate_month""";

	private final JdbcClient jdbc;

	/** A pledge this thread has just recorded, as read back, with the instalments it was recorded with. */
	private record JustRecorded(Pledge pledge, List<Instalment> instalments) {
	}

	private final ThreadLocal<JustRecorded> justRecorded = new ThreadLocal<>();

	PledgeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Runs what recording a pledge sets off in its transaction (the start of its process, whose task asks
	 * for the pledge's office and guidance, and the mails, which name its amount) with the pledge as just
	 * written at hand: the pledge, its instalments, and no payments yet, without reading them again each
	 * time. Any write to the pledge tables on this thread meanwhile drops it, so what is read after a change
	 * comes from the database again.
	 */
	<T> T whileJustRecorded(Pledge pledge, List<Instalment> instalments, Supplier<T> work) {
		justRecorded.set(new JustRecorded(pledge, List.copyOf(instalments)));
		try {
			return work.get();
		}
		finally {
			justRecorded.remove();
		}
	}

	private JustRecorded justRecorded(long pledgeId) {
		JustRecorded recorded = justRecorded.get();
		return recorded != null && recorded.pledge().id() == pledgeId ? recorded : null;
	}

	/**
	 * The pledges the current transaction has written, and those of their rows it has read since. Its write
	 * holds the row's lock until the transaction ends, so no one else can change the row meanwhile and the
	 * row read after it stays what is stored (under READ COMMITTED, which coopflow runs, a row it has not
	 * written could change under it, so those are read each time): the next task's candidate group, guide
	 * and lapse timer, which each ask for the pledge a completion just changed, share one read.
	 */
	private static final class Written extends ResourceHolderSupport {

		private final Set<Long> pledgeIds = new HashSet<>();

		private final Map<Long, Pledge> rows = new HashMap<>();

	}

	/** The current transaction's {@link Written}, bound on its first write; null outside a transaction. */
	private Written written(boolean create) {
		Written written = (Written) TransactionSynchronizationManager.getResource(this);
		if (written == null && create && TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive()) {
			written = new Written();
			TransactionSynchronizationManager.bindResource(this, written);
			// unbinds it when the transaction ends, and while a REQUIRES_NEW one runs in its place
			TransactionSynchronizationManager.registerSynchronization(new ResourceHolderSynchronization<>(written, this) {
			});
		}
		return written;
	}

	/**
	 * Every write calls this first: what was held no longer has to be what is stored, so every row held is
	 * dropped and read again when next asked for.
	 */
	private void changing() {
		justRecorded.remove();
		Written written = written(false);
		if (written != null) {
			written.rows.clear();
		}
	}

	/**
	 * The pledge's row is written, and so locked, by this transaction ({@link #changing} dropped what was
	 * held): it is read once again, then held until the next write.
	 */
	private void wrote(long pledgeId) {
		Written written = written(true);
		if (written != null) {
			written.pledgeIds.add(pledgeId);
		}
	}

	long insert(NewPledge p) {
		changing();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO pledge (donor, office, status, earmarking, earmark_target, programme_id, revision, amount,
				  currency, exchange_rate, rate_month, amount_usd, received_amount, lapse_date, announced_at, note,
				  idempotency_key, request_hash, created_by, created_at, updated_by, updated_at, version, awaited_rate_month)
				VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)""")
			.params(p.donor(), p.office().name(), p.status().name(), p.earmarking().name(), p.earmarkTarget(),
					p.programmeId(), p.amount(), p.currency(), p.rate().unitsPerUsd(), Date.valueOf(p.rate().rateMonth()),
					p.rate().amountUsd(), Date.valueOf(p.lapseDate()), timestamp(p.announcedAt()), p.note(),
					p.idempotencyKey(), p.requestHash(), p.createdBy(), timestamp(p.createdAt()), p.createdBy(),
					timestamp(p.createdAt()), date(p.rate().awaitedRateMonth()))
			.update(key, "id");
		long id = key.getKey().longValue();
		wrote(id);
		return id;
	}

	Optional<Pledge> find(long id) {
		JustRecorded recorded = justRecorded(id);
		if (recorded != null) {
			return Optional.of(recorded.pledge());
		}
		Written written = written(false);
		Pledge held = written == null ? null : written.rows.get(id);
		if (held != null) {
			return Optional.of(held);
		}
		Optional<Pledge> pledge = jdbc.sql("SELECT " + COLUMNS + " FROM pledge WHERE id = ?")
			.param(id)
			.query(PledgeRepository::pledge)
			.optional();
		if (written != null && written.pledgeIds.contains(id)) {
			pledge.ifPresent(row -> written.rows.put(id, row));
		}
		return pledge;
	}

	Optional<Pledge> findByIdempotencyKey(String createdBy, String key) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM pledge WHERE created_by = ? AND idempotency_key = ?")
			.params(createdBy, key)
			.query(PledgeRepository::pledge)
			.optional();
	}

	/**
	 * The pledges in {@code currency} rated provisionally while waiting for the rate of {@code month},
	 * locked until the transaction ends so that no other change slips in while they are re-rated.
	 */
	List<Pledge> awaitingRateForUpdate(String currency, LocalDate month) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM pledge WHERE currency = ? AND awaited_rate_month = ? ORDER BY id FOR UPDATE")
			.params(currency, Date.valueOf(month))
			.query(PledgeRepository::pledge)
			.list();
	}

	/** Pledges newest first; {@code donor} null means every Member State's. */
	List<Pledge> list(String donor, PledgeStatus status, Long programmeId, Office office, int offset, int limit) {
		List<Object> params = new ArrayList<>();
		String where = where(donor, status, programmeId, office, params);
		params.add(limit);
		params.add(offset);
		return jdbc.sql("SELECT " + COLUMNS + " FROM pledge" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
			.params(params)
			.query(PledgeRepository::pledge)
			.list();
	}

	long count(String donor, PledgeStatus status, Long programmeId, Office office) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("SELECT COUNT(*) FROM pledge" + where(donor, status, programmeId, office, params))
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * The pledges of the donor (every donor's when null), newest first, that are neither drafts nor settled
	 * and still owe money on an instalment due on or before the day. Confirmed money pays the instalments in
	 * due-date order ({@code PledgeViews}), so one is still owed exactly when the instalments due by the day
	 * sum to more than what was received: the database answers that for each pledge, and only those are read.
	 */
	List<Pledge> owingInstalmentsDueBy(String donor, LocalDate day) {
		String open = java.util.Arrays.stream(PledgeStatus.values())
			.filter(s -> !s.isFinal() && s != PledgeStatus.DRAFT)
			.map(s -> "'" + s.name() + "'")
			.collect(java.util.stream.Collectors.joining(", "));
		List<Object> params = new ArrayList<>();
		String where = where(donor, null, null, null, params);
		params.add(Date.valueOf(day));
		// correlated, so that only the donor's open pledges have their instalments summed
		return jdbc.sql("SELECT " + COLUMNS + " FROM pledge" + where + " AND status IN (" + open + """
				) AND received_amount < (SELECT COALESCE(SUM(i.amount), 0) FROM pledge_instalment i
				  WHERE i.pledge_id = pledge.id AND i.revision = pledge.revision AND i.due_date <= ?)
				ORDER BY id DESC""")
			.params(params)
			.query(PledgeRepository::pledge)
			.list();
	}

	/** How many pledges in the scope come before the pledge in {@link #list}'s order (newest first). */
	long countNewer(String donor, long id) {
		List<Object> params = new ArrayList<>();
		String where = where(donor, null, null, null, params);
		params.add(id);
		return jdbc.sql("SELECT COUNT(*) FROM pledge" + where + " AND id > ?").params(params).query(Long.class).single();
	}

	private static String where(String donor, PledgeStatus status, Long programmeId, Office office, List<Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (donor != null) {
			where.append(" AND donor = ?");
			params.add(donor);
		}
		if (status != null) {
			where.append(" AND status = ?");
			params.add(status.name());
		}
		if (programmeId != null) {
			where.append(" AND (programme_id = ? OR allocated_programme_id = ?)");
			params.add(programmeId);
			params.add(programmeId);
		}
		if (office != null) {
			where.append(" AND office = ?");
			params.add(office.name());
		}
		return where.toString();
	}

	/**
	 * Sets a pledge's status and applies the change, if nobody changed it since {@code expectedVersion}.
	 * @return false when the version moved on
	 */
	boolean update(long id, int expectedVersion, PledgeStatus status, PledgeChange change, String by, Instant now) {
		return update(id, "version = ?", expectedVersion, status, change, by, now);
	}

	/**
	 * Sets a pledge's status and applies the change if the pledge is still {@code expected} and the change's
	 * own condition holds ({@link PledgeChange#onlyIf}): the check and the change in one statement, where a
	 * read and a versioned update were two.
	 * @return false when it is not (or there is no such pledge)
	 */
	boolean updateIf(long id, PledgeStatus expected, PledgeStatus status, PledgeChange change, String by, Instant now) {
		String condition = "status = ?" + (change.onlyIf() == null ? "" : " AND " + change.onlyIf());
		return update(id, condition, expected.name(), status, change, by, now);
	}

	private boolean update(long id, String condition, Object expected, PledgeStatus status, PledgeChange change,
			String by, Instant now) {
		changing();
		Map<String, Object> values = new LinkedHashMap<>(change.columns(now));
		values.put("status", status);
		values.put("updated_by", by);
		values.put("updated_at", Timestamp.from(now));
		StringBuilder sql = new StringBuilder("UPDATE pledge SET ");
		List<Object> params = new ArrayList<>();
		values.forEach((column, value) -> {
			sql.append(column).append(" = ?, ");
			params.add(value instanceof Instant instant ? Timestamp.from(instant)
					: value instanceof LocalDate date ? Date.valueOf(date)
					: value instanceof Enum<?> e ? e.name() : value);
		});
		sql.append("version = version + 1 WHERE id = ? AND ").append(condition);
		params.add(id);
		params.add(expected);
		if (jdbc.sql(sql.toString()).params(params).update() != 1) {
			return false;
		}
		wrote(id);
		return true;
	}

	void insertRevision(long pledgeId, Revision r, List<Instalment> instalments) {
		changing();
		jdbc.sql("""
				INSERT INTO pledge_revision (pledge_id, revision, amount, currency, exchange_rate, rate_month, amount_usd,
				  lapse_date, reason, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(pledgeId, r.revision(), r.amount(), r.currency(), r.rate().unitsPerUsd(),
					Date.valueOf(r.rate().rateMonth()), r.rate().amountUsd(), Date.valueOf(r.lapseDate()), r.reason(), r.createdBy(), timestamp(r.createdAt()))
			.update();
		for (Instalment instalment : instalments) {
			jdbc.sql("INSERT INTO pledge_instalment (pledge_id, revision, seq, due_date, amount) VALUES (?, ?, ?, ?, ?)")
				.params(pledgeId, r.revision(), instalment.seq(), Date.valueOf(instalment.dueDate()), instalment.amount())
				.update();
		}
	}

	List<Revision> revisions(long pledgeId) {
		return jdbc.sql("""
				SELECT revision, amount, currency, exchange_rate, rate_month, amount_usd, lapse_date, reason, created_by,
				  created_at FROM pledge_revision WHERE pledge_id = ? ORDER BY revision""")
			.param(pledgeId)
			.query((rs, row) -> new Revision(rs.getInt(1), rs.getBigDecimal(2), rs.getString(3).trim(),
					new Rate(rs.getBigDecimal(4), rs.getDate(5).toLocalDate(), rs.getBigDecimal(6), null),
					rs.getDate(7).toLocalDate(), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant()))
			.list();
	}

	List<Instalment> instalments(long pledgeId, int revision) {
		JustRecorded recorded = justRecorded(pledgeId);
		if (recorded != null && recorded.pledge().revision() == revision) {
			return recorded.instalments();
		}
		return jdbc.sql("SELECT seq, due_date, amount FROM pledge_instalment WHERE pledge_id = ? AND revision = ? ORDER BY seq")
			.params(pledgeId, revision)
			.query((rs, row) -> new Instalment(rs.getInt(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3)))
			.list();
	}

	/**
	 * The instalments of every revision of the pledges, by pledge, in one query; callers keep those of the
	 * revision they read (a page of pledges reads its schedules so, not one query per pledge).
	 */
	Map<Long, List<Instalment>> instalmentsOf(Collection<Long> pledgeIds, Map<Long, Integer> revisions) {
		Map<Long, List<Instalment>> byPledge = new HashMap<>();
		if (pledgeIds.isEmpty()) {
			return byPledge;
		}
		jdbc.sql("SELECT pledge_id, revision, seq, due_date, amount FROM pledge_instalment WHERE pledge_id IN ("
				+ ids(pledgeIds) + ") ORDER BY pledge_id, seq")
			.query(rs -> {
				long pledgeId = rs.getLong(1);
				if (revisions.get(pledgeId) == rs.getInt(2)) {
					byPledge.computeIfAbsent(pledgeId, id -> new ArrayList<>())
						.add(new Instalment(rs.getInt(3), rs.getDate(4).toLocalDate(), rs.getBigDecimal(5)));
				}
			});
		return byPledge;
	}

	long insertPayment(Payment p) {
		changing();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO pledge_payment (pledge_id, amount, amount_usd, paid_on, reference, status, reported_by,
				  reported_at, note)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(p.pledgeId(), p.amount(), p.amountUsd(), Date.valueOf(p.paidOn()), p.reference(), p.status().name(),
					p.reportedBy(), timestamp(p.reportedAt()), p.note())
			.update(key, "id");
		return key.getKey().longValue();
	}

	List<Payment> payments(long pledgeId) {
		if (justRecorded(pledgeId) != null) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, pledge_id, amount, amount_usd, paid_on, reference, status, reported_by, reported_at, decided_by,
				  decided_at, note FROM pledge_payment WHERE pledge_id = ? ORDER BY id""")
			.param(pledgeId)
			.query((rs, row) -> new Payment(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
					rs.getDate(5).toLocalDate(), rs.getString(6), PaymentStatus.valueOf(rs.getString(7)), rs.getString(8),
					instant(rs, 9), rs.getString(10), instant(rs, 11), rs.getString(12)))
			.list();
	}

	/** The payments of the pledges, by pledge, in one query (oldest first, as {@link #payments(long)}). */
	Map<Long, List<Payment>> paymentsOf(Collection<Long> pledgeIds) {
		Map<Long, List<Payment>> byPledge = new HashMap<>();
		if (pledgeIds.isEmpty()) {
			return byPledge;
		}
		jdbc.sql("""
				SELECT id, pledge_id, amount, amount_usd, paid_on, reference, status, reported_by, reported_at, decided_by,
				  decided_at, note FROM pledge_payment WHERE pledge_id IN (%s) ORDER BY id""".formatted(ids(pledgeIds)))
			.query(rs -> {
				Payment payment = new Payment(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
						rs.getDate(5).toLocalDate(), rs.getString(6), PaymentStatus.valueOf(rs.getString(7)), rs.getString(8),
						instant(rs, 9), rs.getString(10), instant(rs, 11), rs.getString(12));
				byPledge.computeIfAbsent(payment.pledgeId(), id -> new ArrayList<>()).add(payment);
			});
		return byPledge;
	}

	/** Decides a reported payment once: false when someone else decided it first. */
	boolean decidePayment(long paymentId, PaymentStatus decision, String by, Instant at, String note) {
		changing();
		return jdbc.sql("""
				UPDATE pledge_payment SET status = ?, decided_by = ?, decided_at = ?, note = COALESCE(?, note)
				WHERE id = ? AND status = 'REPORTED'""")
			.params(decision.name(), by, Timestamp.from(at), note, paymentId)
			.update() == 1;
	}

	BigDecimal receivedUsd(long pledgeId) {
		if (justRecorded(pledgeId) != null) {
			return BigDecimal.ZERO;
		}
		return jdbc.sql("SELECT COALESCE(SUM(amount_usd), 0) FROM pledge_payment WHERE pledge_id = ? AND status = 'CONFIRMED'")
			.param(pledgeId)
			.query(BigDecimal.class)
			.single();
	}

	void insertEvent(long pledgeId, int version, String kind, PledgeStatus status, String actor, Instant at,
			String detail) {
		jdbc.sql("""
				INSERT INTO pledge_event (pledge_id, version, kind, status, actor, occurred_at, detail)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(pledgeId, version, kind, status.name(), actor, Timestamp.from(at),
					detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1999) + "…")
			.update();
	}

	List<PledgeView.PledgeEventView> events(long pledgeId) {
		return jdbc.sql("""
				SELECT version, kind, status, actor, occurred_at, detail FROM pledge_event
				WHERE pledge_id = ? ORDER BY id""")
			.param(pledgeId)
			.query((rs, row) -> new PledgeView.PledgeEventView(rs.getInt(1), rs.getString(2),
					PledgeStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant(),
					rs.getString(6)))
			.list();
	}

	/**
	 * The timelines of the pledges, by pledge, in one query; {@code donor} not null keeps those of that
	 * Member State's pledges only.
	 */
	Map<Long, List<PledgeView.PledgeEventView>> eventsOf(Collection<Long> pledgeIds, String donor) {
		Map<Long, List<PledgeView.PledgeEventView>> byPledge = new HashMap<>();
		if (pledgeIds.isEmpty()) {
			return byPledge;
		}
		String sql = "SELECT e.pledge_id, e.version, e.kind, e.status, e.actor, e.occurred_at, e.detail FROM pledge_event e"
				+ (donor == null ? "" : " JOIN pledge p ON p.id = e.pledge_id AND p.donor = ?") + " WHERE e.pledge_id IN ("
				+ ids(pledgeIds) + ") ORDER BY e.id";
		jdbc.sql(sql).params(donor == null ? List.of() : List.of(donor)).query(rs -> {
			byPledge.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
				.add(new PledgeView.PledgeEventView(rs.getInt(2), rs.getString(3), PledgeStatus.valueOf(rs.getString(4)),
						rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)));
		});
		return byPledge;
	}

	/** Ids for an {@code IN (...)}: numbers only, so written into the SQL rather than bound one by one. */
	private static String ids(Collection<Long> ids) {
		if (ids.size() > 1000) {
			throw new IllegalArgumentException("at most 1,000 pledges at once");
		}
		return String.join(", ", ids.stream().map(String::valueOf).toList());
	}

	/** Member States whose pledges in funding statuses are allocated to the programme. */
	List<String> donorsOfProgramme(long programmeId) {
		return jdbc.sql("""
				SELECT DISTINCT donor FROM pledge WHERE allocated_programme_id = ?
				AND status IN ('COMMITTED', 'PARTIALLY_PAID', 'PAID') ORDER BY donor""")
			.param(programmeId)
			.query(String.class)
			.list()
			.stream()
			.map(String::trim)
			.toList();
	}

	/**
	 * The money steps of the pledges funding the programmes (see {@link PledgeFlow}), by programme and pledge,
	 * in two queries however many programmes there are (up to 1,000 ids per call).
	 */
	List<PledgeFlow> flowsOf(List<Long> programmeIds) {
		if (programmeIds.isEmpty()) {
			return List.of();
		}
		if (programmeIds.size() > 1000) {
			throw new IllegalArgumentException("at most 1,000 programmes at once");
		}
		String in = "(" + String.join(", ", programmeIds.stream().map(String::valueOf).toList()) + ")";
		String funded = "COALESCE(p.allocated_programme_id, p.programme_id)";
		// the same condition, written so that the indexes of both foreign keys can serve it
		String fundsOne = "(p.allocated_programme_id IN " + in + " OR (p.allocated_programme_id IS NULL AND p.programme_id IN "
				+ in + "))";
		List<PledgeFlow> flows = new ArrayList<>();
		jdbc.sql("SELECT p.id, " + funded + ", p.donor, p.status, p.amount, p.currency, p.announced_at,"
				+ " p.agreement_date, p.agreed_at FROM pledge p WHERE " + fundsOne
				+ " AND p.status IN ('PLEDGED', 'COMMITTED', 'PARTIALLY_PAID', 'PAID') ORDER BY 2, p.id")
			.query(rs -> {
				long id = rs.getLong(1);
				long programmeId = rs.getLong(2);
				String donor = rs.getString(3).trim();
				PledgeStatus status = PledgeStatus.valueOf(rs.getString(4));
				BigDecimal amount = rs.getBigDecimal(5);
				String currency = rs.getString(6).trim();
				Timestamp announced = rs.getTimestamp(7);
				flows.add(new PledgeFlow(id, programmeId, donor, PledgeFlow.Kind.ANNOUNCED, amount, currency,
						announced == null ? null : announced.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()));
				if (PledgeStatus.FUNDING.contains(status)) {
					Date agreed = rs.getDate(8);
					Timestamp agreedAt = rs.getTimestamp(9);
					LocalDate on = agreed != null ? agreed.toLocalDate()
							: agreedAt == null ? null : agreedAt.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
					flows.add(new PledgeFlow(id, programmeId, donor, PledgeFlow.Kind.AGREED, amount, currency, on));
				}
			});
		jdbc.sql("SELECT p.id, " + funded + ", p.donor, y.amount, p.currency, y.paid_on FROM pledge_payment y"
				+ " JOIN pledge p ON p.id = y.pledge_id WHERE y.status = 'CONFIRMED' AND " + fundsOne
				+ " AND p.status IN ('COMMITTED', 'PARTIALLY_PAID', 'PAID') ORDER BY 2, p.id, y.paid_on, y.id")
			.query(rs -> {
				Date paidOn = rs.getDate(6);
				flows.add(new PledgeFlow(rs.getLong(1), rs.getLong(2), rs.getString(3).trim(), PledgeFlow.Kind.RECEIVED,
						rs.getBigDecimal(4), rs.getString(5).trim(), paidOn == null ? null : paidOn.toLocalDate()));
			});
		return flows;
	}

	/** Pledges of one status and currency: how many, their sum, and their sum in USD. */
	record Total(PledgeStatus status, String currency, long pledges, BigDecimal amount, BigDecimal amountUsd) {
	}

	/** Sums in USD from the amounts stored with each pledge, by status, of one Member State or all. */
	List<Total> totalsByStatusAndCurrency(String donor) {
		String where = donor == null ? "" : " AND donor = ?";
		return jdbc.sql("""
				SELECT status, currency, COUNT(*) AS pledges, SUM(amount) AS amount, SUM(amount_usd) AS amount_usd
				FROM pledge WHERE status <> 'DRAFT'%s GROUP BY status, currency ORDER BY status, currency"""
			.formatted(where))
			.params(donor == null ? List.of() : List.of(donor))
			.query((rs, row) -> new Total(PledgeStatus.valueOf(rs.getString(1)), rs.getString(2).trim(), rs.getLong(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5)))
			.list();
	}

	private static Pledge pledge(ResultSet rs, int row) throws SQLException {
		return new Pledge(rs.getLong("id"), rs.getString("donor").trim(), Office.valueOf(rs.getString("office")),
				PledgeStatus.valueOf(rs.getString("status")), Earmarking.valueOf(rs.getString("earmarking")),
				rs.getString("earmark_target"), (Long) rs.getObject("programme_id", Long.class), rs.getInt("revision"),
				rs.getBigDecimal("amount"), rs.getString("currency").trim(), rs.getBigDecimal("exchange_rate"),
				rs.getDate("rate_month").toLocalDate(), rs.getBigDecimal("amount_usd"),
				rs.getBigDecimal("received_amount"), rs.getDate("lapse_date").toLocalDate(), instant(rs, "announced_at"),
				instant(rs, "verified_at"), rs.getString("verified_by"), date(rs, "agreement_date"),
				rs.getString("agreement_reference"), instant(rs, "agreed_at"),
				rs.getObject("allocated_programme_id", Long.class), instant(rs, "allocated_at"), instant(rs, "closed_at"),
				rs.getString("closed_reason"), rs.getString("note"), rs.getString("idempotency_key"),
				rs.getString("request_hash") == null ? null : rs.getString("request_hash").trim(), rs.getString("created_by"),
				instant(rs, "created_at"), rs.getString("updated_by"), instant(rs, "updated_at"), rs.getInt("version"),
				date(rs, "awaited_rate_month"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date value = rs.getDate(column);
		return value == null ? null : value.toLocalDate();
	}

	private static Date date(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
