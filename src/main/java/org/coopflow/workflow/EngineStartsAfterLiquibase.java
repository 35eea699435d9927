package org.coopflow.workflow;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * With its own schema update switched off, the Camunda engine must not be built before Liquibase has
 * created its tables, or it stops with ENGINE-03057 "There are no Camunda tables in the database".
 * Spring Boot makes every bean this detector names wait for all database initializers, Liquibase
 * among them. Registered in {@code META-INF/spring.factories}.
 */
class EngineStartsAfterLiquibase extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

	@Override
	protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
		return Set.of(ProcessEngineFactoryBean.class, ProcessEngine.class);
	}

}
