package org.coopflow.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.coopflow.activities.ActivityDraft;
import org.coopflow.activities.ActivityPlanning;
import org.coopflow.activities.ExpenditureRequest;
import org.coopflow.activities.Expenditures;
import org.coopflow.activities.MilestoneDraft;
import org.coopflow.pledges.PaymentReport;
import org.coopflow.pledges.PledgeRequest;
import org.coopflow.pledges.PledgeRequest.InstalmentRequest;
import org.coopflow.pledges.PledgeService;
import org.coopflow.pledges.Earmarking;
import org.coopflow.programmes.ActivityType;
import org.coopflow.programmes.FundingProposalProcess;
import org.coopflow.programmes.ProgrammeDraft;
import org.coopflow.programmes.ProgrammeService;
import org.coopflow.programmes.ProposalSubmission;
import org.coopflow.programmes.Scope;
import org.coopflow.reference.Money;
import org.coopflow.reference.Office;
import org.coopflow.results.ActualRequest;
import org.coopflow.results.ActualsRecording;
import org.coopflow.results.BaselineRequest;
import org.coopflow.results.IndicatorRequest;
import org.coopflow.results.IndicatorView;
import org.coopflow.results.Measure;
import org.coopflow.results.PeriodRequest;
import org.coopflow.results.ResultPlanning;
import org.coopflow.results.ResultRequest;
import org.coopflow.results.ResultType;
import org.coopflow.security.CoopflowUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Loads the demo portfolio once per database: programmes of both offices in every status, pledges of
 * Norway and Japan at every step, rates for 24 months, an overlap alert before both coordinators and
 * tasks for every demo officer. Everything goes through coopflow's services and processes, with the
 * engine's clock set to the day each step happened, so each record and its process agree as if people
 * had done the work; dates are counted back from the day of the load.
 * <p>
 * Loading once: a marker in the engine's property table ({@value #MARKER}) is written before the first
 * step and marked done after the last, so a second start, or a second call, adds nothing; a load that
 * was interrupted is reported, not repeated over the half it left.
 */
@Component
@ConditionalOnProperty(name = "coopflow.demo.portfolio.enabled", havingValue = "true")
class DemoPortfolio implements ApplicationRunner {

	static final String MARKER = "coopflow.demo-portfolio";

