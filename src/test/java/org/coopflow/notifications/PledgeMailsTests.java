package org.coopflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;


import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.TestMailServer;
import org.coopflow.pledges.PledgeEvents.AgreementRecorded;
import org.coopflow.pledges.PledgeEvents.FundsAllocated;
import org.coopflow.pledges.PledgeEvents.InstalmentReminderDue;
import org.coopflow.pledges.PledgeEvents.PaymentDecided;
import org.coopflow.pledges.PledgeEvents.PaymentReported;
import org.coopflow.pledges.PledgeEvents.PledgeAnnounced;
import org.coopflow.pledges.PledgeEvents.PledgeClosed;
import org.coopflow.pledges.PledgeStatus;
import org.coopflow.pledges.PledgeFixtures;
import org.coopflow.programmes.ProgrammeFixtures;
import org.coopflow.programmes.ProgrammeFunded;
import org.coopflow.reference.Office;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pledge events reach the people they concern, through the outbox and a real SMTP server (GreenMail):
 * the donors of the pledge's own Member State and the officers of its office, never anyone else; a
 * rolled-back change mails nothing, and an event published twice is mailed once.
 */
@CoopflowTest
class PledgeMailsTests {

	private static final String NORWAY = "donor.norway@example.org";

	private static final String JAPAN = "donor.japan@example.org";

	private static final List<String> CPCJD_OFFICERS = List.of("officer.cpcjd@example.org", "reviewer.cpcjd@example.org");

	private static final List<String> OHCHR_OFFICERS = List.of("officer.ohchr@example.org", "reviewer.ohchr@example.org");

	/** Payment ids no pledge has: the mail must do without the payment's details. */
	private static final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	OutboxRelay relay;

	@Autowired
	JdbcClient jdbc;

	record Mail(String recipient, String subject, String body) {
	}

	@BeforeEach
	void forgetEarlierMail() throws Exception {
		// pledge numbers repeat across test contexts (each has its own database), the mail server does not
		TestMailServer.get().purgeEmailFromAllMailboxes();
	}

	private void publish(Object event) {
		transaction.executeWithoutResult(status -> events.publishEvent(event));
		relay.relayPending();
	}

	/** Every mail received whose subject or body names this pledge by its number. */
	private static List<Mail> mailsAbout(long pledgeId) {
		Pattern mention = Pattern.compile("\\bpledge " + pledgeId + "\\b", Pattern.CASE_INSENSITIVE);
		return Arrays.stream(TestMailServer.get().getReceivedMessages())
			.map(PledgeMailsTests::mail)
			.filter(mail -> mention.matcher(mail.subject()).find() || mention.matcher(mail.body()).find())
			.toList();
	}

