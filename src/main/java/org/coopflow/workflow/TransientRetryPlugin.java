package org.coopflow.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.coopflow.shared.TransientRetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Runs an engine command again after a transient failure (an {@code OptimisticLockingException}, a
 * deadlock or Galera certification failure) when the command is the whole transaction of a web request's
 * call into the engine: engine-rest's task completion, process start and message correlation, the
 * Camunda webapps, and coopflow's controllers that call a service of the engine directly. Each command
 * is one transaction that rolled back, so running it again cannot double it; a command that joins
 * coopflow's own transaction fails with it and that transaction is retried instead.
 *
 * <p>The job executor is left alone on purpose: a job that fails transiently is the engine's to retry
 * (an optimistic locking failure releases the job for another try without using up a retry; any other
 * failure uses up one of the job's retries, see {@code failedJobRetryTimeCycle}), and job acquisition
 * treats its own optimistic locking failures as a sign to back off.
 */
@Component
class TransientRetryPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<TransientRetry> retry;

	TransientRetryPlugin(ObjectProvider<TransientRetry> retry) {
		this.retry = retry;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
		// first, so that it wraps the transaction interceptor: each attempt is a new transaction
		interceptors.add(0, new RetryingInterceptor(retry));
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

	static final class RetryingInterceptor extends CommandInterceptor {

		private final ObjectProvider<TransientRetry> retry;

		RetryingInterceptor(ObjectProvider<TransientRetry> retry) {
			this.retry = retry;
		}

		@Override
		public <T> T execute(Command<T> command) {
			if (RequestContextHolder.getRequestAttributes() == null
					|| TransactionSynchronizationManager.isActualTransactionActive() || Context.getCommandContext() != null
					|| Context.getJobExecutorContext() != null) {
				return next.execute(command);
			}
			try {
				return retry.getObject().run(() -> next.execute(command));
			}
			catch (RuntimeException | Error e) {
				throw e;
			}
			catch (Throwable e) {
				throw new ProcessEngineException(e);
			}
		}

	}

}
