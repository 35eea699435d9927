package org.coopflow.overlap;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The overlap alerts, through plain SQL. */
@Repository
class AlertRepository {

	/** An alert row as stored. */
	record Alert(long id, long firstId, long secondId, boolean sameOffice, BigDecimal score, String severity,
			List<OverlapAlertView.Signal> signals, String fingerprint, List<String> offices, List<String> countries,
			List<String> standards, AlertStatus status, CoordinatorDecision decision, String decisionReason,
			String decidedBy, Instant decidedAt, Long raisedFor, Instant raisedAt, Instant updatedAt, int version) {

		boolean involves(long programmeId) {
			return firstId == programmeId || secondId == programmeId;
		}

	}

	record Filter(AlertStatus status, String severity, String office, String country, String standard,
			Collection<String> visibleToOffice) {
	}

	private static final String COLUMNS = """
			id, first_programme_id, second_programme_id, same_office, score, severity, signals, fingerprint, offices,
			countries, standards, status, decision, decision_reason, decided_by, decided_at, raised_for, raised_at,
			updated_at, version""";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	AlertRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insert(Finding finding, Long raisedFor, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO overlap_alert (first_programme_id, second_programme_id, same_office, offices, countries, standards,
				  score, severity, signals, fingerprint, status, open_pair, raised_for, raised_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, 1)""")
			.params(finding.firstId(), finding.secondId(), finding.sameOffice(), list(finding.offices()),
					list(finding.countries()), list(finding.standards()), finding.score(), finding.severity(),
					write(finding.signals()), finding.fingerprint(), finding.firstId() + "-" + finding.secondId(), raisedFor,
					Timestamp.from(now), Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** Brings an open alert up to date with a newer screening of the same pair. */
	void refresh(long id, Finding finding, Instant now) {
		jdbc.sql("""
				UPDATE overlap_alert SET score = ?, severity = ?, signals = ?, fingerprint = ?, offices = ?, countries = ?,
				  standards = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'OPEN'""")
			.params(finding.score(), finding.severity(), write(finding.signals()), finding.fingerprint(),
					list(finding.offices()), list(finding.countries()), list(finding.standards()), Timestamp.from(now), id)
			.update();
	}

	/** Records the joint decision once: false when the alert was no longer open. */
	boolean decide(long id, CoordinatorDecision decision, String reason, String decidedBy, Instant now) {
		return jdbc.sql("""
				UPDATE overlap_alert SET status = ?, open_pair = NULL, decision = ?, decision_reason = ?, decided_by = ?,
				  decided_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'OPEN'""")
			.params(decision.status().name(), decision.name(), reason, decidedBy, Timestamp.from(now), Timestamp.from(now), id)
			.update() == 1;
	}

	/** An office proposes once per alert; a repeated completion (a retried job) replaces its own row. */
	void propose(long alertId, String office, CoordinatorDecision decision, String reason, String by, Instant now) {
		jdbc.sql("DELETE FROM overlap_alert_proposal WHERE alert_id = ? AND office = ?").params(alertId, office).update();
		jdbc.sql("""
				INSERT INTO overlap_alert_proposal (alert_id, office, decision, reason, proposed_by, proposed_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(alertId, office, decision.name(), reason, by, Timestamp.from(now))
			.update();
	}

	java.util.Map<String, AlertReview.Proposal> proposals(long alertId) {
		java.util.Map<String, AlertReview.Proposal> proposals = new java.util.TreeMap<>();
		jdbc.sql("SELECT office, decision, reason, proposed_by FROM overlap_alert_proposal WHERE alert_id = ?")
			.param(alertId)
			.query(rs -> {
				proposals.put(rs.getString(1), new AlertReview.Proposal(CoordinatorDecision.valueOf(rs.getString(2)),
						rs.getString(3), rs.getString(4)));
			});
		return proposals;
	}

	Optional<Alert> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM overlap_alert WHERE id = ?").param(id).query(this::alert).optional();
	}

