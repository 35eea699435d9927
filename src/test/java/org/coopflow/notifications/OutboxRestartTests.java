package org.coopflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;

import org.coopflow.CoopflowApplication;
import org.coopflow.TestDatabase;
import org.coopflow.TestHttp;
import org.coopflow.TestMailServer;
import org.coopflow.pledges.PledgeEvents.PledgeAnnounced;
import org.coopflow.reference.Office;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox across a restart of coopflow on the same database, with the relay on its schedule: mail
 * queued by a change that committed just before coopflow stopped goes out once after the restart, and
 * so does mail an instance had claimed when it died, once its claim is stale. A mail the SMTP server
 * had already accepted when the instance died goes out a second time: the relay promises at least
 * once, not more (see {@link OutboxRelay}).
 */
@Tag("restarts")
class OutboxRestartTests {

	private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(15);

	private final TestDatabase database = TestDatabase.create();

	private long pledge;

	@BeforeEach
	void forgetEarlierMail() throws Exception {
		// every test's fresh database numbers its pledges from 1 again
		TestMailServer.get().purgeEmailFromAllMailboxes();
	}

	@AfterEach
	void dropDatabase() {
		database.drop();
	}

	/** @param pollInterval how often the relay runs; "PT1H" means not while the test looks */
	private ConfigurableApplicationContext start(String pollInterval) {
		Map<String, Object> properties = new HashMap<>(database.properties());
		properties.put("coopflow.test.fresh-database", "false");
		properties.put("server.port", "0");
		properties.put("coopflow.notifications.poll-interval", pollInterval);
		properties.put("coopflow.notifications.claim-timeout", CLAIM_TIMEOUT.toString());
		return new SpringApplicationBuilder(CoopflowApplication.class).run(TestDatabase.asArguments(properties));
	}

	/** A donor pledges through the API: the change commits, and with it the mail it queues. */
	private long announcePledge(ConfigurableApplicationContext coopflow) {
		TestHttp.Response created = TestHttp.api(coopflow.getEnvironment().getProperty("local.server.port", Integer.class))
			.sendWithHeaders("POST", "/api/pledges", "donorNorway", Map.of("Idempotency-Key", UUID.randomUUID().toString()),
					"application/json", "{\"amount\": \"250000\", \"currency\": \"USD\", \"office\": \"CPCJD\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	/** The same event once more, as a retried job would publish it. */
	private static void announceAgain(ConfigurableApplicationContext coopflow, long pledge) {
		coopflow.getBean(TransactionTemplate.class)
			.executeWithoutResult(status -> coopflow.publishEvent(new PledgeAnnounced(pledge, "NO", Office.CPCJD,
					"donorNorway")));
	}

	private List<String> recipientsOfMailAbout(long pledgeId) {
		return Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(message -> subject(message).matches("(?i).*\\bpledge " + pledgeId + "\\b.*"))
			.map(OutboxRestartTests::recipient)
			.toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static int unsent(JdbcClient jdbc, String eventKey) {
		return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE event_key = ? AND sent_at IS NULL")
			.param(eventKey)
			.query(Integer.class)
			.single();
	}

	@Test
	void mailQueuedJustBeforeAStopIsSentExactlyOnceAfterTheRestart() throws InterruptedException {
		try (ConfigurableApplicationContext coopflow = start("PT1H")) {
			pledge = announcePledge(coopflow);
			assertThat(unsent(coopflow.getBean(JdbcClient.class), "pledge-announced:" + pledge)).isEqualTo(3);
		}
		assertThat(recipientsOfMailAbout(pledge)).isEmpty();

		try (ConfigurableApplicationContext coopflow = start("PT0.2S")) {
			JdbcClient jdbc = coopflow.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> unsent(jdbc, "pledge-announced:" + pledge) == 0);
			// several more rounds of the relay find nothing left to send
			Thread.sleep(1000);
			// the same event again, as a retried job would publish it, queues nothing
			announceAgain(coopflow, pledge);
			Thread.sleep(1000);
		}

		assertThat(recipientsOfMailAbout(pledge)).containsExactlyInAnyOrder("donor.norway@example.org",
				"officer.cpcjd@example.org", "reviewer.cpcjd@example.org");
	}

	@Test
	void mailClaimedByAnInstanceThatDiedIsSentOnceItsClaimIsStale() {
		Instant claimedAt;
		try (ConfigurableApplicationContext coopflow = start("PT1H")) {
			pledge = announcePledge(coopflow);
			JdbcClient jdbc = coopflow.getBean(JdbcClient.class);
			// the dying instance had claimed the officers' mails and had already handed the donor's to
			// the SMTP server, but marked none of them sent
			claimedAt = Instant.now();
			jdbc.sql("UPDATE notification_outbox SET claimed_at = ? WHERE event_key = ?")
				.params(Timestamp.from(claimedAt), "pledge-announced:" + pledge)
				.update();
			GreenMailUtil.sendTextEmail("donor.norway@example.org", "coopflow@localhost",
					"Pledge " + pledge + " received", "sent just before the crash", TestMailServer.get().getSmtp().getServerSetup());
		}

		try (ConfigurableApplicationContext coopflow = start("PT0.2S")) {
			JdbcClient jdbc = coopflow.getBean(JdbcClient.class);
			await().atMost(CLAIM_TIMEOUT.plusSeconds(30)).until(() -> unsent(jdbc, "pledge-announced:" + pledge) == 0);
			// not before the claim went stale: the dead instance might still have been sending
			assertThat(jdbc.sql("SELECT MIN(sent_at) FROM notification_outbox WHERE event_key = ?")
				.param("pledge-announced:" + pledge)
				.query(Timestamp.class)
				.single()
				.toInstant()).isAfterOrEqualTo(claimedAt.plus(CLAIM_TIMEOUT).minusSeconds(1));
		}

		assertThat(recipientsOfMailAbout(pledge)).containsExactlyInAnyOrder("donor.norway@example.org",
				"donor.norway@example.org", "officer.cpcjd@example.org", "reviewer.cpcjd@example.org");
	}

}
