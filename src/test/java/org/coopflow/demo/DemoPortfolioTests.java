package org.coopflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.coopflow.pledges.PledgeService;
import org.coopflow.pledges.PledgeStatus;
import org.coopflow.pledges.PledgeView;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.reference.Office;
import org.coopflow.security.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The demo portfolio as the default run loads it (its own application context, with the portfolio
 * switched on): it is there, a second load adds nothing, and every process instance it started waits
 * where its record says it is. A context of its own runs in the JVM of the restart tests and closes after:
 * beside the cached one it would take over Camunda's static engine registry, and the Tasklist tests
 * would then talk to this context's engine.
 */
@Tag("restarts")
@DirtiesContext
@SpringBootTest(properties = "coopflow.demo.portfolio.enabled=true")
class DemoPortfolioTests {

	@Autowired
	DemoPortfolio portfolio;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	PledgeService pledges;

	@Autowired
	DemoLoading gate;

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : List.of("programme", "pledge", "pledge_payment", "exchange_rate", "activity", "activity_expenditure",
				"implementation_report", "overlap_alert")) {
			counts.put(table, count(table));
		}
		counts.put("process instances", runtime.createProcessInstanceQuery().count());
		counts.put("tasks", tasks.createTaskQuery().count());
		return counts;
	}

	/** Where the record's process instance waits: the ids of its active activities, empty when none runs. */
	private List<String> waitsAt(String businessKey) {
		List<ProcessInstance> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list();
		assertThat(running).as(businessKey + " runs at most once").hasSizeLessThanOrEqualTo(1);
		return running.isEmpty() ? List.of() : runtime.getActiveActivityIds(running.get(0).getId());
	}

	@Test
	void theDemoPortfolioLoadsWithProgrammesOfBothOfficesInEveryStatus() throws Exception {
		var statuses = jdbc.sql("SELECT office_code, status FROM programme")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.set();
		for (Office office : Office.values()) {
			for (ProgrammeStatus status : EnumSet.of(ProgrammeStatus.DRAFT, ProgrammeStatus.UNDER_REVIEW,
					ProgrammeStatus.OPEN_FOR_FUNDING, ProgrammeStatus.FUNDED, ProgrammeStatus.CLOSED)) {
				assertThat(statuses).contains(office + " " + status);
			}
		}
		assertThat(statuses).contains("OHCHR OVERLAP_REVIEW");

		Set<String> pledgeStatuses = jdbc.sql("SELECT status FROM pledge").query(String.class).set();
		for (PledgeStatus status : PledgeStatus.values()) {
			assertThat(pledgeStatuses).as("a pledge " + status).contains(status.name());
		}
		assertThat(jdbc.sql("SELECT DISTINCT donor FROM pledge").query(String.class).set()).contains("NO", "JP");

		// an instalment paid, one due and one overdue
		List<PledgeView.InstalmentView> instalments = new ArrayList<>();
		jdbc.sql("SELECT id FROM pledge").query(Long.class).list().forEach(id -> instalments.addAll(pledges.view(id).instalments()));
		assertThat(instalments).anyMatch(i -> i.paidAmount().compareTo(i.amount()) >= 0);
		assertThat(instalments).anyMatch(PledgeView.InstalmentView::overdue);
		assertThat(instalments).anyMatch(i -> !i.overdue() && i.paidAmount().signum() == 0);

		// 24 months of rates for every currency of the catalogue (most entered in the background)
		assertThat(portfolio.otherRates().get(2, java.util.concurrent.TimeUnit.MINUTES)).isPositive();
		YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
		long currencies = jdbc.sql("SELECT COUNT(*) FROM currency WHERE minor_units >= 0 AND code <> 'USD'")
			.query(Long.class)
			.single();
		for (YearMonth month : List.of(thisMonth, thisMonth.minusMonths(23))) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_rate WHERE rate_month = ?").param(month.atDay(1))
				.query(Long.class).single()).as("rates of " + month).isEqualTo(currencies);
		}

		// reports overdue and due, activities under way, and a final report of a closed programme
		var reports = jdbc.sql("SELECT kind, status, due_at FROM implementation_report")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " "
					+ (rs.getTimestamp(3).toInstant().isBefore(java.time.Instant.now()) ? "past" : "ahead"))
			.set();
		assertThat(reports).contains("PROGRESS DUE past", "PROGRESS DUE ahead", "FINAL SUBMITTED past");
		assertThat(jdbc.sql("SELECT status FROM activity").query(String.class).set()).contains("IN_PROGRESS", "COMPLETED");
		assertThat(count("activity_expenditure")).as("money spent").isPositive();
	}

	@Test
	void loadingAgainAddsNothing() throws Exception {
		portfolio.otherRates().get(2, java.util.concurrent.TimeUnit.MINUTES);
		Map<String, Long> before = counts();
		assertThat(before.get("programme")).isPositive();
		DemoPortfolio.Summary again = portfolio.load();
		assertThat(again.loaded()).isFalse();
		assertThat(counts()).isEqualTo(before);
		assertThat(gate.loading()).as("requests are let through once the portfolio is in").isFalse();
	}

	@Test
	void everyProcessInstanceWaitsWhereItsRecordSaysItIs() {
		record Programme(long id, String status) {
		}
		List<Programme> programmes = jdbc.sql("SELECT id, status FROM programme")
			.query((rs, n) -> new Programme(rs.getLong(1), rs.getString(2)))
			.list();
		for (Programme p : programmes) {
			List<String> proposal = waitsAt("programme-" + p.id());
			List<String> implementation = waitsAt("implementation-" + p.id());
			String as = "programme " + p.id() + " " + p.status();
			switch (ProgrammeStatus.valueOf(p.status())) {
				case DRAFT -> assertThat(proposal).as(as).isEmpty();
				case UNDER_REVIEW -> assertThat(proposal).as(as).containsExactly("Task_ReviewProposal");
				case OVERLAP_REVIEW -> assertThat(proposal).as(as).containsExactly("Event_OverlapReviewed");
				case OPEN_FOR_FUNDING -> assertThat(proposal).as(as).containsExactly("Task_AwaitFunding");
				case FUNDED -> {
					assertThat(proposal).as(as).isEmpty();
					long planned = jdbc.sql("SELECT COUNT(*) FROM activity WHERE programme_id = ?").param(p.id())
						.query(Long.class).single();
					if (planned == 0) {
						assertThat(implementation).as(as).containsExactly("Task_PlanActivities");
					}
					else {
						assertThat(implementation).as(as).contains("Task_CompleteActivity", "Task_CompleteMilestone");
						boolean reportDue = jdbc.sql("SELECT COUNT(*) FROM implementation_report WHERE programme_id = ? AND status = 'DUE'")
							.param(p.id()).query(Long.class).single() > 0;
						assertThat(reportDue).as(as + " has a progress report due").isTrue();
						assertThat(implementation).as(as).contains("Task_SubmitProgressReport");
					}
				}
				case CLOSED -> {
					assertThat(proposal).as(as).isEmpty();
					assertThat(implementation).as(as).isEmpty();
					assertThat(jdbc.sql("SELECT COUNT(*) FROM implementation_report WHERE programme_id = ? AND kind = 'FINAL'")
						.param(p.id()).query(Long.class).single()).as(as + " final report").isOne();
				}
				default -> throw new AssertionError("the demo portfolio has no " + as);
			}
		}

		List<Long> pledgeIds = jdbc.sql("SELECT id FROM pledge").query(Long.class).list();
		for (long id : pledgeIds) {
			PledgeView pledge = pledges.view(id);
			List<String> process = waitsAt("pledge-" + id);
			String as = "pledge " + id + " " + pledge.status();
			boolean toConfirm = pledge.payments().stream().anyMatch(payment -> "REPORTED".equals(payment.status().name()));
			switch (pledge.status()) {
				case DRAFT, PAID, WITHDRAWN, CANCELLED, LAPSED -> assertThat(process).as(as).isEmpty();
				case PLEDGED -> {
					boolean verified = jdbc.sql("SELECT verified_at FROM pledge WHERE id = ?").param(id)
						.query(java.sql.Timestamp.class).optional().isPresent();
					assertThat(process).as(as).containsExactly(verified ? "Task_ConcludeAgreement" : "Task_VerifyPledge");
				}
				case COMMITTED, PARTIALLY_PAID -> {
					assertThat(process).as(as).isNotEmpty();
					assertThat(process.contains("Task_AllocateFunds")).as(as + " awaits allocation")
						.isEqualTo(pledge.allocatedProgrammeId() == null);
					assertThat(process.contains("Task_ConfirmReceipt")).as(as + " awaits confirmation").isEqualTo(toConfirm);
				}
			}
		}

		List<Long> alerts = jdbc.sql("SELECT id FROM overlap_alert WHERE status = 'OPEN'").query(Long.class).list();
		assertThat(alerts).isNotEmpty();
		for (long alert : alerts) {
			assertThat(waitsAt("alert-" + alert)).as("alert " + alert)
				.containsExactlyInAnyOrder("Task_ReviewAlertCpcjd", "Task_ReviewAlertOhchr");
		}
	}

	@Test
	void everyDemoOfficerAndCoordinatorHasWorkInTasklistAndEveryCoordinatorAnOpenAlert() {
		for (String user : List.of("officerCpcjd", "officerOhchr", "reviewerCpcjd", "reviewerOhchr", "coordinatorCpcjd",
				"coordinatorOhchr")) {
			Office office = user.endsWith("Cpcjd") ? Office.CPCJD : Office.OHCHR;
			Role role = user.startsWith("coordinator") ? Role.COORDINATOR : Role.PROGRAMME_OFFICER;
			// as the person sees them: Camunda's authorizations apply (the four-eyes rule hides reviews)
			identity.setAuthentication(user, role.camundaGroups(office));
			try {
				assertThat(tasks.createTaskQuery().taskCandidateUser(user).includeAssignedTasks().count())
					.as("tasks of " + user).isPositive();
			}
			finally {
				identity.clearAuthentication();
			}
		}
		for (Office office : Office.values()) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM overlap_alert WHERE status = 'OPEN' AND offices LIKE ?")
				.param("%" + office.name() + "%").query(Long.class).single()).as("open alerts of " + office).isPositive();
		}
	}

}
