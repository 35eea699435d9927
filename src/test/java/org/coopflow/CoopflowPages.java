package org.coopflow;

import java.util.ArrayList;
import java.util.List;

import org.coopflow.activities.ImplementationFixtures;
import org.coopflow.overlap.TestAlertsAccess;
import org.springframework.context.ApplicationContext;

/**
 * Every coopflow page each demo user opens, in one place, for the tests that go through all of them
 * ({@code PagesInWordsTests}, {@code CoopflowPagesBrowserTests}). A new page is added here once, and both
 * tests then check it for every role that may open it.
 */
public final class CoopflowPages {

	/** One demo user of each role; the office-bound roles of CPCJD, whose programmes the data is of. */
	public static final List<String> USERS = List.of("officerCpcjd", "coordinatorCpcjd", "admin", "donorNorway");

	/** The records the pages with an id in their address show: made by the test before it opens them. */
	public record Ids(long implementedProgramme, long pledge, long alert) {
	}

	private CoopflowPages() {
	}

	/**
	 * The data the pages show: a CPCJD programme funded by Norway in US dollars (part received), with an
	 * expert meeting planned and spending recorded, and an open alert between the two offices.
	 */
	public static Ids createData(int port, ApplicationContext context) {
		ImplementationFixtures fixtures = new ImplementationFixtures(TestHttp.api(port));
		long programme = fixtures.openProgramme("30000.00", "USD");
		long pledge = fixtures.pledge(programme, "donorNorway", "30000.00", "12000");
		fixtures.markFunded(programme);
		long activity = fixtures.plan(programme,
				ImplementationFixtures.activity("EXPERT_MEETING", "Expert meeting").put("budgetLine", "BL-7"))
			.path("id")
			.asLong();
		fixtures.pledges()
			.step("POST", "/api/activities/" + activity + "/expenditures", "officerCpcjd",
					ImplementationFixtures.expenditure("3000.00").toString(), 201);
		long alert = TestAlertsAccess.raiseBetweenOffices(port, context, "Prison reform in Kenya",
				"Prison monitoring in Kenya", "KE", "VICTIMS-DECL");
		return new Ids(programme, pledge, alert);
	}

	/** The pages {@code user} may open, as addresses relative to the context path. */
	public static List<String> of(String user, Ids ids) {
		List<String> pages = new ArrayList<>();
		pages.add("/");
		pages.add("/account");
		if (user.startsWith("donor")) {
			pages.addAll(List.of("/donor/programmes", "/donor/pledges/new", "/donor/pledges", "/donor/chart",
					"/donor/pledges/" + ids.pledge() + "/report"));
			return pages;
		}
		pages.addAll(List.of("/portfolio", "/implementation", "/implementation/" + ids.implementedProgramme(),
				"/overlap-alerts", "/overlap-alerts/chart", "/overlap-alerts/" + ids.alert()));
		pages.addAll(List.of("/programmes", "/programmes?office=ALL", "/programmes/" + ids.implementedProgramme()));
		pages.add("/exchange-rates");
		if (user.equals("admin")) {
			pages.addAll(List.of("/users", "/standards"));
		}
		if (user.startsWith("officer")) {
			pages.addAll(List.of("/programmes/new", "/programmes/imports/new"));
		}
		return pages;
	}

}
