package org.coopflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the funding proposal process does to a programme after its deadline, on the real database: the process
 * tests mock {@link ProposalLifecycle}, so these are the changes as they are stored and kept in the history.
 */
@CoopflowTest
class ProposalTransitionsTests {

	@LocalServerPort
	int port;

	@Autowired
	ProposalLifecycle lifecycle;

	@Autowired
	ProgrammeRepository programmes;

	/** A programme whose funding deadline passed short of its budget, in the given currency. */
	private long partiallyFunded(String amount, String currency) {
		ObjectNode draft = ProgrammeFixtures.draft("After the deadline " + UUID.randomUUID());
		draft.putObject("budget").put("amount", amount).put("currency", currency);
		long id = new ProgrammeFixtures(TestHttp.api(port)).create("officerCpcjd", draft);
		lifecycle.submit(id, "officerCpcjd");
		lifecycle.awaitReview(id);
		lifecycle.openForFunding(id, "reviewerCpcjd");
		lifecycle.fundingDeadlinePassed(id);
		assertThat(programme(id).status()).isEqualTo(ProgrammeStatus.PARTIALLY_FUNDED);
		return id;
	}

	private ProgrammeView programme(long id) {
		return programmes.find(id).orElseThrow();
	}

	private ProgrammeChange lastChange(long id) {
		List<ProgrammeChange> history = programmes.history(id);
		return history.get(history.size() - 1);
	}

	@Test
	void anExtendedDeadlineReopensTheProgrammeForTheExtraDaysAndLengthensItsFundingPeriod() {
		long id = partiallyFunded("250000.00", "USD");
		int days = programme(id).fundingDeadlineDays();

		lifecycle.extendFundingDeadline(id, 30, "officerCpcjd");

		ProgrammeView extended = programme(id);
		assertThat(extended.status()).isEqualTo(ProgrammeStatus.OPEN_FOR_FUNDING);
		assertThat(extended.fundingDeadlineDays()).isEqualTo(days + 30);
		assertThat(extended.fundingDeadlineAt()).isBetween(Instant.now().plus(Duration.ofDays(29)),
				Instant.now().plus(Duration.ofDays(31)));
		ProgrammeChange change = lastChange(id);
		assertThat(change.kind()).isEqualTo("FUNDING_DEADLINE_EXTENDED");
		assertThat(change.changedBy()).isEqualTo("officerCpcjd");
		assertThat(change.note()).isEqualTo("extended by 30 days");
		assertThat(change.version()).isEqualTo(extended.version());
		assertThat(change.changes()).containsKeys("status", "fundingDeadlineDays", "fundingDeadlineAt");
		assertThat(change.changes().get("fundingDeadlineDays")).isEqualTo(Map.of("from", days, "to", days + 30));

		assertThatThrownBy(() -> lifecycle.extendFundingDeadline(id, 30, "officerCpcjd"))
			.as("only a partially funded programme's deadline is extended")
			.isInstanceOf(ConflictException.class);
		assertThat(programme(id).fundingDeadlineDays()).isEqualTo(days + 30);
	}

	@Test
	void aRevisedBudgetIsLowerAndKeptInTheHistory() {
		long id = partiallyFunded("250000.00", "USD");

		lifecycle.reviseBudget(id, new BigDecimal("180000.00"), "officerCpcjd");

		ProgrammeView revised = programme(id);
		assertThat(revised.budget().amount()).isEqualByComparingTo("180000.00");
		assertThat(revised.status()).isEqualTo(ProgrammeStatus.PARTIALLY_FUNDED);
		ProgrammeChange change = lastChange(id);
		assertThat(change.kind()).isEqualTo("BUDGET_REVISED");
		assertThat(change.version()).isEqualTo(revised.version());
		assertThat(change.changes()).containsOnlyKeys("budget");
	}

	@Test
	void aBudgetRevisedUpwardsToNothingOrFinerThanItsCurrencyIsRefusedAndChangesNothing() {
		long id = partiallyFunded("1000000", "JPY");
		ProgrammeView before = programme(id);

		for (String amount : List.of("1000001", "0", "-5")) {
			assertThatThrownBy(() -> lifecycle.reviseBudget(id, new BigDecimal(amount), "officerCpcjd"))
				.as(amount)
				.isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.errors()).extracting(InvalidField::field).containsExactly("revisedBudget"));
		}
		assertThatThrownBy(() -> lifecycle.reviseBudget(id, new BigDecimal("900000.50"), "officerCpcjd"))
			.as("yen have no decimals")
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(InvalidField::field).containsExactly("revisedBudget"));

		ProgrammeView after = programme(id);
		assertThat(after.budget().amount()).isEqualByComparingTo(before.budget().amount());
		assertThat(after.version()).isEqualTo(before.version());
	}

}
