package org.coopflow.pledges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.pledges.PledgeRepository.Pledge;
import org.coopflow.shared.ConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pledge row a transaction has written is read once and then held until its next write: what the next
 * task's listeners read is the row as last written, never one older than a write of the same transaction;
 * a row it has not written is read each time.
 */
@CoopflowTest
class PledgeRepositoryTests {

	@LocalServerPort
	int port;

	@Autowired
	PledgeRepository pledges;

	@Autowired
	PledgeAgreement agreement;

	@Autowired
	PlatformTransactionManager transactions;

	TransactionTemplate transaction;

	PledgeFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new PledgeFixtures(TestHttp.api(port));
		transaction = new TransactionTemplate(transactions);
	}

	private long pledged() {
		return fixtures.create("donorNorway", PledgeFixtures.pledge("1000", "USD")).path("id").asLong();
	}

	@Test
	void aRowWrittenInTheTransactionIsHeldAndEveryFurtherWriteIsSeen() {
		long id = pledged();
		transaction.executeWithoutResult(status -> {
			Pledge read = pledges.find(id).orElseThrow();
			assertThat(pledges.update(id, read.version(), PledgeStatus.PLEDGED, new PledgeChange.Verified("officerCpcjd"),
					"officerCpcjd", Instant.now())).isTrue();
			Pledge verified = pledges.find(id).orElseThrow();
			assertThat(verified.verifiedBy()).isEqualTo("officerCpcjd");
			assertThat(verified.version()).isEqualTo(read.version() + 1);
			assertThat(pledges.find(id).orElseThrow()).as("held once read after the write").isSameAs(verified);

			assertThat(pledges.update(id, verified.version(), PledgeStatus.PLEDGED, new PledgeChange.Received(new BigDecimal("250")),
					"coopflow", Instant.now())).isTrue();
			Pledge received = pledges.find(id).orElseThrow();
			assertThat(received.receivedAmount()).isEqualByComparingTo("250");
			assertThat(received.version()).isEqualTo(read.version() + 2);
			status.setRollbackOnly();
		});
	}

	@Test
	void theUseCasesWritesAreSeenByWhatTheTransactionReadsNext() {
		long id = pledged();
		transaction.executeWithoutResult(status -> {
			agreement.verify(id, "officerCpcjd", true, null);
			Pledge verified = pledges.find(id).orElseThrow();
			assertThat(verified.verifiedAt()).isNotNull();
			agreement.recordAgreement(id, "officerCpcjd", PledgeFixtures.today(), "AGR-1");
			assertThat(pledges.find(id).orElseThrow().status()).isEqualTo(PledgeStatus.COMMITTED);
			status.setRollbackOnly();
		});
	}

	@Test
	void aRowNotWrittenInTheTransactionIsReadAgainWithAnotherTransactionsCommit() {
		long id = pledged();
		TransactionTemplate another = new TransactionTemplate(transactions);
		another.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		transaction.executeWithoutResult(status -> {
			Pledge before = pledges.find(id).orElseThrow();
			another.executeWithoutResult(inner -> assertThat(pledges.update(id, before.version(), PledgeStatus.PLEDGED,
					new PledgeChange.Verified("officerCpcjd"), "officerCpcjd", Instant.now())).isTrue());
			assertThat(pledges.find(id).orElseThrow().verifiedBy()).isEqualTo("officerCpcjd");
		});
	}

	@Test
	void aConditionalUpdateChangesNothingWhenThePledgeIsNotAsExpected() {
		long id = pledged();
		transaction.executeWithoutResult(status -> agreement.verify(id, "officerCpcjd", true, null));
		Pledge verified = pledges.find(id).orElseThrow();
		assertThat(pledges.updateIf(id, PledgeStatus.PLEDGED, PledgeStatus.PLEDGED, new PledgeChange.Verified("someoneElse"),
				"someoneElse", Instant.now())).isFalse();
		assertThat(pledges.updateIf(id, PledgeStatus.DRAFT, PledgeStatus.PLEDGED, new PledgeChange.Announced(), "someoneElse",
				Instant.now())).isFalse();
		assertThat(pledges.find(id).orElseThrow().version()).isEqualTo(verified.version());
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> agreement.verify(id, "officerCpcjd", true, null)))
			.isInstanceOf(ConflictException.class)
			.hasMessage("Pledge " + id + " is PLEDGED and already verified.");
	}

}
