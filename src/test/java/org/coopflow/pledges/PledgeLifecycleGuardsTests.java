package org.coopflow.pledges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.coopflow.shared.ConflictException;
import org.coopflow.CoopflowTest;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.TestHttp;
import org.coopflow.programmes.ProgrammeFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lifecycle's guards in the use cases themselves, below the process and the API: each step refuses a
 * pledge in the wrong state, and a refused step changes nothing.
 */
@CoopflowTest
class PledgeLifecycleGuardsTests {

	@LocalServerPort
	int port;

	@Autowired
	PledgeAgreement agreement;

	@Autowired
	PledgeAllocation allocation;

	@Autowired
	PledgePayments payments;

	@Autowired
	PledgeClosing closing;

	@Autowired
	PledgeQueries pledges;

	@Autowired
	TransactionTemplate transaction;

	PledgeFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new PledgeFixtures(TestHttp.api(port));
	}

	private long pledged() {
		return fixtures.create("donorNorway", PledgeFixtures.pledge("1000", "USD")).path("id").asLong();
	}

	private PledgeStatus status(long id) {
		return pledges.view(id).status();
	}

	private void inTransaction(Runnable step) {
		transaction.executeWithoutResult(status -> step.run());
	}

	@Test
	void anAgreementNeedsAVerifiedPledgeASigningDateNotInTheFutureAndAReference() {
		long id = pledged();
		assertThatThrownBy(() -> inTransaction(() -> agreement.recordAgreement(id, "officerCpcjd", LocalDate.now(), "REF")))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("not been verified");
		inTransaction(() -> agreement.verify(id, "officerCpcjd", true, null));
		assertThatThrownBy(() -> inTransaction(() -> agreement.verify(id, "officerCpcjd", true, null)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("already verified");
		assertThatThrownBy(() -> inTransaction(
				() -> agreement.recordAgreement(id, "officerCpcjd", PledgeFixtures.today().plusDays(1), " ")))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
				.extracting(org.coopflow.shared.InvalidField::field)
				.containsExactly("agreementDate", "agreementReference"));
		assertThat(status(id)).isEqualTo(PledgeStatus.PLEDGED);
	}

	@Test
	void fundsAreAllocatedOnlyAfterTheAgreementOnceAndToAFittingProgrammeOfTheSameOffice() {
		long id = pledged();
		long cpcjdProgramme = fixtures.openProgramme("officerCpcjd", "5000.00", "USD");
		long ohchrProgramme = fixtures.openProgramme("officerOhchr", "5000.00", "USD");
		assertThatThrownBy(() -> inTransaction(() -> allocation.allocate(id, "officerCpcjd", cpcjdProgramme)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("once the agreement is recorded");
		fixtures.verify(id);
		fixtures.agree(id);
		assertThatThrownBy(() -> inTransaction(() -> allocation.allocate(id, "officerCpcjd", ohchrProgramme)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("programmeId");
		long rejectedProgramme = fixtures.programmes().rejected("officerCpcjd",
				ProgrammeFixtures.draft("Prison reform, rejected"));
		assertThatThrownBy(() -> inTransaction(() -> allocation.allocate(id, "officerCpcjd", rejectedProgramme)))
			.isInstanceOf(InvalidInputException.class);
		fixtures.step("PUT", "/api/pledges/" + id + "/allocation", "officerCpcjd", "{\"programmeId\": " + cpcjdProgramme + "}",
				200);
		assertThatThrownBy(() -> inTransaction(() -> allocation.allocate(id, "officerCpcjd", cpcjdProgramme)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("already allocated");
	}

	@Test
	void aPledgeEarmarkedToAStandardFundsOnlyAProgrammePromotingIt() {
		var request = PledgeFixtures.pledge("1000", "USD");
		request.put("earmarking", "STANDARD");
		request.put("earmarkTarget", "BP-LAWYERS");
		long id = fixtures.create("donorNorway", request).path("id").asLong();
		fixtures.verify(id);
		fixtures.agree(id);
		long prisons = fixtures.openProgramme("officerCpcjd", "5000.00", "USD");
		assertThatThrownBy(() -> inTransaction(() -> allocation.allocate(id, "officerCpcjd", prisons)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("BP-LAWYERS");
	}

	@Test
	void aPaymentIsDecidedOnceAndAPaidPledgeCanNeitherBeCancelledNorLapse() {
		long id = pledged();
		fixtures.verify(id);
		fixtures.agree(id);
		long paymentId = PledgeFixtures.lastPaymentId(fixtures.pay(id, "donorNorway", "1000"));
		assertThatThrownBy(() -> inTransaction(() -> payments.decidePayment(id, paymentId, "officerCpcjd", false, null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("receiptNote");
		fixtures.confirm(id, paymentId);
		assertThat(status(id)).isEqualTo(PledgeStatus.PAID);
		assertThatThrownBy(() -> inTransaction(() -> payments.decidePayment(id, paymentId, "officerCpcjd", true, null)))
			.isInstanceOf(ConflictException.class);
		fixtures.step("PUT", "/api/pledges/" + id + "/cancellation", "officerCpcjd", "{\"reason\": \"late\"}", 409);
		assertThatThrownBy(() -> inTransaction(() -> closing.lapse(id))).isInstanceOf(ConflictException.class);
		fixtures.step("POST", "/api/pledges/" + id + "/payments", "donorNorway",
				"{\"amount\": \"1\", \"paidOn\": \"" + PledgeFixtures.today() + "\"}", 409);
		assertThat(status(id)).isEqualTo(PledgeStatus.PAID);
	}

	@Test
	void aCancellationNeedsAReasonAndAnOfficerOfThePledgesOffice() {
		long id = pledged();
		fixtures.step("PUT", "/api/pledges/" + id + "/cancellation", "officerCpcjd", "{\"reason\": \" \"}", 400);
		fixtures.step("PUT", "/api/pledges/" + id + "/cancellation", "officerOhchr", "{\"reason\": \"no\"}", 403);
		fixtures.step("PUT", "/api/pledges/" + id + "/cancellation", "coordinatorCpcjd", "{\"reason\": \"no\"}", 403);
		assertThat(status(id)).isEqualTo(PledgeStatus.PLEDGED);
	}

}
