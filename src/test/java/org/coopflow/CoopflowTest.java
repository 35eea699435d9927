package org.coopflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.coopflow.workflow.ProcessTestCoverage;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a real port and its own fresh database (H2, or MariaDB with -Pmariadb),
 * with the demo data set and process test coverage ({@link ProcessTestCoverage}). Tests that use only this
 * annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// Boot switches metrics export off in tests; the security matrix needs /actuator/prometheus
@AutoConfigureObservability
@Import(ProcessTestCoverage.class)
public @interface CoopflowTest {

}
