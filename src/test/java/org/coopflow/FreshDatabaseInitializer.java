package org.coopflow;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context its own fresh database (see {@link TestDatabase}). Registered for all tests in {@code META-INF/spring.factories}; a test that
 * starts coopflow itself on a database of its choosing sets {@code coopflow.test.fresh-database=false}.
 */
public class FreshDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (!context.getEnvironment().getProperty("coopflow.test.fresh-database", Boolean.class, true)) {
			return;
		}
		TestDatabase database = TestDatabase.create();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("freshTestDatabase", database.properties()));
		database.dropWhenTestsEnd();
	}

}
