package org.coopflow.workflow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.core.model.PropertyKey;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * A task accepts only its own answers. On completion, every variable sent must be one the task's
 * Camunda Form asks for; a fact the task shows (one of its process's {@link TaskFacts}, a variable a
 * create listener set on the task, or a readonly field of its form) may come back only as it is now,
 * and then is not written anywhere: the record decides. A fact that changed while the form was open
 * refuses the completion too, so that nobody decides on facts that no longer hold. Anything
 * else refuses the completion before it changes anything. Refusals, these and those of the listeners
 * and delegates the completion runs, leave as {@link TaskCompletionRefused} with the human message.
 */
class TaskAnswers {

	private static final Logger log = LoggerFactory.getLogger(TaskAnswers.class);

	static final String ANSWERS = "answers";

	static final String RECORDED = "recorded";

	/** Camunda reads a user task's extension properties into nothing the engine keeps: this keeps the one above. */
	private static final PropertyKey<Boolean> RECORDS_ANSWERS = new PropertyKey<>("coopflow.recordsAnswers");

	/** By form definition id: a deployed form never changes, a new version is a new definition. */
	private final Map<String, TaskForm> forms = new ConcurrentHashMap<>();

	private final FreshFacts facts;

	TaskAnswers(FreshFacts facts) {
		this.facts = facts;
	}

	/** The completion, run on the variables the task accepts, with its refusals made plain. */
	<T> Command<T> only(String taskId, Map<String, Object> variables,
			BiFunction<String, Map<String, Object>, Command<T>> completion) {
		return context -> {
			requireTask(context, taskId);
			Map<String, Object> accepted = accept(context, taskId, variables);
			try {
				return completion.apply(taskId, accepted).execute(context);
			}
			catch (RuntimeException e) {
				throw refusalOr(context, taskId, e, () -> formOf(context, context.getTaskManager().findTaskById(taskId)));
			}
		};
	}

	/** A command on a task that takes no answers (claiming, assigning), with its refusals made plain. */
	<T> Command<T> plain(String taskId, Command<T> command) {
		return context -> {
			requireTask(context, taskId);
			try {
				return command.execute(context);
			}
			catch (RuntimeException e) {
				throw refusalOr(context, taskId, e, () -> TaskForm.NONE);
			}
		};
	}

	/** A task that was there when the list was read may be gone by now (a colleague completed it). */
	private static void requireTask(CommandContext context, String taskId) {
		// no id at all is the command's own error to report
		if (taskId != null && context.getTaskManager().findTaskById(taskId) == null) {
			throw new TaskGone(taskId);
		}
	}

