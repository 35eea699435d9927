package org.coopflow.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.coopflow.security.CoopflowUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the loader does to the engine as people and time would: completes user tasks as the signed-in
 * officer (so every listener, four-eyes rule and delegate runs as in Tasklist), moves the engine's clock
 * to the day a step happened, and runs the jobs that are due on that day itself instead of waiting for
 * the job executor, which is paused while the portfolio loads so that nothing races it.
 */
@Component
class DemoEngine {

	private static final Logger log = LoggerFactory.getLogger(DemoEngine.class);

	/** A bound on catching up with due jobs: a timer that kept firing would otherwise never end the load. */
	private static final int MAX_JOB_ROUNDS = 50;

	private final TaskService tasks;

	private final IdentityService identity;

	private final ManagementService management;

	private final ProcessEngineConfigurationImpl configuration;

	private final RuntimeService runtime;

	private final Clock clock;

	DemoEngine(TaskService tasks, IdentityService identity, ManagementService management,
			ProcessEngineConfiguration configuration, RuntimeService runtime, Clock clock) {
		this.runtime = runtime;
		this.clock = clock;
		this.tasks = tasks;
		this.identity = identity;
		this.management = management;
		this.configuration = (ProcessEngineConfigurationImpl) configuration;
	}

	/** Pauses the job executor; the returned handle restarts it (only if it ran before). */
	/** A paused job executor; closing it restarts the executor if it ran before. */
	interface Pause extends AutoCloseable {

		@Override
		void close();

	}

	Pause pauseJobExecutor() {
		JobExecutor executor = configuration.getJobExecutor();
		boolean wasActive = executor != null && executor.isActive();
		if (wasActive) {
			executor.shutdown();
		}
		return () -> {
			if (wasActive) {
				executor.start();
			}
		};
	}

	/** The engine's clock (and so the pledges' and reports' "today") at 09:00 UTC of the day. */
	void on(LocalDate day) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).toInstant(ZoneOffset.UTC)));
	}

	void resetClock() {
		ClockUtil.reset();
	}

	/** The engine's day, where {@link #on} or a timer moved it. */
	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The open task of the process with the business key, or null. */
	Task task(String businessKey, String taskKey, Predicate<Task> which) {
		return tasks.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(taskKey)
			.list()
			.stream()
			.filter(which)
			.findFirst()
			.orElse(null);
	}

	Object localVariable(Task task, String name) {
		return tasks.getVariableLocal(task.getId(), name);
	}

	Object variable(Task task, String name) {
		return tasks.getVariable(task.getId(), name);
	}

	/** Completes the process's open task as the user, as Tasklist would. */
	void complete(String businessKey, String taskKey, CoopflowUser user, Map<String, Object> variables) {
		complete(businessKey, taskKey, task -> true, user, variables);
	}

	void complete(String businessKey, String taskKey, Predicate<Task> which, CoopflowUser user,
			Map<String, Object> variables) {
		Task task = task(businessKey, taskKey, which);
		if (task == null) {
			throw new IllegalStateException(businessKey + " does not wait at " + taskKey);
		}
		identity.setAuthentication(user.getUsername(), user.getRole().camundaGroups(user.getOffice()));
		try {
			tasks.complete(task.getId(), variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * Runs every job due by the engine's clock (asynchronous continuations, timers whose day has come),
	 * again until none is left, as the job executor would. A job that fails keeps its incident and is
	 * not retried here.
	 */
	int runDueJobs() {
		Set<String> failed = new HashSet<>();
		int executed = 0;
		for (int round = 0; round < MAX_JOB_ROUNDS; round++) {
			List<Job> due = management.createJobQuery().executable().list();
			due.removeIf(job -> failed.contains(job.getId()));
			if (due.isEmpty()) {
				return executed;
			}
			for (Job job : due) {
				try {
					management.executeJob(job.getId());
					executed++;
				}
				catch (RuntimeException e) {
					failed.add(job.getId());
					log.warn("Demo portfolio: job {} of {} failed: {}", job.getId(), job.getProcessInstanceId(),
							e.getMessage());
				}
			}
		}
		return executed;
	}

	/** Runs the timer of the process at its due date, moving the clock there first. */
	void fireTimer(String processInstanceId, String activityId) {
		Job timer = management.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.list()
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no timer " + activityId + " in " + processInstanceId));
		Instant due = timer.getDuedate().toInstant();
		if (due.isAfter(clock.instant())) {
			ClockUtil.setCurrentTime(Date.from(due));
		}
		management.executeJob(timer.getId());
	}

	String processInstanceOf(String businessKey) {
		return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
	}

	String propertyOf(String name) {
		return management.getProperties().get(name);
	}

	void setProperty(String name, String value) {
		management.setProperty(name, value);
	}

}
