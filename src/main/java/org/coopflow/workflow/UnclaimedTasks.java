package org.coopflow.workflow;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The unclaimed tasks of each candidate group in due-date order (table {@code unclaimed_task}), for
 * {@link OfficeQueueFilterService}, each row saying whether its group holds the engine's READ grant on the
 * task. Each engine command notes the tasks it changed ({@link Changes}: created, claimed, handed back,
 * re-dated, given or relieved of a candidate group or of an authorization, completed, deleted, migrated);
 * just before the transaction it runs in commits, their rows are read again from the engine's own tables,
 * which the engine has written by then, in that transaction. So once it commits, the table holds what
 * {@code ACT_RU_TASK}, {@code ACT_RU_IDENTITYLINK} and the tasks' grants in {@code ACT_RU_AUTHORIZATION} hold.
 */
@Component
class UnclaimedTasks {

	private static final Logger log = LoggerFactory.getLogger(UnclaimedTasks.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	UnclaimedTasks(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
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

	/**
	 * The rows of the engine's unclaimed tasks that the condition picks, as its tables hold them now; READ is
	 * bit 2 of {@code PERMS_} (arithmetic, which H2 and MySQL spell alike).
	 */
	private static final String ROWS = """
			SELECT DISTINCT RES.ID_, I.GROUP_ID_, RES.DUE_DATE_, RES.CREATE_TIME_,
			  CASE WHEN EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1 AND A.RESOURCE_TYPE_ = 7
			    AND A.RESOURCE_ID_ = RES.ID_ AND A.GROUP_ID_ = I.GROUP_ID_ AND MOD(FLOOR(A.PERMS_ / 2), 2) = 1)
			  THEN TRUE ELSE FALSE END
			FROM ACT_RU_TASK RES JOIN ACT_RU_IDENTITYLINK I ON I.TASK_ID_ = RES.ID_
			WHERE RES.ASSIGNEE_ IS NULL AND RES.TENANT_ID_ IS NULL
			  AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IS NOT NULL""";

	private static final String INSERT = "INSERT INTO unclaimed_task (task_id, group_id, due_date, create_time, granted) ";

	/**
	 * The tasks' rows as the engine's tables hold them now. The command that changed them says which of
	 * them it created and which it deleted: a task it created has no rows yet and one it deleted gets none,
	 * and the engine's own insert or delete of the task's row has locked it, so a completion (one task
	 * deleted, the next created) costs two statements and a new task one, rather than three each.
	 */
	void refresh(Changed changed) {
		if (!changed.others().isEmpty()) {
			// The task's row, locked here and by every engine write to it, makes the refreshes of one task
			// take turns, so that the later reads what the earlier committed (READ COMMITTED reads the newest
			// per statement). Changes of one task that both write its row (a claim, a new candidate) already
			// take turns by its revision; this is for those that do not write it: an authorization on the task.
			jdbc.sql("SELECT ID_ FROM ACT_RU_TASK WHERE ID_ IN (:tasks) ORDER BY ID_ FOR UPDATE")
				.param("tasks", changed.others())
				.query(String.class)
				.list();
		}
		Set<String> gone = union(changed.deleted(), changed.others());
		if (!gone.isEmpty()) {
			jdbc.sql("DELETE FROM unclaimed_task WHERE task_id IN (:tasks)").param("tasks", gone).update();
		}
		Set<String> current = union(changed.created(), changed.others());
		if (!current.isEmpty()) {
			jdbc.sql(INSERT + ROWS + " AND RES.ID_ IN (:tasks)").param("tasks", current).update();
		}
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> both = new LinkedHashSet<>(a);
		both.addAll(b);
		return both;
	}

	/**
	 * The tasks one command changed: those it created, those it deleted, and the others (a task's row,
	 * candidates or authorizations changed). A task is in one of the three at most (not at all when the
	 * command created and deleted it).
	 */
	record Changed(Set<String> created, Set<String> deleted, Set<String> others) {

		boolean isEmpty() {
			return created.isEmpty() && deleted.isEmpty() && others.isEmpty();
		}

	}

	/**
	 * At every start, before Tasklist is served: the table is rebuilt if it holds another number of rows than
	 * the engine's tables give, which happens when something changed tasks without refreshing it (a node of
	 * a release before it, running beside this one during an upgrade).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void reconcile() {
		long kept = jdbc.sql("SELECT COUNT(*) FROM unclaimed_task").query(Long.class).single();
		long engine = jdbc.sql("SELECT COUNT(*) FROM (" + ROWS + ") T").query(Long.class).single();
		if (kept != engine) {
			log.warn("The office queue held {} rows where the engine's tasks give {}: rebuilt", kept, engine);
			transactions.executeWithoutResult(status -> {
				jdbc.sql("DELETE FROM unclaimed_task").update();
				jdbc.sql(INSERT + ROWS).update();
			});
		}
	}

	/**
	 * The tasks a REVOKE names the user or one of their groups on ({@code *} for a REVOKE on all tasks), at
	 * most that many: such a task may be hidden from them.
	 */
	List<String> revoked(String user, Collection<String> groups, int most) {
		return jdbc.sql("""
				SELECT DISTINCT RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION
				WHERE RESOURCE_TYPE_ = 7 AND TYPE_ = 2 AND (USER_ID_ = :user OR GROUP_ID_ IN (:groups))
				LIMIT :most""")
			.param("user", user)
			.param("groups", groups)
			.param("most", most)
			.query(String.class)
			.list();
	}

	/** The suspended tasks, at most that many (few or none: an administrator suspends them in Cockpit). */
	List<String> suspended(int most) {
		return jdbc.sql("SELECT ID_ FROM ACT_RU_TASK WHERE SUSPENSION_STATE_ = 2 LIMIT :most")
			.param("most", most)
			.query(String.class)
			.list();
	}

	/** The tasks of these groups whose group holds no READ grant on them (an administrator took it away). */
	List<String> ungranted(Collection<String> groups) {
		return jdbc.sql("SELECT DISTINCT task_id FROM unclaimed_task WHERE granted = FALSE AND group_id IN (:groups)")
			.param("groups", groups)
			.query(String.class)
			.list();
	}

	/**
	 * Refreshes, just before a command's transaction commits, the tasks the command changed: those it
	 * created, changed or deleted, or whose candidates or authorizations it added, changed or removed, as its entity cache holds them
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
			// a command that never touched the database has nothing to note, and opens no session for it
			if (!(command.getSessions().get(DbEntityManager.class) instanceof DbEntityManager entities)) {
				return;
			}
			Set<String> created = new LinkedHashSet<>();
			Set<String> deleted = new LinkedHashSet<>();
			Set<String> never = new LinkedHashSet<>();
			Set<String> others = new LinkedHashSet<>();
			for (CachedDbEntity cached : entities.getDbEntityCache().getCachedEntities()) {
				DbEntityState state = cached.getEntityState();
				boolean changed = state != DbEntityState.PERSISTENT || cached.isDirty();
				if (!changed) {
					continue;
				}
				if (cached.getEntity() instanceof TaskEntity task) {
					switch (state) {
						// a process's task has a new generated id; a standalone task may have one its creator chose,
						// perhaps of a task deleted by a node of an earlier release, whose rows would still be here
						case TRANSIENT -> (task.getExecutionId() != null ? created : others).add(task.getId());
						case DELETED_PERSISTENT, DELETED_MERGED -> deleted.add(task.getId());
						// created and deleted in this command: it never had a row, nor will
						case DELETED_TRANSIENT -> never.add(task.getId());
						default -> others.add(task.getId());
					}
				}
				else if (cached.getEntity() instanceof IdentityLinkEntity link && link.getTaskId() != null) {
					others.add(link.getTaskId());
				}
				else if (cached.getEntity() instanceof AuthorizationEntity authorization
						&& authorization.getResourceType() == Resources.TASK.resourceType()
						&& authorization.getResourceId() != null && !Authorization.ANY.equals(authorization.getResourceId())) {
					others.add(authorization.getResourceId());
				}
			}
			// what the command did to the task itself decides: a link or grant of a task created or deleted
			// here needs nothing more than the task
			others.removeAll(created);
			others.removeAll(deleted);
			others.removeAll(never);
			Changed changed = new Changed(created, deleted, others);
			if (!changed.isEmpty()) {
				// committing comes after the command has written the engine's rows, still in its transaction
				command.getTransactionContext()
					.addTransactionListener(TransactionState.COMMITTING, context -> unclaimed.get().refresh(changed));
			}
		}

		@Override
		public void onCommandFailed(CommandContext command, Throwable failure) {
		}

	}

}
