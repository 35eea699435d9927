package org.coopflow.workflow;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.coopflow.shared.TransientFailures;
import org.coopflow.workflow.TaskGuide.Guidance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;

/**
 * On create, gives every user task the name, description, due and follow-up dates its process's
 * {@link TaskGuide} says. Added to every user task by {@link TaskGuidePlugin}, after the listeners the
 * model declares, so the name it gives is the one Tasklist shows.
 */
class GuideTaskListener implements TaskListener {

	private static final Logger log = LoggerFactory.getLogger(GuideTaskListener.class);

	/** ACT_RU_TASK.NAME_ and ACT_HI_TASKINST.NAME_ are varchar(255). */
	static final int MAX_NAME = 255;

	/** ACT_RU_TASK.DESCRIPTION_ is varchar(4000). */
	static final int MAX_DESCRIPTION = 4000;

	// the guides are looked up when the first task is created: they depend on services that depend on the
	// engine this listener is installed into
	private final ObjectProvider<TaskGuide> guides;

	private volatile Map<String, TaskGuide> byProcess;

	GuideTaskListener(ObjectProvider<TaskGuide> guides) {
		this.guides = guides;
	}

	private static boolean databaseFailed(Throwable failure) {
		if (TransientFailures.isTransient(failure)) {
			return true;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLException || cause instanceof DataAccessException
					|| cause instanceof ProcessEnginePersistenceException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void notify(DelegateTask task) {
		if (task.getExecution() == null) {
			return;
		}
		String processKey = ((ExecutionEntity) task.getExecution()).getProcessDefinition().getKey();
		TaskGuide guide = guides().get(processKey);
		if (guide == null) {
			return;
		}
		Guidance guidance;
		try {
			guidance = guide.guide(task);
		}
		catch (RuntimeException e) {
			if (databaseFailed(e)) {
				// not a missing name: the transaction itself may be gone (a deadlock rolls all of it back on
				// MariaDB, a broken link closes its connection), so it fails here and is run again as a whole,
				// instead of going on to fail at a later statement with a cause nobody can tell
				throw e;
			}
			// a name is a help, not a step of the process: without it the task keeps the model's name and the
			// work goes on; the facts listeners, which the form needs, fail the creation themselves
			log.warn("No guidance for task {} ({}) of {}: the model's name stays", task.getId(),
					task.getTaskDefinitionKey(), processKey, e);
			return;
		}
		if (guidance.name() != null && !guidance.name().isBlank()) {
			task.setName(TaskGuide.shortened(guidance.name(), MAX_NAME));
		}
		if (guidance.description() != null) {
			task.setDescription(TaskGuide.shortened(guidance.description(), MAX_DESCRIPTION));
		}
		if (guidance.due() != null) {
			task.setDueDate(guidance.due());
		}
		if (guidance.followUp() != null) {
			task.setFollowUpDate(guidance.followUp());
		}
	}

	private Map<String, TaskGuide> guides() {
		Map<String, TaskGuide> known = byProcess;
		if (known == null) {
			known = new ConcurrentHashMap<>(
					guides.orderedStream().collect(Collectors.toMap(TaskGuide::processDefinitionKey, g -> g)));
			byProcess = known;
		}
		return known;
	}

}
