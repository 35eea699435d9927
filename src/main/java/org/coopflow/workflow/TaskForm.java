package org.coopflow.workflow;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a Camunda Form (bpmn/forms/*.form) lets a completion send: the variables of its editable
 * fields (the answers) and those of its readonly or disabled fields (facts it only shows, which Tasklist
 * sends back unchanged). A field's variable is the first segment of its key, or of the path of the
 * group or dynamic list it sits in.
 */
record TaskForm(Set<String> answers, Set<String> shown, Map<String, String> labels) {

	/** A task without a Camunda Form asks nothing. */
	static final TaskForm NONE = new TaskForm(Set.of(), Set.of(), Map.of());

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
		Map<String, String> labels = new HashMap<>();
		walk(root.path("components"), null, false, answers, shown, labels);
		shown.removeAll(answers);
		return new TaskForm(Set.copyOf(answers), Set.copyOf(shown), Map.copyOf(labels));
	}

	/**
	 * A variable as the person filling in the form knows it, with the name an API client sends it by:
	 * "Note (verificationNote)"; the name alone when the form gives it no label.
	 */
	String named(String variable) {
		String label = labels.get(variable);
		return label == null ? variable : label + " (" + variable + ")";
	}

	boolean asks(String variable) {
		return answers.contains(variable);
	}

	boolean shows(String variable) {
		return shown.contains(variable);
	}

	private static void walk(JsonNode components, String outer, boolean readonlyAbove, Set<String> answers,
			Set<String> shown, Map<String, String> labels) {
		for (JsonNode component : components) {
			// readonly may also be a FEEL expression ("=..."): only a literal true makes a field a shown fact
			boolean readonly = readonlyAbove || component.path("readonly").asBoolean(false)
					|| component.path("disabled").asBoolean(false);
			String key = text(component, "key");
			if (key != null) {
				String variable = outer != null ? outer : firstSegment(key);
				(readonly ? shown : answers).add(variable);
				String label = text(component, "label");
				// a dotted key is one part of its variable: its label is not the variable's
				if (outer == null && label != null && key.indexOf('.') < 0) {
					labels.putIfAbsent(variable, label);
				}
			}
			if (component.has("components")) {
				String path = text(component, "path");
				String inner = outer != null ? outer : path != null ? firstSegment(path) : null;
				walk(component.get("components"), inner, readonly, answers, shown, labels);
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
