package org.coopflow.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lifecycle's transitions, each allowed and each refused one, as DOMAIN.md draws them. */
class PledgeStatusTests {

	private static Set<PledgeStatus> allowedFrom(PledgeStatus status) {
		Set<PledgeStatus> allowed = EnumSet.noneOf(PledgeStatus.class);
		for (PledgeStatus next : PledgeStatus.values()) {
			if (status.canBecome(next)) {
				allowed.add(next);
			}
		}
		return allowed;
	}

	@Test
	void aDraftIsAnnouncedOrWithdrawn() {
		assertThat(allowedFrom(PledgeStatus.DRAFT)).containsExactlyInAnyOrder(PledgeStatus.PLEDGED, PledgeStatus.WITHDRAWN);
	}

	@Test
	void aPledgeIsCommittedByTheAgreementOrEndsWithoutOne() {
		assertThat(allowedFrom(PledgeStatus.PLEDGED)).containsExactlyInAnyOrder(PledgeStatus.COMMITTED,
				PledgeStatus.WITHDRAWN, PledgeStatus.CANCELLED, PledgeStatus.LAPSED);
	}

	@Test
	void anAgreedPledgeIsPaidInPartsOrCancelledButNeverWithdrawnOrLapsed() {
		for (PledgeStatus agreed : EnumSet.of(PledgeStatus.COMMITTED, PledgeStatus.PARTIALLY_PAID)) {
			assertThat(allowedFrom(agreed)).as(agreed.name())
				.containsExactlyInAnyOrder(PledgeStatus.PARTIALLY_PAID, PledgeStatus.PAID, PledgeStatus.CANCELLED);
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "PAID", "WITHDRAWN", "CANCELLED", "LAPSED" })
	void finalStatusesGoNowhere(PledgeStatus status) {
		assertThat(status.isFinal()).isTrue();
		assertThat(allowedFrom(status)).isEmpty();
	}

	@Test
	void nothingGoesBackToDraftOrSkipsTheAgreement() {
		for (PledgeStatus status : PledgeStatus.values()) {
			assertThat(status.canBecome(PledgeStatus.DRAFT)).as(status + " -> DRAFT").isFalse();
		}
		assertThat(PledgeStatus.PLEDGED.canBecome(PledgeStatus.PAID)).isFalse();
		assertThat(PledgeStatus.PLEDGED.canBecome(PledgeStatus.PARTIALLY_PAID)).isFalse();
		assertThat(PledgeStatus.DRAFT.canBecome(PledgeStatus.COMMITTED)).isFalse();
	}

	@Test
	void onlyAgreedPledgesCountAsFundingAndExpectPayments() {
		assertThat(PledgeStatus.FUNDING).containsExactlyInAnyOrder(PledgeStatus.COMMITTED, PledgeStatus.PARTIALLY_PAID,
				PledgeStatus.PAID);
		for (PledgeStatus status : PledgeStatus.values()) {
			assertThat(status.expectsPayments()).as(status.name())
				.isEqualTo(status == PledgeStatus.COMMITTED || status == PledgeStatus.PARTIALLY_PAID);
			assertThat(status.isDonorChangeable()).as(status.name())
				.isEqualTo(status == PledgeStatus.DRAFT || status == PledgeStatus.PLEDGED);
		}
	}

}
