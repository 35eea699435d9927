package org.coopflow.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * A process test class of the whole application: the process test coverage library records what the engine
 * does while the class runs, and fails the class unless its tests together passed every element and flow
 * of the named process. Other processes the tests drive on the way are not counted. See
 * {@link ProcessTestCoverage}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestExecutionListeners(listeners = ProcessTestCoverage.Listener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface CoversProcess {

	/** The key of the process. */
	String value();

}
