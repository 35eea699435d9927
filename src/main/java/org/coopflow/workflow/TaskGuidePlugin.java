package org.coopflow.workflow;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds {@link GuideTaskListener} to every user task of every deployed model, so that no model has to
 * remember it and a task added later is guided too. A post-parse listener: it runs after the model's own
 * task listeners are read, so the guide's create listener comes last and its name wins over any a
 * listener of the model gives.
 */
@Component
class TaskGuidePlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<TaskGuide> guides;

	TaskGuidePlugin(ObjectProvider<TaskGuide> guides) {
		this.guides = guides;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		TaskListener listener = new GuideTaskListener(guides);
		UserTasksParsed.then(configuration, (element, activity) -> {
			if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
				userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
			}
		});
	}

}
