package org.coopflow.overlap;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.coopflow.shared.ConflictException;
import org.coopflow.shared.NotFoundException;
import org.coopflow.security.CoopflowUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whole-portfolio screenings on demand: recorded as a job, run in the background, progress written as
 * it goes, so that whoever asked can poll it. One runs at a time.
 */
@Service
class PortfolioScreenings {

	private static final Logger log = LoggerFactory.getLogger(PortfolioScreenings.class);

	private final JdbcClient jdbc;

	private final PortfolioIndex screener;

	private final OverlapAlerts alerts;

	private final TaskExecutor executor;

	private final TransactionTemplate transaction;

	private final Clock clock;

	PortfolioScreenings(JdbcClient jdbc, PortfolioIndex screener, OverlapAlerts alerts, @Qualifier("overlapScreeningExecutor") TaskExecutor executor,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.screener = screener;
		this.alerts = alerts;
		this.executor = executor;
		this.transaction = new TransactionTemplate(transactions);
	}

	ScreeningJob request(CoopflowUser user) {
		if (!OverlapAlerts.isCoordinatorOrAdmin(user)) {
			throw new AccessDeniedException("Coordinators and administrators screen the whole portfolio.");
		}
		long id = transaction.execute(status -> {
			boolean running = jdbc.sql("SELECT COUNT(*) FROM overlap_screening WHERE status IN ('QUEUED', 'RUNNING')")
				.query(Integer.class)
				.single() > 0;
			if (running) {
				throw new ConflictException("A portfolio screening is already running; poll it, or wait until it is done.");
			}
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("INSERT INTO overlap_screening (status, requested_by, requested_at) VALUES ('QUEUED', ?, ?)")
				.params(user.getUsername(), Timestamp.from(clock.instant()))
				.update(key, "id");
			return key.getKey().longValue();
		});
		executor.execute(() -> run(id));
		return find(id).orElseThrow();
	}

	ScreeningJob get(CoopflowUser user, long id) {
		if (!OverlapAlerts.isCoordinatorOrAdmin(user)) {
			throw new AccessDeniedException("Coordinators and administrators follow portfolio screenings.");
		}
		return find(id).orElseThrow(() -> new NotFoundException("Screening " + id + " does not exist."));
	}

	private void run(long id) {
		try {
			int programmes = screener.size();
			jdbc.sql("UPDATE overlap_screening SET status = 'RUNNING', started_at = ?, programmes = ?, screened = 0 WHERE id = ?")
				.params(Timestamp.from(clock.instant()), programmes, id)
				.update();
			// each chunk of pairs is recorded in a transaction of its own, with the job's progress
			AtomicInteger raised = new AtomicInteger();
			AtomicInteger recorded = new AtomicInteger();
			int pairs = screener.screenAll(500, findings -> {
				raised.addAndGet(transaction.execute(
						status -> alerts.record(findings, null, screener::changedSince).raised().size()));
				jdbc.sql("UPDATE overlap_screening SET screened = programmes, pairs_found = ?, alerts_raised = ? WHERE id = ?")
					.params(recorded.addAndGet(findings.size()), raised.get(), id)
					.update();
			});
			jdbc.sql("""
					UPDATE overlap_screening SET status = 'DONE', finished_at = ?, screened = programmes, pairs_found = ?,
					  alerts_raised = ? WHERE id = ?""")
				.params(Timestamp.from(clock.instant()), pairs, raised.get(), id)
				.update();
		}
		catch (RuntimeException e) {
			log.error("Portfolio screening {} failed", id, e);
			jdbc.sql("UPDATE overlap_screening SET status = 'FAILED', finished_at = ?, error = ? WHERE id = ?")
				.params(Timestamp.from(clock.instant()), String.valueOf(e.getMessage()).substring(0,
						Math.min(1900, String.valueOf(e.getMessage()).length())), id)
				.update();
		}
	}

	private Optional<ScreeningJob> find(long id) {
		return jdbc.sql("""
				SELECT id, status, requested_by, requested_at, started_at, finished_at, programmes, screened, pairs_found,
				  alerts_raised, error FROM overlap_screening WHERE id = ?""")
			.param(id)
			.query((rs, row) -> new ScreeningJob(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
					rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getObject(7, Integer.class),
					rs.getObject(8, Integer.class), rs.getObject(9, Integer.class), rs.getObject(10, Integer.class),
					rs.getString(11)))
			.optional();
	}

}
