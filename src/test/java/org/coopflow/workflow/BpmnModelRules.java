package org.coopflow.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;

/**
 * coopflow's modelling rules, checked with the Camunda model API: the model parses, every process is
 * executable and has a history time to live, the file is named after the process, every task, event,
 * gateway, flow and everything they refer to (messages, errors, signals, escalations) has a meaningful
 * id rather than one a modeller generated, and every Camunda Form a user task names exists.
 */
final class BpmnModelRules {

	/** Camunda Modeler (Activity_0abc123), older modellers (UserTask_1, sid-...), builders (uuid suffix). */
	private static final List<Pattern> GENERATED_IDS = List.of(Pattern.compile("^[A-Za-z]+_(?=[0-9a-z]*\\d)[0-9a-z]{7}$"),
			Pattern.compile("^[A-Za-z]+_\\d+$"), Pattern.compile("^sid-.*"),
			Pattern.compile(".*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*"));

	private BpmnModelRules() {
	}

	static boolean looksGenerated(String id) {
		return id == null || GENERATED_IDS.stream().anyMatch(pattern -> pattern.matcher(id).matches());
	}

	static List<Path> files(Path root, String extension) throws IOException {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(path -> path.toString().endsWith(extension)).sorted().toList();
		}
	}

	static Set<String> formIds(List<Path> formFiles) throws IOException {
		ObjectMapper json = new ObjectMapper();
		Set<String> ids = new java.util.TreeSet<>();
		for (Path form : formFiles) {
			ids.add(json.readTree(form.toFile()).path("id").asText());
		}
		return ids;
	}

	private static boolean hasCompleteListener(UserTask task) {
		return task.getExtensionElements() != null && task.getExtensionElements()
			.getElementsQuery()
			.filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class)
			.list()
			.stream()
			.anyMatch(listener -> "complete".equals(listener.getCamundaEvent()));
	}

	private static boolean recordsItsAnswers(UserTask task) {
		return task.getExtensionElements() != null && task.getExtensionElements()
			.getElementsQuery()
			.filterByType(CamundaProperties.class)
			.list()
			.stream()
			.flatMap(properties -> properties.getCamundaProperties().stream())
			.anyMatch(property -> TaskAnswers.ANSWERS.equals(property.getCamundaName())
					&& TaskAnswers.RECORDED.equals(property.getCamundaValue()));
	}

	/**
	 * Answers held for the completion's transaction only must reach the step that records them in that
	 * transaction: the task's own complete listener, or one flow, straight to a service task, nothing
	 * asynchronous on the way.
	 */
	private static List<String> recordStepViolations(UserTask task) {
		String what = "user task " + task.getId() + " has its answers recorded (answers=recorded) but ";
		if (hasCompleteListener(task)) {
			// it records them itself, as the completion runs (the overlap reviews keep each proposal with the alert)
			return List.of();
		}
		if (task.isCamundaAsyncAfter()) {
			return List.of(what + "continues asynchronously after it");
		}
		// by the flows' sourceRef, which is what the engine follows, not the task's optional <outgoing> list
		List<SequenceFlow> outgoing = task.getModelInstance()
			.getModelElementsByType(SequenceFlow.class)
			.stream()
			.filter(flow -> flow.getSource() == task)
			.toList();
		if (outgoing.size() != 1) {
			return List.of(what + "has " + outgoing.size() + " outgoing flows, not one to its record step");
		}
		FlowNode next = outgoing.get(0).getTarget();
		if (!(next instanceof ServiceTask service)) {
			return List.of(what + "is followed by " + next.getId() + ", not a service task recording them");
		}
		if (service.isCamundaAsyncBefore()) {
			return List.of(what + "its record step " + service.getId() + " starts asynchronously");
		}
		return List.of();
	}

	static List<String> violations(Path file, Set<String> knownFormIds) {
		List<String> violations = new ArrayList<>();
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromFile(file.toFile());
		}
		catch (RuntimeException e) {
			return List.of("does not parse: " + e.getMessage());
		}
		Collection<Process> processes = model.getModelElementsByType(Process.class);
		if (processes.isEmpty()) {
			violations.add("has no process");
		}
		String fileName = file.getFileName().toString().replaceFirst("\\.bpmn$", "");
		for (Process process : processes) {
			if (!process.isExecutable()) {
				violations.add("process " + process.getId() + " is not executable");
			}
			if (process.getCamundaHistoryTimeToLiveString() == null
					|| process.getCamundaHistoryTimeToLiveString().isBlank()) {
				violations.add("process " + process.getId() + " has no camunda:historyTimeToLive");
			}
			// every process is started by coopflow from its record; Tasklist's "Start process" would start
			// one without a record behind it
			if (process.isCamundaStartableInTasklist()) {
				violations.add("process " + process.getId() + " is startable in Tasklist (camunda:isStartableInTasklist=\"false\")");
			}
		}
		if (processes.size() == 1 && !processes.iterator().next().getId().equals(fileName)) {
			violations.add("file name " + fileName + " differs from process id " + processes.iterator().next().getId());
		}
		for (Class<? extends BaseElement> type : List.of(Process.class, FlowNode.class, SequenceFlow.class, Message.class,
				Error.class, Signal.class, Escalation.class)) {
			for (BaseElement element : model.getModelElementsByType(type)) {
				if (looksGenerated(element.getId())) {
					violations.add(element.getElementType().getTypeName() + " has a generated id: " + element.getId());
				}
			}
		}
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			String formRef = task.getCamundaFormRef();
			if (formRef != null && !knownFormIds.contains(formRef)) {
				violations.add("user task " + task.getId() + " names the form " + formRef + ", which no .form file defines");
			}
			if (recordsItsAnswers(task)) {
				violations.addAll(recordStepViolations(task));
			}
		}
		return violations;
	}

}
