package org.coopflow.activities;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.coopflow.reference.Office;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The implementation row of each funded programme. It keeps the programme's title and currency, which
 * no longer change once the programme is funded, so that lists and amounts never read the programmes
 * module's tables.
 */
@Repository
class ImplementationRepository {

	/** The implementation row of a programme: its stage, and the unspent-funds decision at the end. */
	record Implementation(long programmeId, Office office, String title, String currency, ImplementationStage stage,
			Instant startedAt, Instant closedAt, BigDecimal unspentAmount, UnspentFundsChoice unspentChoice,
			String unspentReason, String unspentDecidedBy, Instant unspentDecidedAt) {
	}

	/** A funded programme's implementation opens for planning. */
	record Opening(long programmeId, Office office, String title, String currency, Instant at) {
	}

	/** What the officer chose for the funds left when the programme closes. */
	record UnspentFundsDecision(long programmeId, BigDecimal amount, UnspentFundsChoice choice, String reason,
			String by, Instant at) {
	}

	/** One implementation as the list of implementations shows it. */
	record Summary(long programmeId, String title, Office office, ImplementationStage stage, String currency,
			long activities, BigDecimal spent) {
	}

	private final JdbcClient jdbc;

	ImplementationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the row in PLANNING unless it exists; true when created. Two requests opening it at the same
	 * moment both pass the check, and the second insert fails on the primary key.
	 */
	boolean open(Opening opening) {
		if (find(opening.programmeId()).isPresent()) {
			return false;
		}
		jdbc.sql("""
				INSERT INTO implementation (programme_id, office_code, programme_title, currency, stage, created_at)
				VALUES (?, ?, ?, ?, 'PLANNING', ?)""")
			.params(opening.programmeId(), opening.office().name(), opening.title(), opening.currency(),
					Timestamp.from(opening.at()))
			.update();
		return true;
	}

	Optional<Implementation> find(long programmeId) {
		return jdbc.sql("SELECT * FROM implementation WHERE programme_id = ?")
			.param(programmeId)
			.query(ImplementationRepository::implementation)
			.optional();
	}

	/** The implementations of the programmes (up to 1,000 ids) that have one. */
	List<Implementation> findAll(List<Long> programmeIds) {
		if (programmeIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM implementation WHERE programme_id IN ("
				+ String.join(", ", programmeIds.stream().map(String::valueOf).toList()) + ")")
			.query(ImplementationRepository::implementation)
			.list();
	}

	/** Reads and locks the row, so that spending on the programme is checked one at a time. */
	Optional<Implementation> lock(long programmeId) {
		return jdbc.sql("SELECT * FROM implementation WHERE programme_id = ? FOR UPDATE")
			.param(programmeId)
			.query(ImplementationRepository::implementation)
			.optional();
	}

	/** From one stage to the next, stamping when it started or closed; false when it was not in {@code from}. */
	boolean move(long programmeId, ImplementationStage from, ImplementationStage to, Instant now) {
		String stamped = to == ImplementationStage.CLOSED ? "closed_at" : "started_at";
		return jdbc.sql("UPDATE implementation SET stage = ?, " + stamped + " = ? WHERE programme_id = ? AND stage = ?")
			.params(to.name(), Timestamp.from(now), programmeId, from.name())
			.update() == 1;
	}

	/** False when the implementation is closed already. */
	boolean record(UnspentFundsDecision decision) {
		return jdbc.sql("""
				UPDATE implementation SET unspent_amount = ?, unspent_choice = ?, unspent_reason = ?,
				unspent_decided_by = ?, unspent_decided_at = ? WHERE programme_id = ? AND stage <> 'CLOSED'""")
			.params(decision.amount(), decision.choice().name(), decision.reason(), decision.by(),
					Timestamp.from(decision.at()), decision.programmeId())
			.update() == 1;
	}

	/** The newest implementations, of one office or both; {@code limit} rows at most. */
	List<Summary> summaries(Office office, int limit) {
		return jdbc.sql("""
				SELECT i.programme_id, i.programme_title, i.office_code, i.stage, i.currency,
				(SELECT COUNT(*) FROM activity a WHERE a.programme_id = i.programme_id),
				(SELECT COALESCE(SUM(e.amount), 0) FROM activity_expenditure e WHERE e.programme_id = i.programme_id)
				FROM implementation i WHERE i.office_code IN (:offices) ORDER BY i.programme_id DESC""")
			.param("offices", office == null ? Arrays.stream(Office.values()).map(Enum::name).toList()
					: List.of(office.name()))
			.query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), Office.valueOf(rs.getString(3)),
					ImplementationStage.valueOf(rs.getString(4)), rs.getString(5), rs.getLong(6),
					rs.getBigDecimal(7).setScale(2)))
			.stream()
			.limit(limit)
			.toList();
	}

	private static Implementation implementation(ResultSet rs, int row) throws SQLException {
		String choice = rs.getString("unspent_choice");
		return new Implementation(rs.getLong("programme_id"), Office.valueOf(rs.getString("office_code")),
				rs.getString("programme_title"), rs.getString("currency"), ImplementationStage.valueOf(rs.getString("stage")),
				Rows.instant(rs, "started_at"), Rows.instant(rs, "closed_at"), rs.getBigDecimal("unspent_amount"),
				choice == null ? null : UnspentFundsChoice.valueOf(choice), rs.getString("unspent_reason"),
				rs.getString("unspent_decided_by"), Rows.instant(rs, "unspent_decided_at"));
	}

}
