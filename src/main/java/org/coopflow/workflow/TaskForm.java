package org.coopflow.workflow;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a Camunda Form (bpmn/forms/*.form) lets a completion send: the variables of its editable
 * fields (the answers) and those of its readonly or disabled fields (facts it only shows, which Tasklist
 * sends back unchanged). A field's variable is the first segment of its key, or of the path of the
 * group or dynamic list it sits in.
 */
record TaskForm(Set<String> answers, Set<String> shown) {

	/** A task without a Camunda Form asks nothing. */
	static final TaskForm NONE = new TaskForm(Set.of(), Set.of());

	private static final ObjectMapper JSON = new ObjectMapper();

	static TaskForm parse(byte[] schema, String resourceName) {
		JsonNode root;
		try {
			root = JSON.readTree(schema);
		}
		catch (IOException e) {
			throw new IllegalStateException("The form " + resourceName + " is not valid JSON", e);
		}
		Set<String> answers = new HashSet<>();
		Set<String> shown = new HashSet<>();
		walk(root.path("components"), null, false, answers, shown);
		shown.removeAll(answers);
		return new TaskForm(Set.copyOf(answers), Set.copyOf(shown));
	}

	boolean asks(String variable) {
		return answers.contains(variable);
	}

	boolean shows(String variable) {
		return shown.contains(variable);
	}

	private static void walk(JsonNode components, String outer, boolean readonlyAbove, Set<String> answers,
			Set<String> shown) {
		for (JsonNode component : components) {
			// readonly may also be a FEEL expression ("=..."): only a literal true makes a field a shown fact
			boolean readonly = readonlyAbove || component.path("readonly").asBoolean(false)
					|| component.path("disabled").asBoolean(false);
			String key = text(component, "key");
			if (key != null) {
				(readonly ? shown : answers).add(outer != null ? outer : firstSegment(key));
			}
			if (component.has("components")) {
				String path = text(component, "path");
				String inner = outer != null ? outer : path != null ? firstSegment(path) : null;
				walk(component.get("components"), inner, readonly, answers, shown);
			}
		}
	}

	private static String text(JsonNode component, String field) {
		String value = component.path(field).asText("");
		return value.isBlank() ? null : value;
	}

	private static String firstSegment(String path) {
		int dot = path.indexOf('.');
		return dot < 0 ? path : path.substring(0, dot);
	}

}