	private Map<String, Object> accept(CommandContext context, String taskId, Map<String, Object> variables) {
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null || variables == null || variables.isEmpty()) {
			return variables;
		}
		TaskForm form = formOf(context, task);
		VariableMap sent = Variables.fromMap(variables);
		Map<String, Object> accepted = new LinkedHashMap<>();
		List<InvalidField> refused = new ArrayList<>();
		// the record is read only when a fact comes back (Tasklist sends them; an API client may send only
		// the answers): reading it costs a completion several queries
		Set<String> factNames = facts.names(context, task);
		Map<String, Object> now = null;
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			String name = variable.getKey();
			boolean fact = factNames.contains(name);
			if (fact && now == null) {
				now = facts.of(context, task);
			}
			if (fact || task.hasVariableLocal(name) || form.shows(name)) {
				Object shown = fact ? now.get(name) : task.getVariable(name);
				if (!same(shown, sent.getValueTyped(name))) {
					refused.add(new InvalidField(name, "is shown by \"" + task.getName()
							+ "\" and cannot be changed (if the form was open while the record changed, open it again)"));
				}
			}
			else if (form.asks(name)) {
				accepted.put(name, variable.getValue());
			}
			else {
				refused.add(new InvalidField(name, "is not a field of the form of \"" + task.getName() + "\""));
			}
		}
		if (!refused.isEmpty()) {
			// who may not work the task hears that first, not what the form would have refused; an accepted
			// completion is checked once, by the engine's own command, rather than twice
			for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
				checker.checkTaskWork(task);
			}
			InvalidInputException invalid = new InvalidInputException(refused);
			log.info("Completion of task {} ({}) by {} refused: {}", taskId, task.getName(),
					context.getAuthenticatedUserId(), invalid.getMessage());
			throw new TaskCompletionRefused(inWords(invalid, form), invalid);
		}
		if (recordsItsAnswers(task)) {
			accepted.replaceAll((name, value) -> ProcessVariable.forThisStep(task, name, value));
		}
		return accepted;
	}

	/**
	 * A user task whose BPMN says {@code <camunda:property name="answers" value="recorded" />}: the step right
	 * after it records its answers on the process's record, which keeps them, so the engine holds them for the
	 * completion's transaction only; storing them too cost every completion three inserts (the variables, their
	 * history, its detail) for a second copy that nothing reads (issue 18).
	 */
	static boolean recordsItsAnswers(TaskEntity task) {
		ExecutionEntity execution = task.getExecution();
		return execution != null && execution.getActivity() != null
				&& Boolean.TRUE.equals(execution.getActivity().getProperty(RECORDS_ANSWERS.getName()));
	}

	/** Marks, when its model is parsed, a user task whose answers the step after it records. */
	static void parsed(Element userTask, ActivityImpl activity) {
		Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(userTask);
		if (properties != null && RECORDED.equals(properties.get(ANSWERS))) {
			activity.getProperties().set(RECORDS_ANSWERS, true);
		}
	}

	private TaskForm formOf(CommandContext context, TaskEntity task) {
		task.initializeFormKey();
		CamundaFormRef reference = task.getCamundaFormRef();
		if (reference == null) {
			return TaskForm.NONE;
		}
		String deploymentId = task.getProcessDefinitionId() == null ? null
				: context.getProcessEngineConfiguration()
					.getDeploymentCache()
					.findDeployedProcessDefinitionById(task.getProcessDefinitionId())
					.getDeploymentId();
		// the same resolution (binding latest, deployment or version) as Tasklist's deployed-form
		CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(reference, deploymentId).execute(context);
		if (definition == null) {
			throw new ProcessEngineException("The form '" + reference.getKey() + "' of task " + task.getId()
					+ " is not deployed");
		}
		return forms.computeIfAbsent(definition.getId(), id -> {
			ResourceEntity resource = context.getResourceManager()
				.findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
			return TaskForm.parse(resource.getBytes(), definition.getResourceName());
		});
	}

	/** Tasklist sends an empty text for a fact that has no value, and a number may come as another type. */
	private static boolean same(Object current, TypedValue sent) {
		if (sent instanceof ObjectValue object && !object.isDeserialized()) {
			return false;
		}
		Object value = sent == null ? null : sent.getValue();
		if (blank(current) && blank(value)) {
			return true;
		}
		if (current instanceof Number a && value instanceof Number b) {
			return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
		}
		return Objects.equals(current, value);
	}

	private static boolean blank(Object value) {
		return value == null || "".equals(value);
	}

	/**
	 * Camunda wraps what a task listener throws in a ProcessEngineException (ENGINE-03051), which
	 * engine-rest answers with 500 and the engine logs as an error with its stack trace; a business
	 * refusal anywhere in the cause chain is the answer instead.
	 */
	private static RuntimeException refusalOr(CommandContext context, String taskId, RuntimeException e,
			Supplier<TaskForm> form) {
		if (e instanceof TaskCompletionRefused) {
			return e;
		}
		for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof AuthorizationException denied) {
				return denied;
			}
			if (isRefusal(cause)) {
				log.info("Task {} refused {}: {}", taskId, context.getAuthenticatedUserId(),
						cause.getMessage());
				return new TaskCompletionRefused(cause instanceof InvalidInputException invalid
						? inWords(invalid, formOrNone(form)) : cause.getMessage(), cause);
			}
		}
		return e;
	}

	/**
	 * A refusal as Tasklist shows it: each field by its label on the form, with the variable an API client
	 * sends ("Note (verificationNote): say why ..."), instead of the variable alone.
	 */
	static String inWords(InvalidInputException invalid, TaskForm form) {
		return invalid.errors()
			.stream()
			.map(error -> form.named(error.field()) + ": " + error.reason())
			.collect(Collectors.joining("; "));
	}

	/** The form of a task whose completion failed: without it the refusal names the variables alone. */
	private static TaskForm formOrNone(Supplier<TaskForm> form) {
		try {
			TaskForm found = form.get();
			return found == null ? TaskForm.NONE : found;
		}
		catch (RuntimeException e) {
			return TaskForm.NONE;
		}
	}

	private static boolean isRefusal(Throwable e) {
		return e instanceof BadUserRequestException || e instanceof InvalidInputException
				|| e instanceof ConflictException || e instanceof NotFoundException
				|| e instanceof AccessDeniedException;
	}

}
