package org.coopflow.shared;

import java.lang.reflect.Method;
import java.time.Duration;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Retries coopflow's own transactions ({@code @Transactional} methods that open one) after a transient
 * failure; the engine's commands get the same through workflow's {@code TransientRetryPlugin}. Boot hands
 * the {@link TransientRetry} to the transaction manager as its execution listener, so it sees every commit.
 */
@Configuration(proxyBeanMethods = false)
class TransientRetryConfiguration {

	@Bean
	TransientRetry transientRetry(@Value("${coopflow.transient-retry.max-attempts:4}") int maxAttempts,
			@Value("${coopflow.transient-retry.first-pause:20ms}") Duration firstPause,
			@Value("${coopflow.transient-retry.max-pause:400ms}") Duration maxPause) {
		return new TransientRetry(maxAttempts, firstPause, maxPause);
	}

	/**
	 * Around every {@code @Transactional} method whose propagation opens a transaction, just outside the
	 * transaction advice (so each attempt is a new transaction), and only when no transaction is open yet: a
	 * method that joins its caller's transaction fails with it, and the caller's attempt is retried. Methods
	 * that manage their own transactions (NEVER, NOT_SUPPORTED, SUPPORTS) retry as they see fit.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor transientRetryAdvisor(TransactionAttributeSource transactionAttributes,
			ObjectProvider<TransientRetry> retry) {
		StaticMethodMatcherPointcut opensTransaction = new StaticMethodMatcherPointcut() {
			@Override
			public boolean matches(Method method, Class<?> targetClass) {
				TransactionAttribute attribute = transactionAttributes.getTransactionAttribute(method, targetClass);
				return attribute != null && (attribute.getPropagationBehavior() == TransactionDefinition.PROPAGATION_REQUIRED
						|| attribute.getPropagationBehavior() == TransactionDefinition.PROPAGATION_REQUIRES_NEW
						|| attribute.getPropagationBehavior() == TransactionDefinition.PROPAGATION_NESTED);
			}
		};
		MethodInterceptor retryOutermost = invocation -> {
			if (TransactionSynchronizationManager.isActualTransactionActive()
					|| !(invocation instanceof ProxyMethodInvocation proxied)) {
				return invocation.proceed();
			}
			// each attempt goes through the rest of the chain (the transaction advice included) afresh
			return retry.getObject().run(() -> proxied.invocableClone().proceed());
		};
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(opensTransaction, retryOutermost);
		// the transaction advice has the lowest precedence (innermost); this runs just outside it
		advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
		return advisor;
	}

}
