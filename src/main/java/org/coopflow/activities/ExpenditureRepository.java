package org.coopflow.activities;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Money spent on activities; never updated or deleted. Amounts are in the implementation's currency. */
@Repository
class ExpenditureRepository {

	/**
	 * Spending as it is recorded: {@code receivedBefore} is what the programme had received when it was
	 * checked, {@code overrideReason} why an officer spent beyond it (null when within it).
	 */
	record NewExpenditure(long activityId, long programmeId, BigDecimal amount, LocalDate spentOn, String description,
			BigDecimal receivedBefore, String overrideReason, String idempotencyKey, String recordedBy,
			Instant recordedAt) {
	}

	private final JdbcClient jdbc;

	ExpenditureRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Activities.Spending spendingOnProgramme(long programmeId) {
		return jdbc.sql("SELECT COALESCE(SUM(amount), 0), MAX(recorded_at) FROM activity_expenditure WHERE programme_id = ?")
			.param(programmeId)
			.query((rs, n) -> new Activities.Spending(rs.getBigDecimal(1).setScale(2),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.single();
	}

	BigDecimal spentOnProgramme(long programmeId) {
		return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM activity_expenditure WHERE programme_id = ?")
			.param(programmeId)
			.query(BigDecimal.class)
			.single()
			.setScale(2);
	}

	long insert(NewExpenditure spending) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO activity_expenditure (activity_id, programme_id, amount, spent_on, description, received_before,
				override_reason, idempotency_key, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(spending.activityId(), spending.programmeId(), spending.amount(), Date.valueOf(spending.spentOn()),
					spending.description(), spending.receivedBefore(), spending.overrideReason(),
					spending.idempotencyKey(), spending.recordedBy(), Timestamp.from(spending.recordedAt()))
			.update(key, "id");
		return key.getKey().longValue();
	}

	Optional<ExpenditureView> findByKey(String user, String idempotencyKey) {
		return expenditures("e.recorded_by = ? AND e.idempotency_key = ?", List.of(user, idempotencyKey)).stream().findFirst();
	}

	Optional<ExpenditureView> find(long id) {
		return expenditures("e.id = ?", List.of(id)).stream().findFirst();
	}

	List<ExpenditureView> ofActivity(long activityId) {
		return expenditures("e.activity_id = ?", List.of(activityId));
	}

	/** The expenditures of the programmes (up to 1,000 ids), by programme, day and id. */
	List<ExpenditureView> ofProgrammes(List<Long> programmeIds) {
		if (programmeIds.isEmpty()) {
			return List.of();
		}
		if (programmeIds.size() > 1000) {
			throw new IllegalArgumentException("at most 1,000 programmes at once");
		}
		return expenditures("e.programme_id IN (" + String.join(", ", programmeIds.stream().map(String::valueOf).toList())
				+ ")", List.of());
	}

	private List<ExpenditureView> expenditures(String where, List<Object> params) {
		return jdbc.sql("""
				SELECT e.id, e.activity_id, e.programme_id, e.amount, i.currency, e.spent_on, e.description,
				e.received_before, e.override_reason, e.recorded_by, e.recorded_at
				FROM activity_expenditure e JOIN implementation i ON i.programme_id = e.programme_id WHERE """ + " " + where
				+ " ORDER BY e.programme_id, e.spent_on, e.id")
			.params(params)
			.query((rs, n) -> new ExpenditureView(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					rs.getBigDecimal(4).setScale(2), rs.getString(5), Rows.date(rs, 6), rs.getString(7),
					rs.getBigDecimal(8).setScale(2), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant()))
			.list();
	}

}