	private static Mail mail(MimeMessage message) {
		try {
			return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(),
					String.valueOf(message.getContent()));
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<String> recipients(List<Mail> mails) {
		return mails.stream().map(Mail::recipient).toList();
	}

	@Test
	void followsAPledgeThroughTheApiToAPaymentTheOfficeDidNotFind() {
		TestHttp api = TestHttp.api(port);
		TestHttp.Response announced = api.sendWithHeaders("POST", "/api/pledges", "donorNorway",
				Map.of("Idempotency-Key", UUID.randomUUID().toString()), "application/json",
				"{\"amount\": \"1000000\", \"currency\": \"USD\", \"office\": \"CPCJD\"}");
		assertThat(announced.status()).as(announced.body()).isEqualTo(201);
		long pledge = announced.json().path("id").asLong();
		step(api, "PUT", "/api/pledges/" + pledge + "/verification", "officerCpcjd", "{\"verified\": true}", 200);
		step(api, "PUT", "/api/pledges/" + pledge + "/agreement", "officerCpcjd",
				"{\"agreementDate\": \"" + today() + "\", \"agreementReference\": \"CPCJD/" + pledge + "\"}", 200);
		TestHttp.Response paid = step(api, "POST", "/api/pledges/" + pledge + "/payments", "donorNorway",
				"{\"amount\": \"400000\", \"paidOn\": \"" + today() + "\", \"reference\": \"SWIFT-4711\"}", 201);
		long payment = paid.json().path("payments").get(0).path("id").asLong();
		step(api, "PUT", "/api/pledges/" + pledge + "/payments/" + payment + "/receipt", "officerCpcjd",
				"{\"received\": false, \"note\": \"Nothing arrived on the UNOG account by 28 November.\"}", 200);
		relay.relayPending();

		List<Mail> mails = mailsAbout(pledge);
		assertThat(mails).filteredOn(mail -> mail.recipient().equals(NORWAY))
			.extracting(Mail::subject)
			.containsExactlyInAnyOrder("Pledge " + pledge + " received", "Agreement recorded for pledge " + pledge,
					"Payment for pledge " + pledge + " not found");
		assertThat(mails).filteredOn(mail -> mail.subject().endsWith("not found"))
			.singleElement()
			.satisfies(mail -> assertThat(mail.body()).contains("USD 400,000")
				.contains("The office notes: Nothing arrived on the UNOG account by 28 November."));
		assertThat(mails).filteredOn(mail -> mail.subject().startsWith("Confirm receipt"))
			.extracting(Mail::recipient)
			.containsExactlyInAnyOrderElementsOf(CPCJD_OFFICERS);
		assertThat(mails).filteredOn(mail -> mail.subject().startsWith("Confirm receipt"))
			.allSatisfy(mail -> assertThat(mail.body()).contains("a transfer of USD 400,000, paid on ")
				.contains("with the reference SWIFT-4711"));
		assertThat(recipients(mails)).doesNotContain(JAPAN).doesNotContainAnyElementsOf(OHCHR_OFFICERS);
	}

	private static TestHttp.Response step(TestHttp api, String method, String path, String user, String body,
			int expected) {
		TestHttp.Response response = api.send(method, path, user, "application/json", body);
		assertThat(response.status()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return response;
	}

	@Test
	void acknowledgesAnAnnouncedPledgeToItsDonorsAndAsksTheOfficeToVerifyIt() {
		long pledge = pledge("donorNorway", "CPCJD", "1000000");

		publish(new PledgeAnnounced(pledge, "NO", Office.CPCJD, "donorNorway"));

		List<Mail> mails = mailsAbout(pledge);
		assertThat(recipients(mails)).containsExactlyInAnyOrder(NORWAY, CPCJD_OFFICERS.get(0), CPCJD_OFFICERS.get(1));
		Mail donor = mails.stream().filter(mail -> mail.recipient().equals(NORWAY)).findFirst().orElseThrow();
		assertThat(donor.subject()).isEqualTo("Pledge " + pledge + " received");
		assertThat(donor.body()).contains("Pledge " + pledge + " of Norway (NO), USD 1,000,000,")
			.contains("Crime Prevention and Criminal Justice Division")
			.contains("My pledges");
		assertThat(mails).filteredOn(mail -> CPCJD_OFFICERS.contains(mail.recipient()))
			.allSatisfy(mail -> {
				assertThat(mail.subject()).isEqualTo("New pledge to verify: pledge " + pledge + " (Norway (NO))");
				assertThat(mail.body()).contains("Verify pledge").contains("Ingrid Ødegård (Norway)").contains("USD 1,000,000");
			});
	}

	@Test
	void tellsTheDonorsWhenTheAgreementIsRecorded() {
		long pledge = pledge("donorJapan", "OHCHR", "5000000");

		publish(new AgreementRecorded(pledge, "JP", Office.OHCHR, LocalDate.of(2026, 12, 3)));

		List<Mail> mails = mailsAbout(pledge);
		assertThat(recipients(mails)).containsExactly(JAPAN);
		assertThat(mails.get(0).subject()).isEqualTo("Agreement recorded for pledge " + pledge);
		assertThat(mails.get(0).body()).contains("USD 5,000,000, signed on 3 December 2026")
			.contains("Office of the United Nations High Commissioner for Human Rights")
			.contains("committed");
	}

	@Test
	void remindsTheDonorsBeforeAnInstalmentFallsDueAndTheOfficeTooOnceItIsOverdue() {
		long pledge = pledge("donorNorway", "CPCJD", "1000000");
		LocalDate due = LocalDate.of(2027, 3, 31);

		publish(new InstalmentReminderDue(pledge, "NO", Office.CPCJD, 2, due, new BigDecimal("500000.000"), "USD", false));

		List<Mail> soon = mailsAbout(pledge);
		assertThat(recipients(soon)).containsExactly(NORWAY);
		assertThat(soon.get(0).subject()).isEqualTo("Instalment 2 of pledge " + pledge + " due on 31 March 2027");
		assertThat(soon.get(0).body()).contains("USD 500,000").contains("falls due on 31 March 2027");

		// the reminder after the due date is another event than the one before it: both are mailed
		publish(new InstalmentReminderDue(pledge, "NO", Office.CPCJD, 2, due, new BigDecimal("500000.000"), "USD", true));

		List<Mail> overdue = mailsAbout(pledge).stream().filter(mail -> mail.subject().toLowerCase(java.util.Locale.ROOT).contains("overdue")).toList();
		assertThat(recipients(overdue)).containsExactlyInAnyOrder(NORWAY, CPCJD_OFFICERS.get(0), CPCJD_OFFICERS.get(1));
		assertThat(overdue).allSatisfy(mail -> assertThat(mail.body()).contains("USD 500,000")
			.contains("was due on 31 March 2027"));
		assertThat(overdue).filteredOn(mail -> mail.recipient().equals(NORWAY))
			.singleElement()
			.satisfies(mail -> assertThat(mail.subject()).isEqualTo("Instalment 2 of pledge " + pledge + " is overdue"));
		assertThat(overdue).filteredOn(mail -> CPCJD_OFFICERS.contains(mail.recipient()))
			.allSatisfy(mail -> assertThat(mail.subject())
				.isEqualTo("Overdue: instalment 2 of pledge " + pledge + " (Norway (NO))"));
	}

	@Test
	void asksTheOfficeToConfirmReceiptOfAReportedPayment() {
		long pledge = pledge("donorJapan", "OHCHR", "5000000");
		long payment = ids.incrementAndGet();

		publish(new PaymentReported(pledge, "JP", Office.OHCHR, payment));

		List<Mail> mails = mailsAbout(pledge);
		assertThat(recipients(mails)).containsExactlyInAnyOrderElementsOf(OHCHR_OFFICERS);
		assertThat(mails).allSatisfy(mail -> {
			assertThat(mail.subject())
				.isEqualTo("Confirm receipt: payment " + payment + " for pledge " + pledge + " (Japan (JP))");
			assertThat(mail.body()).contains("Confirm receipt");
		});
	}

	@Test
	void tellsTheDonorsWhetherAPaymentArrived() {
		long pledge = pledge("donorJapan", "OHCHR", "7500000");
		long confirmed = ids.incrementAndGet();
		long notFound = ids.incrementAndGet();

		publish(new PaymentDecided(pledge, "JP", Office.OHCHR, confirmed, true, new BigDecimal("5000000.00"), "USD",
				PledgeStatus.PARTIALLY_PAID));
		publish(new PaymentDecided(pledge, "JP", Office.OHCHR, notFound, false, new BigDecimal("2500000.00"), "USD",
				PledgeStatus.PARTIALLY_PAID));

		List<Mail> mails = mailsAbout(pledge);
		assertThat(recipients(mails)).containsExactly(JAPAN, JAPAN);
		assertThat(mails).filteredOn(mail -> mail.subject().equals("Payment received for pledge " + pledge))
			.singleElement()
			.satisfies(mail -> assertThat(mail.body()).contains("confirms receipt of USD 5,000,000 for pledge " + pledge)
				.contains("partially paid"));
		assertThat(mails).filteredOn(mail -> mail.subject().equals("Payment for pledge " + pledge + " not found"))
			.singleElement()
			.satisfies(mail -> assertThat(mail.body()).contains("USD 2,500,000")
				.contains("payment " + notFound)
				.contains("report it again"));
	}

	@Test
	void tellsTheDonorsWhichProgrammeTheirFundsWereAllocatedTo() {
		long pledge = pledge("donorNorway", "CPCJD", "250000");
		String title = "Allocated programme " + UUID.randomUUID().toString().substring(0, 8);
		long programme = createProgramme("officerCpcjd", title);

		publish(new FundsAllocated(pledge, "NO", Office.CPCJD, programme));

		List<Mail> mails = mailsAbout(pledge);
		assertThat(recipients(mails)).containsExactly(NORWAY);
		assertThat(mails.get(0).subject()).isEqualTo("Pledge " + pledge + " allocated to \"" + title + "\"");
		assertThat(mails.get(0).body()).contains("pledge " + pledge + ", USD 250,000,").contains("programme " + programme);
	}

	@Test
	void tellsDonorsAndOfficeWhenAPledgeIsClosedAndWhy() {
		long cancelled = pledge("donorNorway", "OHCHR", "1000000");
		long lapsed = pledge("donorJapan", "CPCJD", "5000000");

		publish(new PledgeClosed(cancelled, "NO", Office.OHCHR, PledgeStatus.CANCELLED,
				"The programme it was earmarked for was cancelled."));
		publish(new PledgeClosed(lapsed, "JP", Office.CPCJD, PledgeStatus.LAPSED, null));

		List<Mail> mails = mailsAbout(cancelled);
		assertThat(recipients(mails)).containsExactlyInAnyOrder(NORWAY, OHCHR_OFFICERS.get(0), OHCHR_OFFICERS.get(1));
		assertThat(mails).allSatisfy(mail -> assertThat(mail.body()).contains("has been cancelled")
			.contains("Reason: The programme it was earmarked for was cancelled."));
		assertThat(mails).filteredOn(mail -> mail.recipient().equals(NORWAY))
			.singleElement()
			.satisfies(mail -> assertThat(mail.subject()).isEqualTo("Pledge " + cancelled + " cancelled"));
		assertThat(mailsAbout(lapsed)).extracting(Mail::recipient)
			.containsExactlyInAnyOrder(JAPAN, CPCJD_OFFICERS.get(0), CPCJD_OFFICERS.get(1));
		assertThat(mailsAbout(lapsed)).allSatisfy(mail -> assertThat(mail.body()).contains("has lapsed: no agreement")
			.doesNotContain("Reason"));
	}

	@Test
	void tellsOnlyTheDonorsWhoseCommittedPledgesFundAProgrammeThatItIsFunded() {
		String title = "Funded programme " + UUID.randomUUID().toString().substring(0, 8);
		PledgeFixtures pledges = new PledgeFixtures(TestHttp.api(port)).by("officerOhchr");
		long programme = pledges.programmes().open("officerOhchr", ProgrammeFixtures.draft(title));
		pledges.agreed("donorNorway", PledgeFixtures.toProgramme("1000", "USD", programme), "0");
		pledges.agreed("donorNorway", PledgeFixtures.toProgramme("1000", "USD", programme), "1000");
		// pledged but never committed, or cancelled: Japan's money does not fund the programme
		pledges.create("donorJapan", PledgeFixtures.toProgramme("1000", "USD", programme));
		pledges.cancel(pledges.agreed("donorJapan", PledgeFixtures.toProgramme("1000", "USD", programme), "0"),
				"Parliament withdrew the money");

		publish(new ProgrammeFunded(programme, Office.OHCHR));
		publish(new ProgrammeFunded(programme, Office.OHCHR));

		// programme numbers repeat across test contexts, the title does not
		List<Mail> mails = Arrays.stream(TestMailServer.get().getReceivedMessages())
			.map(PledgeMailsTests::mail)
			.filter(mail -> mail.subject().equals("Programme funded: " + title))
			.toList();
		assertThat(recipients(mails)).containsExactly(NORWAY);
		assertThat(mails.get(0).body()).contains("programme " + programme);
		assertThat(mails.get(0).body()).contains("fully funded").contains("Norway (NO)");
	}

	@Test
	void neverMailsADonorAboutAnotherMemberStatesPledge() {
		long pledge = pledge("donorNorway", "CPCJD", "10");
		long programme = createProgramme("officerCpcjd", "Norwegian programme " + UUID.randomUUID().toString().substring(0, 8));
		LocalDate due = LocalDate.of(2027, 6, 30);

		publish(new PledgeAnnounced(pledge, "NO", Office.CPCJD, "donorNorway"));
		publish(new AgreementRecorded(pledge, "NO", Office.CPCJD, LocalDate.of(2026, 12, 1)));
		publish(new InstalmentReminderDue(pledge, "NO", Office.CPCJD, 1, due, BigDecimal.TEN, "USD", false));
		publish(new InstalmentReminderDue(pledge, "NO", Office.CPCJD, 1, due, BigDecimal.TEN, "USD", true));
		publish(new PaymentReported(pledge, "NO", Office.CPCJD, ids.incrementAndGet()));
		publish(new PaymentDecided(pledge, "NO", Office.CPCJD, ids.incrementAndGet(), true, BigDecimal.TEN, "USD",
				PledgeStatus.PAID));
		publish(new FundsAllocated(pledge, "NO", Office.CPCJD, programme));
		publish(new PledgeClosed(pledge, "NO", Office.CPCJD, PledgeStatus.CANCELLED, "test"));

		List<Mail> mails = mailsAbout(pledge);
		assertThat(mails).hasSizeGreaterThanOrEqualTo(8);
		assertThat(recipients(mails)).contains(NORWAY)
			.doesNotContain(JAPAN)
			.doesNotContainAnyElementsOf(OHCHR_OFFICERS)
			.allMatch(recipient -> recipient.equals(NORWAY) || CPCJD_OFFICERS.contains(recipient));
	}

	@Test
	void aRolledBackChangeMailsNothing() {
		long pledge = pledge("donorNorway", "CPCJD", "1000000");

		transaction.executeWithoutResult(status -> {
			events.publishEvent(new PledgeAnnounced(pledge, "NO", Office.CPCJD, "donorNorway"));
			status.setRollbackOnly();
		});
		relay.relayPending();

		assertThat(mailsAbout(pledge)).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE event_key = ?")
			.param("pledge-announced:" + pledge)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void anEventPublishedTwiceIsMailedOnce() {
		long pledge = pledge("donorNorway", "CPCJD", "1250000.50");
		long payment = ids.incrementAndGet();
		PaymentDecided decided = new PaymentDecided(pledge, "NO", Office.CPCJD, payment, true,
				new BigDecimal("1250000.5"), "USD", PledgeStatus.PAID);

		// as when a job is retried after its transaction committed the first time
		publish(decided);
		publish(decided);

		List<Mail> mails = mailsAbout(pledge);
		assertThat(recipients(mails)).containsExactly(NORWAY);
		assertThat(mails.get(0).body()).contains("USD 1,250,000.50").contains("paid in full");
	}

	@Test
	void writesAmountsWithTheirCurrencysDecimals() {
		assertThat(PledgeMails.money(new BigDecimal("5000000.000"), "JPY")).isEqualTo("JPY 5,000,000");
		assertThat(PledgeMails.money(new BigDecimal("1250.5"), "BHD")).isEqualTo("BHD 1,250.500");
		assertThat(PledgeMails.money(new BigDecimal("250000"), "USD")).isEqualTo("USD 250,000");
		assertThat(PledgeMails.memberState("NO")).isEqualTo("Norway (NO)");
	}

	/**
	 * A DRAFT pledge (nothing mailed, no process) that the events of a test then report on. In US
	 * dollars, which need no exchange rate: a rate entered here would be seen by other tests of the
	 * shared context, some of which need a month without one.
	 */
	private long pledge(String donor, String office, String amount) {
		String currency = "USD";
		TestHttp.Response created = TestHttp.api(port)
			.sendWithHeaders("POST", "/api/pledges", donor, Map.of("Idempotency-Key", UUID.randomUUID().toString()),
					"application/json", """
							{"amount": "%s", "currency": "%s", "office": "%s", "draft": %s}"""
						.formatted(amount, currency, office, "true"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static LocalDate today() {
		return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
	}

	private long createProgramme(String officer, String title) {
		return new ProgrammeFixtures(TestHttp.api(port)).create(officer, ProgrammeFixtures.draft(title));
	}

}
