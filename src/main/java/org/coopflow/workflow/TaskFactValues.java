package org.coopflow.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A fact as a typed variable value: text as a string, a select's options as serialized JSON, which
 * Tasklist's Camunda Forms parse for a {@code valuesKey} (it reads any value whose serialization format
 * is application/json). The options are never stored, so they need no serializer in the engine.
 */
final class TaskFactValues {

	private static final ObjectMapper JSON = new ObjectMapper();

	private TaskFactValues() {
	}

	record Options(List<Map<String, Object>> values) {
	}

	static Object options(Map<?, String> labelsByValue) {
		List<Map<String, Object>> values = new ArrayList<>();
		labelsByValue.forEach((value, label) -> {
			Map<String, Object> option = new LinkedHashMap<>();
			option.put("label", String.valueOf(label));
			option.put("value", value);
			values.add(option);
		});
		return new Options(List.copyOf(values));
	}

	static TypedValue typed(Object fact) {
		if (fact instanceof Options options) {
			try {
				return Variables.serializedObjectValue(JSON.writeValueAsString(options.values()))
					.serializationDataFormat(Variables.SerializationDataFormats.JSON)
					.objectTypeName("java.util.ArrayList")
					.create();
			}
			catch (JsonProcessingException e) {
				throw new IllegalStateException("Options cannot be written as JSON", e);
			}
		}
		if (fact instanceof TypedValue typed) {
			return typed;
		}
		return Variables.stringValue(fact == null ? "" : fact.toString());
	}

}
