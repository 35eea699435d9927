package org.coopflow.workflow;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The unclaimed tasks of each candidate group in due-date order (table {@code unclaimed_task}), for
 * {@link OfficeQueueFilterService}. Each engine command notes the tasks it changed ({@link Changes}:
 * created, claimed, handed back, re-dated, given or relieved of a candidate group, completed, deleted,
 * migrated); just before its transaction commits, their rows are read again from the engine's own tables,
 * which the engine has written by then, so the table holds what {@code ACT_RU_TASK} and
 * {@code ACT_RU_IDENTITYLINK} hold, in the same transaction. It says nothing about who may read a task: the engine decides that.
 */
@Component
class UnclaimedTasks {

	private final JdbcClient jdbc;

	UnclaimedTasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The unclaimed tasks of these groups, each once. */
	long count(Collection<String> groups) {
		return jdbc.sql("SELECT COUNT(DISTINCT task_id) FROM unclaimed_task WHERE group_id IN (:groups)")
			.param("groups", groups)
			.query(Long.class)
			.single();
	}

	/**
	 * A page of the unclaimed tasks of these groups but those left out, soonest due first (Camunda's order
	 * for the filter: due date, then creation; the id decides between equals, which Camunda leaves to the
	 * database).
	 */
	List<String> page(Collection<String> groups, Collection<String> leftOut, int firstResult, int maxResults) {
		String without = leftOut.isEmpty() ? "" : " AND task_id NOT IN (:leftOut)";
		var statement = jdbc.sql("""
				SELECT DISTINCT task_id, due_date, create_time FROM unclaimed_task
				WHERE group_id IN (:groups)%s
				ORDER BY due_date, create_time, task_id LIMIT :max OFFSET :first""".formatted(without))
			.param("groups", groups)
			.param("max", maxResults)
			.param("first", firstResult);
		if (!leftOut.isEmpty()) {
			statement = statement.param("leftOut", leftOut);
		}
		return statement.query((rs, n) -> rs.getString("task_id")).list();
	}

	/** Those of the tasks that are unclaimed tasks of these groups. */
	Set<String> among(Collection<String> groups, Collection<String> taskIds) {
		if (taskIds.isEmpty()) {
			return Set.of();
		}
		return new LinkedHashSet<>(jdbc.sql("""
				SELECT DISTINCT task_id FROM unclaimed_task WHERE group_id IN (:groups) AND task_id IN (:tasks)""")
			.param("groups", groups)
			.param("tasks", taskIds)
			.query(String.class)
			.list());
	}

	/** The tasks' rows as the engine's tables hold them now. */
	void refresh(Collection<String> taskIds) {
		// Two transactions changing one task (one hands it back, the other adds a candidate group) would
		// each read the other's part as it was before, and the later commit would keep a row too few. The
		// task's row, locked here and by every engine write to it, makes their refreshes take turns, and
		// the later one reads what the earlier committed (READ COMMITTED reads the newest per statement).
		jdbc.sql("SELECT ID_ FROM ACT_RU_TASK WHERE ID_ IN (:tasks) ORDER BY ID_ FOR UPDATE")
			.param("tasks", taskIds)
			.query(String.class)
			.list();
		jdbc.sql("DELETE FROM unclaimed_task WHERE task_id IN (:tasks)").param("tasks", taskIds).update();
		jdbc.sql("""
				INSERT INTO unclaimed_task (task_id, group_id, due_date, create_time)
				SELECT DISTINCT RES.ID_, I.GROUP_ID_, RES.DUE_DATE_, RES.CREATE_TIME_
				FROM ACT_RU_TASK RES JOIN ACT_RU_IDENTITYLINK I ON I.TASK_ID_ = RES.ID_
				WHERE RES.ID_ IN (:tasks) AND RES.ASSIGNEE_ IS NULL AND RES.TENANT_ID_ IS NULL
				AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IS NOT NULL""")
			.param("tasks", taskIds)
			.update();
	}

	/**
	 * Refreshes, just before a command's transaction commits, the tasks the command changed: those it
	 * created, changed or deleted, or whose candidates it added or removed, as its entity cache holds them
	 * when it closes (before it writes them). Every change of a task goes through that cache, whichever
	 * API made it, including a deletion that takes the task's history with it, which makes no history event.
	 * A suspension is written past the cache, which is why the office queue asks about suspended tasks itself.
	 */
	static final class Changes implements CommandContextListener {

		private final Supplier<UnclaimedTasks> unclaimed;

		Changes(Supplier<UnclaimedTasks> unclaimed) {
			this.unclaimed = unclaimed;
		}

		@Override
		public void onCommandContextClose(CommandContext command) {
			Set<String> taskIds = new LinkedHashSet<>();
			for (CachedDbEntity cached : command.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
				boolean changed = cached.getEntityState() != DbEntityState.PERSISTENT || cached.isDirty();
				if (!changed) {
					continue;
				}
				if (cached.getEntity() instanceof TaskEntity task) {
					taskIds.add(task.getId());
				}
				else if (cached.getEntity() instanceof IdentityLinkEntity link && link.getTaskId() != null) {
					taskIds.add(link.getTaskId());
				}
			}
			if (!taskIds.isEmpty()) {
				// committing comes after the command has written the engine's rows, still in its transaction
				command.getTransactionContext()
					.addTransactionListener(TransactionState.COMMITTING, context -> unclaimed.get().refresh(taskIds));
			}
		}

		@Override
		public void onCommandFailed(CommandContext command, Throwable failure) {
		}

	}

}
