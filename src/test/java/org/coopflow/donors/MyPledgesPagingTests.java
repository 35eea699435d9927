package org.coopflow.donors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.pledges.PledgeFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "My pledges" shows a Member State's pledges newest first, twenty a page, with a way to the next page. */
@CoopflowTest
class MyPledgesPagingTests {

	private static final Pattern CARD = Pattern.compile("<li class=\"card pledge\" id=\"pledge-(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void pledgesAreShownTwentyAPageNewestFirst() {
		PledgeFixtures pledges = new PledgeFixtures(TestHttp.api(port));
		// Japan has pledges of other tests too; make sure there are more than a page of them
		for (int i = 0; i < MyPledgesController.PAGE_SIZE + 1; i++) {
			pledges.create("donorJapan", PledgeFixtures.pledge("100", "USD"));
		}
		List<Long> newestFirst = jdbc.sql("SELECT id FROM pledge WHERE donor = 'JP' ORDER BY id DESC").query(Long.class).list();
		TestHttp browser = TestHttp.browser(port);
		browser.signIn("donorJapan", TestHttp.DEMO_PASSWORD);

		TestHttp.Response first = browser.browse("/donor/pledges");
		assertThat(first.status()).isEqualTo(200);
		assertThat(cards(first)).containsExactlyElementsOf(newestFirst.subList(0, 20));
		assertThat(first.body()).contains(newestFirst.size() + " pledges, newest first; 1 to 20 on this page.",
				"href=\"/donor/pledges?page=1\"").doesNotContain("Previous page");

		TestHttp.Response second = browser.browse("/donor/pledges?page=1");
		assertThat(cards(second)).containsExactlyElementsOf(newestFirst.subList(20, Math.min(40, newestFirst.size())));
		assertThat(second.body()).contains("href=\"/donor/pledges?page=0\"", "Page 2");
	}

	@Test
	void aLinkToOnePledgeOpensThePageItIsOn() {
		PledgeFixtures pledges = new PledgeFixtures(TestHttp.api(port));
		for (int i = 0; i < MyPledgesController.PAGE_SIZE + 2; i++) {
			pledges.create("donorJapan", PledgeFixtures.pledge("100", "USD"));
		}
		List<Long> newestFirst = jdbc.sql("SELECT id FROM pledge WHERE donor = 'JP' ORDER BY id DESC").query(Long.class).list();
		TestHttp browser = TestHttp.browser(port);
		browser.signIn("donorJapan", TestHttp.DEMO_PASSWORD);

		// the home page's instalments link to /donor/pledges?pledge=ID#pledge-ID
		long onSecondPage = newestFirst.get(MyPledgesController.PAGE_SIZE + 1);
		TestHttp.Response opened = browser.browse("/donor/pledges?pledge=" + onSecondPage);
		assertThat(opened.status()).isEqualTo(200);
		assertThat(cards(opened)).contains(onSecondPage)
			.containsExactlyElementsOf(newestFirst.subList(20, Math.min(40, newestFirst.size())));
		assertThat(cards(browser.browse("/donor/pledges?pledge=" + newestFirst.get(0)))).first().isEqualTo(newestFirst.get(0));
		// an explicit page wins over the pledge
		assertThat(cards(browser.browse("/donor/pledges?page=0&pledge=" + onSecondPage))).doesNotContain(onSecondPage);
	}

	@Test
	void aPageBeyondTheLastSaysSoRatherThanThatThereAreNoPledges() {
		new PledgeFixtures(TestHttp.api(port)).create("donorJapan", PledgeFixtures.pledge("100", "USD"));
		TestHttp browser = TestHttp.browser(port);
		browser.signIn("donorJapan", TestHttp.DEMO_PASSWORD);

		TestHttp.Response beyond = browser.browse("/donor/pledges?page=100000");
		assertThat(beyond.status()).isEqualTo(200);
		assertThat(cards(beyond)).isEmpty();
		assertThat(beyond.body()).contains("none on this page", "Previous page").doesNotContain("id=\"no-pledges\"");
	}

	private static List<Long> cards(TestHttp.Response page) {
		Matcher card = CARD.matcher(page.body());
		List<Long> ids = new java.util.ArrayList<>();
		while (card.find()) {
			ids.add(Long.parseLong(card.group(1)));
		}
		return ids;
	}

}
