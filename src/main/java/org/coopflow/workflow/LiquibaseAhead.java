package org.coopflow.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Runs Liquibase on a thread of its own from the moment coopflow's configuration is known, while the main
 * thread parses the configuration classes and creates the web server, instead of only when the first bean
 * needs the database. On a fresh database Liquibase is the largest part of coopflow's start-up that a bare
 * Camunda application does not have (Camunda's changelog from 7.16 on, coopflow's tables and reference
 * data), and on MySQL/MariaDB most of it is the server's work, so it overlaps well with the main thread's
 * (src/test/java/org/coopflow/operations/bench/README.md).
 * <p>
 * Liquibase runs exactly as before: Spring Boot's own {@link DataSourceAutoConfiguration} and
 * {@link LiquibaseAutoConfiguration} in a small context of their own, on the same properties, with the same
 * lock, changelog and contexts. Boot's {@code liquibase} bean in the application context then waits for that
 * run (where it used to run Liquibase itself) and does not run it again; so the engine and every bean that
 * depends on database initialisation still start only on the finished schema, and a failed update stops the
 * start-up with its own exception, as before. {@code spring.liquibase.enabled=false} switches both off, and
 * {@code coopflow.liquibase.ahead=false} only this (Liquibase then runs in the {@code liquibase} bean).
 * <p>
 * Registered in {@code META-INF/spring.factories}.
 */
class LiquibaseAhead implements ApplicationListener<ApplicationPreparedEvent> {

	private static final Logger log = LoggerFactory.getLogger(LiquibaseAhead.class);

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.getProperty("spring.liquibase.enabled", Boolean.class, true)
				|| !environment.getProperty("coopflow.liquibase.ahead", Boolean.class, true)) {
			return;
		}
		FutureTask<AnnotationConfigApplicationContext> update = new FutureTask<>(() -> update(environment));
		// not a daemon: a start-up that fails elsewhere still lets Liquibase finish and release its lock
		new Thread(update, "liquibase-ahead").start();
		AwaitUpdate await = new AwaitUpdate(update);
		context.getBeanFactory().addBeanPostProcessor(await);
		// closes the update's context when the application's closes, or fails, before its 'liquibase' bean did
		((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("liquibaseAhead", await);
	}

	/** Boot's data source and Liquibase configuration, alone, on a copy of the application's properties. */
	private static AnnotationConfigApplicationContext update(ConfigurableEnvironment application) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().stream().map(PropertySource::getName).toList().forEach(environment.getPropertySources()::remove);
		// one connection is all Liquibase uses; its own pool name keeps the application's pool "HikariPool-1"
		environment.getPropertySources()
			.addFirst(new MapPropertySource("liquibaseAhead", Map.of("spring.datasource.hikari.maximum-pool-size", "1",
					"spring.datasource.hikari.pool-name", "liquibase-ahead")));
		application.getPropertySources()
			.stream()
			.filter(source -> !"configurationProperties".equals(source.getName()))
			.forEach(environment.getPropertySources()::addLast);
		AnnotationConfigApplicationContext schema = new AnnotationConfigApplicationContext() {

			@Override
			protected void finishRefresh() {
				// nothing in it to start; and Spring's lifecycle processor would halt the JVM here under
				// -Dspring.context.exit=onRefresh, the Docker image's CDS training run, before the
				// application's own context has loaded the classes the archive is for
			}

		};
		schema.setEnvironment(environment);
		schema.register(SchemaUpdate.class);
		schema.refresh();
		return schema;
	}

	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, LiquibaseAutoConfiguration.class })
	static class SchemaUpdate {

	}

	/**
	 * Holds Boot's {@code liquibase} bean until the update ahead has finished, then lets it skip its own run.
	 * The application's data source opens its first connection before the update's context (and its
	 * connection) is closed, so that an in-memory H2 database outlives the update.
	 */
	private static final class AwaitUpdate implements BeanPostProcessor, DisposableBean {

		private final FutureTask<AnnotationConfigApplicationContext> update;

		private AwaitUpdate(FutureTask<AnnotationConfigApplicationContext> update) {
			this.update = update;
		}

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
			if (!(bean instanceof SpringLiquibase liquibase)) {
				return bean;
			}
			try (Connection first = liquibase.getDataSource().getConnection()) {
				// the application's pool opens now, and fills in the background while Liquibase finishes
			}
			catch (SQLException e) {
				throw new BeanCreationException(beanName, "the database does not answer", e);
			}
			try {
				update.get().close();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new BeanCreationException(beanName, "interrupted while Liquibase ran ahead", e);
			}
			catch (ExecutionException e) {
				throw new BeanCreationException(beanName, "Liquibase, run ahead, failed", e.getCause());
			}
			log.info("Liquibase ran ahead on its own thread; the '{}' bean does not run it again", beanName);
			liquibase.setShouldRun(false);
			return liquibase;
		}

		@Override
		public void destroy() throws Exception {
			try {
				update.get().close();
			}
			catch (ExecutionException failed) {
				// reported by the 'liquibase' bean, if the application got that far
			}
		}

	}

}