	/** The newest alert of a pair, open or decided. */
	Optional<Alert> latestOfPair(long firstId, long secondId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM overlap_alert WHERE first_programme_id = ? AND second_programme_id = ?"
				+ " ORDER BY id DESC")
			.params(firstId, secondId)
			.query(this::alert)
			.list()
			.stream()
			.findFirst();
	}

	List<Alert> involving(long programmeId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM overlap_alert WHERE first_programme_id = ? OR second_programme_id = ?"
				+ " ORDER BY id")
			.params(programmeId, programmeId)
			.query(this::alert)
			.list();
	}

	List<Alert> search(Filter filter, int offset, int limit) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params);
		params.add(limit);
		params.add(offset);
		return jdbc.sql("SELECT " + COLUMNS + " FROM overlap_alert" + where + " ORDER BY score DESC, id DESC LIMIT ? OFFSET ?")
			.params(params)
			.query(this::alert)
			.list();
	}

	/** The countries and standards an alert's two programmes share. */
	record Shared(List<String> countries, List<String> standards) {
	}

	List<Shared> shared(Filter filter) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("SELECT countries, standards FROM overlap_alert" + where(filter, params))
			.params(params)
			.query((rs, row) -> new Shared(split(rs.getString("countries")), split(rs.getString("standards"))))
			.list();
	}

	long count(Filter filter) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("SELECT COUNT(*) FROM overlap_alert" + where(filter, params)).params(params).query(Long.class).single();
	}

	private static String where(Filter filter, List<Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (filter.status() != null) {
			where.append(" AND status = ?");
			params.add(filter.status().name());
		}
		if (filter.severity() != null) {
			where.append(" AND severity = ?");
			params.add(filter.severity());
		}
		for (String[] contains : new String[][] { { "offices", filter.office() }, { "countries", filter.country() },
				{ "standards", filter.standard() } }) {
			if (contains[1] != null) {
				where.append(" AND ").append(contains[0]).append(" LIKE ?");
				params.add("%," + contains[1] + ",%");
			}
		}
		if (filter.visibleToOffice() != null) {
			where.append(" AND (1 = 0");
			for (String office : filter.visibleToOffice()) {
				where.append(" OR offices LIKE ?");
				params.add("%," + office + ",%");
			}
			where.append(")");
		}
		return where.toString();
	}

	private Alert alert(ResultSet rs, int row) throws SQLException {
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		String decision = rs.getString("decision");
		return new Alert(rs.getLong("id"), rs.getLong("first_programme_id"), rs.getLong("second_programme_id"),
				rs.getBoolean("same_office"), rs.getBigDecimal("score"), rs.getString("severity"),
				read(rs.getString("signals")), rs.getString("fingerprint"), split(rs.getString("offices")),
				split(rs.getString("countries")), split(rs.getString("standards")),
				AlertStatus.valueOf(rs.getString("status")), decision == null ? null : CoordinatorDecision.valueOf(decision),
				rs.getString("decision_reason"), rs.getString("decided_by"),
				decidedAt == null ? null : decidedAt.toInstant(), rs.getObject("raised_for", Long.class),
				rs.getTimestamp("raised_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}

	/** ",KE,UG," so that {@code LIKE '%,KE,%'} finds exactly one code. */
	private static String list(Collection<String> codes) {
		return codes.isEmpty() ? "," : "," + String.join(",", new TreeSet<>(codes)) + ",";
	}

	private static List<String> split(String list) {
		return Arrays.stream(list.split(",")).filter(code -> !code.isBlank()).toList();
	}

	private String write(List<OverlapAlertView.Signal> signals) {
		try {
			return json.writeValueAsString(signals);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private List<OverlapAlertView.Signal> read(String signals) {
		try {
			return json.readValue(signals, new TypeReference<List<OverlapAlertView.Signal>>() {
			});
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Unreadable signals of an overlap alert: " + signals, e);
		}
	}

}
