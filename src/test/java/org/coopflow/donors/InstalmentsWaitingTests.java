package org.coopflow.donors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.pledges.PledgeFixtures;
import org.coopflow.pledges.PledgeService;
import org.coopflow.pledges.PledgeView;
import org.coopflow.security.CoopflowUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The donor's home page lists what their Member State still owes on instalments due within 60 days, read
 * from the pledges that owe something by then (the database picks them), not from a first page of pledges.
 */
@CoopflowTest
class InstalmentsWaitingTests {

	private static final Pattern ITEM = Pattern.compile("href=\"/donor/pledges\\?pledge=(\\d+)#pledge-\\d+\"");

	@LocalServerPort
	int port;

	@Autowired
	PledgeService pledges;

	@Autowired
	UserDetailsService users;

	@Autowired
	InstalmentsWaiting waiting;

	private static ObjectNode inTwo(String first, int firstInDays, String second, int secondInDays) {
		String total = new java.math.BigDecimal(first).add(new java.math.BigDecimal(second)).toPlainString();
		ObjectNode pledge = PledgeFixtures.pledge(total, "USD");
		LocalDate today = PledgeFixtures.today();
		pledge.putArray("instalments")
			.add(PledgeFixtures.JSON.createObjectNode().put("dueDate", today.plusDays(firstInDays).toString()).put("amount", first))
			.add(PledgeFixtures.JSON.createObjectNode().put("dueDate", today.plusDays(secondInDays).toString()).put("amount", second));
		return pledge;
	}

	@Test
	void onlyPledgesThatStillOweAnInstalmentDueWithinSixtyDaysAreListed() {
		PledgeFixtures fixtures = new PledgeFixtures(TestHttp.api(port));
		long dueSoon = fixtures.create("donorJapan", inTwo("100", 10, "100", 200)).path("id").asLong();
		long dueLater = fixtures.create("donorJapan", inTwo("100", 100, "100", 200)).path("id").asLong();
		// the first instalment paid, the second due in 30 days: still owing
		long secondDue = fixtures.agreed("donorJapan", inTwo("100", 10, "100", 30), "100");
		// the first paid and the second far off: nothing owed by the horizon
		long firstPaid = fixtures.agreed("donorJapan", inTwo("100", 10, "100", 200), "100");
		long cancelled = fixtures.agreed("donorJapan", inTwo("100", 10, "100", 20), "0");
		fixtures.cancel(cancelled, "The agreement was not signed");
		long otherState = fixtures.create("donorNorway", inTwo("100", 10, "100", 20)).path("id").asLong();

		CoopflowUser japan = (CoopflowUser) users.loadUserByUsername("donorJapan");
		List<Long> owing = pledges.owingInstalmentsDueBy(japan, PledgeFixtures.today().plusDays(60))
			.stream()
			.map(PledgeView::id)
			.toList();
		assertThat(owing).contains(dueSoon, secondDue).doesNotContain(dueLater, firstPaid, cancelled, otherState);
		assertThat(owing).isSortedAccordingTo(java.util.Comparator.reverseOrder());

		// the paid first instalment is not owed any more, the second is
		PledgeView second = pledges.owingInstalmentsDueBy(japan, PledgeFixtures.today().plusDays(60))
			.stream()
			.filter(p -> p.id() == secondDue)
			.findFirst()
			.orElseThrow();
		assertThat(second.instalments()).extracting(i -> i.paidAmount().compareTo(i.amount()) < 0).containsExactly(false, true);
		var section = waiting.of(japan).orElseThrow();
		assertThat(section.items()).hasSizeLessThanOrEqualTo(InstalmentsWaiting.SHOWN);
	}

	@Test
	void theHomePageCountsEveryInstalmentDueAndShowsTheFirstTen() {
		PledgeFixtures fixtures = new PledgeFixtures(TestHttp.api(port));
		for (int i = 0; i < 6; i++) {
			fixtures.create("donorJapan", inTwo("100", 5 + i, "100", 40 + i));
		}
		CoopflowUser japan = (CoopflowUser) users.loadUserByUsername("donorJapan");
		LocalDate horizon = PledgeFixtures.today().plusDays(60);
		long expected = pledges.owingInstalmentsDueBy(japan, horizon)
			.stream()
			.flatMap(p -> p.instalments().stream())
			.filter(i -> !i.dueDate().isAfter(horizon) && i.paidAmount().compareTo(i.amount()) < 0)
			.count();
		assertThat(expected).isGreaterThanOrEqualTo(12);

		TestHttp browser = TestHttp.browser(port);
		browser.signIn("donorJapan", TestHttp.DEMO_PASSWORD);
		TestHttp.Response home = browser.browse("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Instalments due: " + expected);
		Matcher item = ITEM.matcher(home.body());
		int shown = 0;
		while (item.find()) {
			shown++;
		}
		assertThat(shown).isEqualTo(InstalmentsWaiting.SHOWN);
	}

}