	private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);

	// the models' element ids and the forms' fields the loader answers (the API's own step names)
	private static final String REVIEW_PROPOSAL = FundingProposalProcess.Elements.TASK_REVIEW_PROPOSAL;

	private static final String VERIFY_PLEDGE = "Task_VerifyPledge";

	private static final String CONCLUDE_AGREEMENT = "Task_ConcludeAgreement";

	private static final String CONFIRM_RECEIPT = "Task_ConfirmReceipt";

	private static final String PLAN_ACTIVITIES = "Task_PlanActivities";

	private static final String COMPLETE_MILESTONE = "Task_CompleteMilestone";

	private static final String COMPLETE_ACTIVITY = "Task_CompleteActivity";

	private static final String SUBMIT_PROGRESS_REPORT = "Task_SubmitProgressReport";

	private static final String SUBMIT_FINAL_REPORT = "Task_SubmitFinalReport";

	private static final String RECORD_UNSPENT_FUNDS_CHOICE = "Task_RecordUnspentFundsChoice";

	private static final String PROGRESS_REPORT_DUE = "Timer_ProgressReportDue";

	/**
	 * The currencies the portfolio's pledges are made in: their rates are needed before the first pledge.
	 * The other currencies' rates are entered in the background after the load (see {@link #otherRates()}).
	 */
	private static final Set<String> PLEDGE_CURRENCIES = Set.of("NOK", "JPY");

	/** What a load did; {@code loaded} is false when the marker said it was done before. */
	record Summary(boolean loaded, int programmes, int pledges, int rates, int jobs, long millis) {
	}

	private final ProgrammeService programmes;

	private final ProposalSubmission submission;

	private final PledgeService pledges;

	private final ActivityPlanning activities;

	private final Expenditures expenditures;

	private final DemoRates rates;

	private final DemoEngine engine;

	private final UserDetailsService users;

	private final DemoLoading gate;

	private final ResultPlanning results;

	private final ActualsRecording actuals;

	private int programmeCount;

	private volatile CompletableFuture<Integer> otherRates = CompletableFuture.completedFuture(0);

	private int pledgeCount;

	DemoPortfolio(ProgrammeService programmes, ProposalSubmission submission, PledgeService pledges,
			ActivityPlanning activities, Expenditures expenditures, DemoRates rates, DemoEngine engine, UserDetailsService users,
			DemoLoading gate, ResultPlanning results, ActualsRecording actuals) {
		this.results = results;
		this.actuals = actuals;
		this.programmes = programmes;
		this.submission = submission;
		this.pledges = pledges;
		this.activities = activities;
		this.expenditures = expenditures;
		this.rates = rates;
		this.engine = engine;
		this.users = users;
		this.gate = gate;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			load();
		}
		catch (RuntimeException e) {
			// coopflow itself works without the demo portfolio; say what went wrong and start anyway
			log.error("The demo portfolio could not be loaded completely; what was loaded stays", e);
		}
	}

	synchronized Summary load() {
		String marker = engine.propertyOf(MARKER);
		if (marker != null) {
			if (marker.startsWith("loading")) {
				log.warn("An earlier load of the demo portfolio was interrupted ({}); it is not loaded again", marker);
			}
			else {
				log.info("Demo portfolio: {}; nothing added", marker);
			}
			return new Summary(false, 0, 0, 0, 0, 0);
		}
		gate.started();
		try {
			return loadOnce();
		}
		finally {
			gate.finished();
		}
	}

	private Summary loadOnce() {
		long started = System.nanoTime();
		long startedCpu = cpuNanos();
		// the wall's day, not the Clock bean's: this loader moves the engine's clock, which that bean follows
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		engine.setProperty(MARKER, "loading since " + Instant.now());
		programmeCount = 0;
		pledgeCount = 0;
		int rateCount;
		int jobs;
		long ratesMillis;
		try (DemoEngine.Pause paused = engine.pauseJobExecutor()) {
			rateCount = rates.enter(YearMonth.from(today), PLEDGE_CURRENCIES::contains);
			ratesMillis = (System.nanoTime() - started) / 1_000_000;
			build(today);
			engine.resetClock();
			jobs = engine.runDueJobs();
		}
		finally {
			engine.resetClock();
		}
		engine.setProperty(MARKER, "loaded on " + today);
		enterOtherRates(YearMonth.from(today));
		long millis = (System.nanoTime() - started) / 1_000_000;
		Summary summary = new Summary(true, programmeCount, pledgeCount, rateCount, jobs, millis);
		log.info("Demo portfolio loaded in {} ms ({} ms of CPU): {} programmes, {} pledges, {} exchange rates of its pledges' currencies ({} ms), {} due jobs run",
				millis, (cpuNanos() - startedCpu) / 1_000_000, summary.programmes(), summary.pledges(), summary.rates(),
				ratesMillis, summary.jobs());
		return summary;
	}

	/**
	 * Some 5,000 rates nobody's pledge waits for: entered after the load, on a thread of their own, so
	 * that coopflow is ready without them (they touch neither the engine nor its clock). Should coopflow
	 * stop before they are in, the missing ones stay missing: the marker already says the load is done.
	 */
	private void enterOtherRates(YearMonth thisMonth) {
		long started = System.nanoTime();
		otherRates = CompletableFuture.supplyAsync(() -> rates.enter(thisMonth, c -> !PLEDGE_CURRENCIES.contains(c)), task -> {
			Thread thread = new Thread(task, "demo-rates");
			thread.setDaemon(true);
			thread.start();
		}).whenComplete((entered, failure) -> {
			if (failure != null) {
				log.warn("Demo portfolio: the exchange rates of the other currencies could not be entered", failure);
			}
			else {
				log.info("Demo portfolio: {} exchange rates of the other currencies entered in the background in {} ms",
						entered, (System.nanoTime() - started) / 1_000_000);
			}
		});
	}

	/** The rates entered in the background after the last load; done at once when there was none. */
	CompletableFuture<Integer> otherRates() {
		return otherRates;
	}

	private void build(LocalDate t) {
		for (Office office : Office.values()) {
			Team team = new Team(office);
			Desk desk = office == Office.CPCJD ? Desk.CPCJD : Desk.OHCHR;
			timed(office + " draft", () -> draft(team, desk, t));
			timed(office + " under review", () -> underReview(team, desk, t));
			timed(office + " open for funding", () -> openWithPartialPledges(team, desk, t));
			timed(office + " funded", () -> fundedAwaitingPlanning(team, desk, t));
			timed(office + " in implementation", () -> inImplementation(team, desk, t));
			timed(office + " closed", () -> closed(team, desk, t));
		}
		timed("overlap", () -> overlapInMalawi(t));
		timed("other pledges", () -> sidePledges(t));
	}

	/**
	 * The loading thread's CPU time: on a busy machine the wall-clock time says more about the neighbours
	 * than about the load (H2 runs in this thread; on a database server the server's share is not in it).
	 */
	private static long cpuNanos() {
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
	}

	private static void timed(String what, Runnable step) {
		long started = System.nanoTime();
		step.run();
		log.debug("Demo portfolio: {} in {} ms", what, (System.nanoTime() - started) / 1_000_000);
	}

	// ---- the portfolio ----------------------------------------------------------------------------

	private void draft(Team team, Desk desk, LocalDate t) {
		engine.on(t);
		programme(team, desk.draftTitle, desk.draftText, desk.draftCountry, desk.standards,
				List.of(ActivityType.COMPENDIUM_TRANSLATION, ActivityType.TRAINING), t.plusMonths(4), t.plusMonths(16),
				"180000.00");
	}

	private void underReview(Team team, Desk desk, LocalDate t) {
		engine.on(t.minusDays(1));
		long id = programme(team, desk.reviewTitle, desk.reviewText, desk.reviewCountry, desk.standards,
				List.of(ActivityType.ADVISORY_SERVICES, ActivityType.LEGISLATIVE_DRAFTING), t.plusMonths(3), t.plusMonths(21),
				"240000.00");
		submit(team, id);
	}

	/** Open for funding: the donor's pledge half paid with an instalment to come, Japan's awaiting verification. */
	private void openWithPartialPledges(Team team, Desk desk, LocalDate t) {
		engine.on(t.minusDays(130));
		long id = programme(team, desk.openTitle, desk.openText, desk.openCountry, desk.standards,
				List.of(ActivityType.TRAINING, ActivityType.ADVISORY_SERVICES), t.plusMonths(2), t.plusMonths(26),
				"400000.00", 365, null, null);
		submit(team, id);
		approve(team, id);

		engine.on(t.minusDays(120));
		long agreed = pledge(team.norway, "1500000", "NOK", id, null, null,
				List.of(new InstalmentRequest(t.minusDays(45), new BigDecimal("900000")),
						new InstalmentRequest(t.plusDays(75), new BigDecimal("600000"))),
				false);
		engine.on(t.minusDays(118));
		verify(team, agreed);
		engine.on(t.minusDays(110));
		agree(team, agreed, desk.name() + "/" + (t.getYear() - 1) + "/NO-" + agreed);
		engine.on(t.minusDays(48));
		pay(team.norway, agreed, "900000");
		engine.on(t.minusDays(44));
		engine.runDueJobs();
		confirm(team, agreed);

		engine.on(t.minusDays(3));
		pledge(team.japan, "15000000", "JPY", id, null, null, List.of(), false);
		engine.on(t.minusDays(1));
		pledge(team.norway, "200000", "NOK", id, null, null, List.of(), true);
	}

	/** Funded in full a few days ago: the implementation waits for its activities to be planned. */
	private void fundedAwaitingPlanning(Team team, Desk desk, LocalDate t) {
		engine.on(t.minusDays(20));
		long id = programme(team, desk.fundedTitle, desk.fundedText, desk.fundedCountry, desk.standards,
				List.of(ActivityType.EXPERT_MEETING, ActivityType.SURVEY_SUPPORT), t.plusMonths(1), t.plusMonths(13),
				"80000.00");
		submit(team, id);
		approve(team, id);
		engine.on(t.minusDays(12));
		long pledge = pledge(team.japan, "80000", "USD", id, null, null,
				List.of(new InstalmentRequest(t.plusDays(60), new BigDecimal("80000"))), false);
		engine.on(t.minusDays(10));
		verify(team, pledge);
		engine.on(t.minusDays(6));
		agree(team, pledge, desk.name() + "/" + t.getYear() + "/JP-" + pledge);
		engine.runDueJobs();
	}

	/**
	 * In implementation for eight months (CPCJD) or six (OHCHR): a training with one milestone done and
	 * one due, advice under way, money spent, and a progress report overdue (CPCJD: its reminder and
	 * escalation sent) or due within weeks (OHCHR).
	 */
	private void inImplementation(Team team, Desk desk, LocalDate t) {
		boolean overdue = desk == Desk.CPCJD;
		int months = overdue ? 8 : 6;
		LocalDate start = t.minusMonths(months).minusDays(overdue ? 20 : 8);
		engine.on(start.minusDays(15));
		long id = programme(team, desk.implTitle, desk.implText, desk.implCountry, desk.standards,
				List.of(ActivityType.TRAINING, ActivityType.ADVISORY_SERVICES), start, t.plusMonths(10), "120000.00");
		boolean cpcjd = desk == Desk.CPCJD;
		IndicatorView trained = indicator(team, id, ResultType.OUTCOME,
				cpcjd ? "Courts impose non-custodial sentences under the Tokyo Rules"
						: "Detainees are defended by lawyers who know their rights",
				cpcjd ? "Magistrates trained in non-custodial sentencing" : "Young lawyers trained on defence rights",
				Measure.UNIT, "0", start.minusYears(1).getYear(),
				List.of(period(start, start.plusMonths(3).minusDays(1), "20"),
						period(start.plusMonths(3), start.plusMonths(6).minusDays(1), "60"),
						period(start.plusMonths(6), t.plusMonths(10), "100")));
		submit(team, id);
		approve(team, id);
		engine.on(start.minusDays(10));
		PledgeUsers donor = overdue ? PledgeUsers.NORWAY : PledgeUsers.JAPAN;
		CoopflowUser member = donor == PledgeUsers.NORWAY ? team.norway : team.japan;
		long pledge = pledge(member, "120000", "USD", id, null, null,
				List.of(new InstalmentRequest(start.plusDays(20), new BigDecimal("70000")),
						new InstalmentRequest(t.plusDays(90), new BigDecimal("50000"))),
				false);
		engine.on(start.minusDays(8));
		verify(team, pledge);
		engine.on(start.minusDays(5));
		agree(team, pledge, desk.name() + "/" + start.getYear() + "/" + donor.code + "-" + pledge);
		engine.runDueJobs();

		engine.on(start.minusDays(2));
		long training = activity(team, id, ActivityType.TRAINING, desk.trainingTitle, desk.implCountry, desk.standards,
				start, t.plusMonths(6), "70000.00",
				List.of(new MilestoneDraft(desk.firstMilestone, start.plusMonths(2)),
						new MilestoneDraft(desk.secondMilestone, t.plusDays(21))));
		activity(team, id, ActivityType.ADVISORY_SERVICES, desk.adviceTitle, desk.implCountry, desk.standards, start,
				t.plusMonths(9), "50000.00", List.of());
		engine.on(start);
		engine.complete(implementation(id), PLAN_ACTIVITIES, team.officer, Map.of());

		engine.on(start.plusDays(18));
		pay(member, pledge, "70000");
		engine.on(start.plusDays(21));
		engine.runDueJobs();
		confirm(team, pledge);
		engine.on(start.plusMonths(2).minusDays(3));
		engine.complete(implementation(id), COMPLETE_MILESTONE, task -> training == asLong(engine.variable(task, "activityId")),
				team.officer, Map.of("milestoneNote", desk.milestoneNote));
		engine.on(start.plusMonths(2));
		expenditures.record(team.officer, training, new ExpenditureRequest(new BigDecimal("25000.00"), "USD",
				engine.today(), "Venue, interpreters and course materials for the first courses", null), null);

		// the reporting period ends: the progress report is asked for, and then waits
		engine.fireTimer(engine.processInstanceOf(implementation(id)), PROGRESS_REPORT_DUE);
		engine.runDueJobs();

		// the actuals of the two quarters that have ended, so that the progress report can be submitted:
		// CPCJD's second quarter is behind its target (off track), OHCHR's on track
		engine.on(start.plusMonths(6).plusDays(3));
		actual(team, id, trained, 0, "24", "Attendance lists of the first courses");
		actual(team, id, trained, 1, cpcjd ? "45" : "62", cpcjd
				? "Two courses were postponed: the institute's hall was under repair"
				: "Attendance lists of the regional trainings");
	}

	/** Carried out a year and more ago, the final report sent to the donor, the unspent funds returned. */
	private void closed(Team team, Desk desk, LocalDate t) {
		LocalDate start = t.minusDays(desk == Desk.CPCJD ? 430 : 390);
		engine.on(start.minusDays(20));
		long id = programme(team, desk.closedTitle, desk.closedText, desk.closedCountry, desk.standards,
				List.of(ActivityType.ADVISORY_SERVICES), start, start.plusDays(120), "60000.00");
		IndicatorView achieved = desk == Desk.CPCJD
				? indicator(team, id, ResultType.OUTPUT, "An independent prison inspectorate", "Inspectors appointed",
						Measure.UNIT, "0", start.getYear(), List.of(period(start, start.plusDays(99), "12")))
				: indicator(team, id, ResultType.OUTPUT, "Public criteria for judicial appointments",
						"Share of appointments made on published criteria", Measure.PERCENTAGE, "20", start.getYear(),
						List.of(period(start, start.plusDays(99), "80")));
		submit(team, id);
		approve(team, id);
		engine.on(start.minusDays(15));
		CoopflowUser member = desk == Desk.CPCJD ? team.norway : team.japan;
		long pledge = pledge(member, "60000", "USD", id, null, null,
				List.of(new InstalmentRequest(start.plusDays(30), new BigDecimal("60000"))), false);
		engine.on(start.minusDays(14));
		verify(team, pledge);
		engine.on(start.minusDays(10));
		agree(team, pledge, desk.name() + "/" + start.getYear() + "/" + pledge);
		engine.runDueJobs();
		engine.on(start.minusDays(5));
		long advice = activity(team, id, ActivityType.ADVISORY_SERVICES, desk.closedActivity, desk.closedCountry,
				desk.standards, start, start.plusDays(100), "55000.00", List.of());
		engine.on(start);
		engine.complete(implementation(id), PLAN_ACTIVITIES, team.officer, Map.of());
		engine.on(start.plusDays(25));
		pay(member, pledge, "60000");
		engine.on(start.plusDays(28));
		confirm(team, pledge);
		engine.on(start.plusDays(105));
		engine.complete(implementation(id), COMPLETE_ACTIVITY, task -> advice == asLong(engine.variable(task, "activityId")),
				team.officer, Map.of("actualStart", start.toString(), "actualEnd", start.plusDays(100).toString()));
		actual(team, id, achieved, 0, desk == Desk.CPCJD ? "12" : "85", "The judicial council's and the ministry's records");
		engine.on(start.plusDays(120));
		engine.complete(implementation(id), SUBMIT_FINAL_REPORT, team.officer,
				Map.of("reportSummary", desk.finalReport));
		engine.runDueJobs();
		engine.on(start.plusDays(125));
		if (engine.task(implementation(id), RECORD_UNSPENT_FUNDS_CHOICE, task -> true) != null) {
			engine.complete(implementation(id), RECORD_UNSPENT_FUNDS_CHOICE, team.officer,
					Map.of("unspentFundsChoice", "RETURN", "unspentFundsReason", desk.unspentReason));
		}
	}

	/**
	 * Two proposals of the two offices for Malawi's prison staff, in the same period and on the same
	 * standard: screening the second raises an alert, and both coordinators have it to review.
	 */
	private void overlapInMalawi(LocalDate t) {
		Team cpcjd = new Team(Office.CPCJD);
		Team ohchr = new Team(Office.OHCHR);
		engine.on(t.minusDays(2));
		submit(cpcjd, prisonTraining(cpcjd, "Nelson Mandela Rules training for Malawi's prison staff",
				"Training prison officers of the Malawi Prison Service in the Nelson Mandela Rules: admission, "
						+ "discipline, health care and the inspection of prisons, with a training-of-trainers course.",
				t.plusMonths(2), "150000.00"));
		engine.on(t.minusDays(1));
		submit(ohchr, prisonTraining(ohchr, "Human rights training for Malawi's prison officers",
				"Training prison officers of the Malawi Prison Service in the Nelson Mandela Rules and human rights "
						+ "in detention: discipline, health care and inspections, with a training-of-trainers course.",
				t.plusMonths(3), "130000.00"));
	}

	private long prisonTraining(Team team, String title, String description, LocalDate start, String budget) {
		return programme(team, title, description, "MW", List.of("SMR-PRISONERS"), List.of(ActivityType.TRAINING), start,
				start.plusMonths(12), budget, null, "Malawi Prison Service", "Malawi Human Rights Commission");
	}

	/** Pledges not (yet) tied to a programme: allocation awaited with an instalment overdue, withdrawn, declined, lapsed. */
	private void sidePledges(LocalDate t) {
		Team cpcjd = new Team(Office.CPCJD);
		Team ohchr = new Team(Office.OHCHR);
		engine.on(t.minusDays(100));
		long overdue = pledge(cpcjd.japan, "50000", "USD", null, Office.CPCJD, null,
				List.of(new InstalmentRequest(t.minusDays(20), new BigDecimal("50000"))), false);
		engine.on(t.minusDays(96));
		verify(cpcjd, overdue);
		engine.on(t.minusDays(90));
		agree(cpcjd, overdue, "CPCJD/" + t.minusDays(90).getYear() + "/JP-" + overdue);

		engine.on(t.minusDays(60));
		long withdrawn = pledge(cpcjd.norway, "300000", "NOK", null, Office.CPCJD, null, List.of(), false);
		engine.on(t.minusDays(55));
		pledges.withdraw(cpcjd.norway, withdrawn, "The Storting moved the contribution to next year's budget");

		engine.on(t.minusDays(40));
		long declined = pledge(ohchr.japan, "10000", "USD", null, Office.OHCHR, null, List.of(), false);
		engine.on(t.minusDays(38));
		engine.complete(pledge(declined), VERIFY_PLEDGE, ohchr.officer, Map.of("pledgeVerified", false,
				"verificationNote", "The Permanent Mission does not confirm this pledge; it was entered twice"));

		// verified, but no agreement came by the lapse date: its timer fires when the load catches up with today
		engine.on(t.minusDays(200));
		long lapsing = pledge(ohchr.norway, "25000", "USD", null, Office.OHCHR, t.minusDays(20), List.of(), false);
		engine.on(t.minusDays(195));
		verify(ohchr, lapsing);

		engine.on(t.minusDays(25));
		long toVerify = pledge(ohchr.norway, "400000", "NOK", null, Office.OHCHR, null, List.of(), false);
		engine.on(t.minusDays(5));
		verify(ohchr, toVerify);

		engine.on(t.minusDays(15));
		long reported = pledge(ohchr.japan, "30000", "USD", null, Office.OHCHR, null, List.of(), false);
		engine.on(t.minusDays(12));
		verify(ohchr, reported);
		engine.on(t.minusDays(8));
		agree(ohchr, reported, "OHCHR/" + t.minusDays(8).getYear() + "/JP-" + reported);
		engine.on(t.minusDays(2));
		pay(ohchr.japan, reported, "30000");
	}

	// ---- steps --------------------------------------------------------------------------------------

	private long programme(Team team, String title, String description, String country, List<String> standards,
			List<ActivityType> types, LocalDate start, LocalDate end, String budget) {
		return programme(team, title, description, country, standards, types, start, end, budget, null, null, null);
	}

	private long programme(Team team, String title, String description, String country, List<String> standards,
			List<ActivityType> types, LocalDate start, LocalDate end, String budget, Integer deadlineDays,
			String institution, String partner) {
		ProgrammeDraft draft = new ProgrammeDraft(null, title, description, Scope.NATIONAL, List.of(country), standards,
				types, List.of(team.office == Office.CPCJD ? "15130" : "15160"), institution, partner, start, end,
				new Money(new BigDecimal(budget), "USD"), deadlineDays, null, null);
		programmeCount++;
		return programmes.create(team.officer, draft).id();
	}

	/** "Submit", as the officer presses it: the programme SUBMITTED and its process started, together. */
	private void submit(Team team, long id) {
		submission.submit(team.officer, id);
	}

	private void approve(Team team, long id) {
		engine.complete(FundingProposalProcess.businessKey(id), REVIEW_PROPOSAL, team.reviewer,
				Map.of(FundingProposalProcess.Variables.REVIEW_DECISION, "APPROVE",
						FundingProposalProcess.Variables.REVIEW_COMMENT,
						"Consistent with the standards it promotes; budget and plan are sound."));
	}

	private long pledge(CoopflowUser donor, String amount, String currency, Long programmeId, Office office,
			LocalDate lapseDate, List<InstalmentRequest> instalments, boolean draft) {
		PledgeRequest request = new PledgeRequest(new BigDecimal(amount), currency,
				programmeId == null ? Earmarking.NONE : Earmarking.PROGRAMME, null, programmeId, office, lapseDate,
				instalments.isEmpty() ? null : instalments, draft, null);
		pledgeCount++;
		return pledges.create(donor, request, null).id();
	}

	private void verify(Team team, long pledgeId) {
		engine.complete(pledge(pledgeId), VERIFY_PLEDGE, team.officer,
				Map.of("pledgeVerified", true, "verificationNote", "Confirmed by the Permanent Mission"));
	}

	private void agree(Team team, long pledgeId, String reference) {
		engine.complete(pledge(pledgeId), CONCLUDE_AGREEMENT, team.officer,
				Map.of("agreementDate", engine.today().toString(), "agreementReference", reference));
	}

	private void pay(CoopflowUser donor, long pledgeId, String amount) {
		pledges.reportPayment(donor, pledgeId,
				new PaymentReport(new BigDecimal(amount), engine.today(), "SWIFT " + pledgeId + "-" + engine.today(),
						null));
	}

	private void confirm(Team team, long pledgeId) {
		var task = engine.task(pledge(pledgeId), CONFIRM_RECEIPT, t -> true);
		if (task == null) {
			throw new IllegalStateException("pledge " + pledgeId + " does not wait for \"Confirm receipt\"");
		}
		Map<String, Object> answers = new HashMap<>();
		answers.put("paymentId", engine.localVariable(task, "paymentId"));
		answers.put("paymentReceived", true);
		answers.put("receiptNote", "Credited to the trust fund's account");
		engine.complete(pledge(pledgeId), CONFIRM_RECEIPT, team.officer, answers);
	}

	private long activity(Team team, long programmeId, ActivityType type, String title, String country,
			List<String> standards, LocalDate start, LocalDate end, String cost, List<MilestoneDraft> milestones) {
		ActivityDraft draft = new ActivityDraft(type, title, null, country, new ArrayList<>(standards), start, end,
				"BL-" + type.name().replace('_', '-'), new BigDecimal(cost), milestones, null);
		return activities.create(team.officer, programmeId, draft).id();
	}

	/** A result with one indicator, entered while the programme is a draft (so without a reason). */
	private IndicatorView indicator(Team team, long programmeId, ResultType type, String result, String title,
			Measure measure, String baseline, int baselineYear, List<PeriodRequest> periods) {
		long resultId = results.addResult(team.officer, programmeId, new ResultRequest(type, result, null,
				new ArrayList<>(team.office == Office.CPCJD ? Desk.CPCJD.standards : Desk.OHCHR.standards), null)).id();
		return results.addIndicator(team.officer, programmeId, resultId, new IndicatorRequest(title, null, measure, true,
				new BaselineRequest(baselineYear, null, new BigDecimal(baseline), null, null, null), periods, null));
	}

	private static PeriodRequest period(LocalDate start, LocalDate end, String target) {
		return new PeriodRequest(start, end, new BigDecimal(target), null, null);
	}

	private void actual(Team team, long programmeId, IndicatorView indicator, int period, String value, String comment) {
		actuals.record(team.officer, programmeId, indicator.resultId(), indicator.id(), indicator.periods().get(period).id(),
				null, new ActualRequest(new BigDecimal(value), null, comment, null));
	}

	private static String pledge(long pledgeId) {
		return "pledge-" + pledgeId;
	}

	private static String implementation(long programmeId) {
		return "implementation-" + programmeId;
	}

	private static long asLong(Object value) {
		return value instanceof Number number ? number.longValue() : -1;
	}

	// ---- who does it --------------------------------------------------------------------------------

	private enum PledgeUsers {
		NORWAY("NO"), JAPAN("JP");

		final String code;

		PledgeUsers(String code) {
			this.code = code;
		}
	}

	/** The demo users who work on one office's programmes. */
	private final class Team {

		final Office office;

		final CoopflowUser officer;

		final CoopflowUser reviewer;

		final CoopflowUser norway;

		final CoopflowUser japan;

		Team(Office office) {
			this.office = office;
			String suffix = office == Office.CPCJD ? "Cpcjd" : "Ohchr";
			this.officer = user("officer" + suffix);
			this.reviewer = user("reviewer" + suffix);
			this.norway = user("donorNorway");
			this.japan = user("donorJapan");
		}

	}

	private CoopflowUser user(String username) {
		return (CoopflowUser) users.loadUserByUsername(username);
	}

}
