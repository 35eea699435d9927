package org.coopflow.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link UnclaimedTasks} with the engine's tasks, every command noting the tasks it changed, and
 * installs {@link OfficeQueueFilterService}, which answers "My office's unclaimed tasks" from it.
 */
@Component
class OfficeQueuePlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<UnclaimedTasks> unclaimed;

	OfficeQueuePlugin(ObjectProvider<UnclaimedTasks> unclaimed) {
		this.unclaimed = unclaimed;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setFilterService(new OfficeQueueFilterService(unclaimed::getObject));
		UnclaimedTasks.Changes changes = new UnclaimedTasks.Changes(unclaimed::getObject);
		CommandContextFactory commands = new CommandContextFactory() {

			@Override
			public CommandContext createCommandContext() {
				CommandContext command = super.createCommandContext();
				command.registerCommandContextListener(changes);
				return command;
			}

		};
		// the engine sets its configuration only on a factory of its own making
		commands.setProcessEngineConfiguration(configuration);
		configuration.setCommandContextFactory(commands);
	}

}
