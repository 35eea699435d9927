package org.coopflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;


import org.camunda.bpm.engine.TaskService;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.TestMailServer;
import org.coopflow.programmes.FundingProposalProcess;
import org.coopflow.programmes.TaskEscalated;
import org.coopflow.programmes.TaskReminderDue;
import org.coopflow.reference.Office;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The funding proposal's reminders reach people by mail: the officers of the office while nobody
 * holds the task, its assignee once someone does, and the office's coordinators on escalation.
 */
@CoopflowTest
class ProposalTaskMailsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	OutboxRelay relay;

	@Autowired
	TaskService tasks;

	private static List<String> recipientsOf(String subjectPart) {
		return Arrays.stream(TestMailServer.get().getReceivedMessages()).filter(message -> {
			try {
				return message.getSubject().contains(subjectPart);
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).map(ProposalTaskMailsTests::recipient).toList();
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void remindersGoToTheOfficeThenTheAssigneeAndEscalationsToTheCoordinators() {
		String title = "Reminded proposal " + UUID.randomUUID().toString().substring(0, 8);
		TestHttp api = TestHttp.api(port);
		long id = api.send("POST", "/api/programmes", "officerOhchr", "application/json",
				org.coopflow.programmes.ProgrammeFixtures.draft(title).toString())
			.json()
			.path("id")
			.asLong();
		assertThat(api.send("POST", "/api/programmes/" + id + "/submission", "officerOhchr", null, null).status())
			.isEqualTo(201);
		String taskId = tasks.createTaskQuery().processInstanceBusinessKey(FundingProposalProcess.businessKey(id)).singleResult().getId();

		transaction.executeWithoutResult(status -> events.publishEvent(new TaskReminderDue(id, taskId, null)));
		relay.relayPending();
		// the submitter cannot review their own proposal, so is not asked to
		assertThat(recipientsOf("Reminder: Review proposal - " + title)).containsExactly("reviewer.ohchr@example.org");

		transaction.executeWithoutResult(status -> events.publishEvent(new TaskEscalated(id, taskId, Office.OHCHR)));
		relay.relayPending();
		assertThat(recipientsOf("Escalated: Review proposal - " + title)).containsExactly("coordinator.ohchr@example.org");

		// a second reminder of the same task is the same event: not mailed again
		transaction.executeWithoutResult(status -> events.publishEvent(new TaskReminderDue(id, taskId, null)));
		relay.relayPending();
		assertThat(recipientsOf("Reminder: Review proposal - " + title)).hasSize(1);
	}

}
