package org.coopflow.operations.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The bare Camunda application StartupBenchmark starts beside coopflow: nothing but what Boot's
 * auto-configuration makes of Camunda's starter with engine-rest (no webapps) and the JDBC drivers
 * (src/test/bench/bare-camunda/pom.xml). The benchmark runs it in a JVM of its own on that classpath.
 * <p>
 * Deliberately not a {@code @SpringBootApplication} (nor any {@code @Configuration}): in the test
 * classpath a configuration class under {@code org.coopflow} would be found by coopflow's component scan
 * and by {@code @SpringBootTest}'s search for the application.
 */
@EnableAutoConfiguration
public class BareCamunda {

	public static void main(String[] args) {
		SpringApplication.run(BareCamunda.class, args);
	}

}
