package org.coopflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.coopflow.reference.StandardsCatalogue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every page, as each role sees it, says its roles, statuses, standards, countries, activity types and
 * people in words: no code shows where a name belongs. The pages are those of {@link CoopflowPages}, with
 * a funded programme (an activity, spending, a pledge of Norway) and an alert on it made first.
 */
@CoopflowTest
class PagesInWordsTests {

	static final List<String> USERS = CoopflowPages.USERS;

	/** Enumerations whose constants are codes; their names must never be what a page says. */
	private static final String[] CODED = { "org.coopflow.security.Role", "org.coopflow.programmes.ProgrammeStatus",
			"org.coopflow.programmes.ActivityType", "org.coopflow.pledges.PledgeStatus",
			"org.coopflow.pledges.Earmarking", "org.coopflow.overlap.AlertStatus",
			"org.coopflow.overlap.CoordinatorDecision", "org.coopflow.activities.ActivityStatus",
			"org.coopflow.activities.ReportStatus", "org.coopflow.activities.ReportKind",
			"org.coopflow.activities.ImplementationStage" };

	private static CoopflowPages.Ids ids;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	StandardsCatalogue standards;

	private CoopflowPages.Ids ids() {
		if (ids == null) {
			ids = CoopflowPages.createData(port, context);
		}
		return ids;
	}

	@ParameterizedTest
	@FieldSource("USERS")
	void everyPageSaysItInWords(String user) {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn(user, TestHttp.DEMO_PASSWORD);
		List<String> forbidden = forbidden();
		List<String> found = new ArrayList<>();
		for (String page : CoopflowPages.of(user, ids())) {
			TestHttp.Response response = browser.browse(page);
			assertThat(response.status()).as(user + " " + page).isEqualTo(200);
			// the users page's username column is where usernames belong: what people sign in with; the
			// standards page's code column, where administrators see the codes programmes and reports use
			String text = visibleText(page.equals("/users") ? response.body().replaceAll("<td>[A-Za-z0-9]+</td>", "<td></td>")
					: page.equals("/standards") ? response.body().replaceAll("<td>[A-Z0-9-]+</td>", "<td></td>")
					: response.body());
			if (page.equals("/account")) {
				// the one place a username belongs: the person's own, as what they sign in with
				text = text.replace("Username " + user + " ", "Username ");
			}
			for (String code : forbidden) {
				java.util.regex.Matcher match = Pattern.compile(code).matcher(text);
				if (match.find()) {
					found.add(page + ": " + match.group() + " in \"…"
							+ text.substring(Math.max(0, match.start() - 60), Math.min(text.length(), match.end() + 30)) + "…\"");
				}
			}
		}
		assertThat(found).as("codes %s reads where names belong", user).isEmpty();
	}

	/** Patterns of codes that must not be read on a page. */
	private List<String> forbidden() {
		List<String> codes = new ArrayList<>();
		for (String type : CODED) {
			try {
				for (Object constant : Class.forName(type).getEnumConstants()) {
					codes.add("\\b" + ((Enum<?>) constant).name() + "\\b");
				}
			}
			catch (ClassNotFoundException e) {
				throw new IllegalStateException(type, e);
			}
		}
		standards.all().forEach(standard -> codes.add("\\b" + Pattern.quote(standard.code()) + "\\b"));
		// Member States and beneficiary countries of the data, as codes; people by their usernames
		codes.addAll(List.of("\\bNO\\b", "\\bKE\\b", "\\bUG\\b", "\\bJP\\b", "\\bofficerCpcjd\\b", "\\bofficerOhchr\\b",
				"\\bcoordinatorCpcjd\\b", "\\bdonorNorway\\b", "USD per USD", "per USD", "\\bHIGH\\b"));
		return codes;
	}

	/** What a person reads: the page without its markup, scripts and styles, entities decoded. */
	static String visibleText(String html) {
		return html.replaceAll("(?s)<(script|style|title)[^>]*>.*?</\\1>", " ")
			.replaceAll("(?s)<!--.*?-->", " ")
			.replaceAll("(?s)<[^>]+>", " ")
			.replace("&#39;", "'")
			.replace("&quot;", "\"")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&")
			.replaceAll("\\s+", " ");
	}

}
