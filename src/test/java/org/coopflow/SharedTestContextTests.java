package org.coopflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.util.ClassUtils;

/**
 * Every {@link CoopflowTest} that changes the application context (its own beans, properties or mocks)
 * gets a context of its own, and a second coopflow context in one JVM takes over Camunda's static engine
 * registry: engine-rest and Camunda's webapps of the shared context then answer from the other test's
 * database (seen twice: tasks "not found" in tests that ran afterwards). Such a test must run in the JVM
 * of the restart tests, tagged {@code restarts}.
 */
class SharedTestContextTests {

	@Test
	void everyTestWithAContextOfItsOwnRunsInTheJvmOfTheRestartTests() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(CoopflowTest.class));
		List<String> shared = new ArrayList<>();
		List<String> ownContext = new ArrayList<>();
		for (var candidate : scanner.findCandidateComponents("org.coopflow")) {
			Class<?> test = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
			if (tagged(test, "restarts") || tagged(test, "benchmark")) {
				continue;
			}
			shared.add(test.getSimpleName());
			if (changesTheContext(test)) {
				ownContext.add(test.getName());
			}
		}
		// the scan finds the suite's tests (guards against a scan that finds nothing and passes)
		assertThat(shared).hasSizeGreaterThan(50);
		assertThat(ownContext).as("tests in the shared JVM that make an application context of their own").isEmpty();
	}

	private static boolean tagged(Class<?> test, String tag) {
		return AnnotatedElementUtils.findMergedRepeatableAnnotations(test, Tag.class)
			.stream()
			.anyMatch(t -> t.value().equals(tag));
	}

	private static boolean changesTheContext(Class<?> test) {
		// @CoopflowTest itself imports the process coverage: only what the test adds counts
		boolean imports = Arrays.stream(test.getDeclaredAnnotations()).anyMatch(a -> a instanceof Import);
		if (imports || test.isAnnotationPresent(TestPropertySource.class)) {
			return true;
		}
		for (Class<?> type = test; type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (field.isAnnotationPresent(MockitoBean.class) || field.isAnnotationPresent(MockitoSpyBean.class)) {
					return true;
				}
			}
			if (Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(DynamicPropertySource.class))) {
				return true;
			}
		}
		return false;
	}

}
