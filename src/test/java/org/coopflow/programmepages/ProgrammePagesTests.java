package org.coopflow.programmepages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.Eventually;
import org.coopflow.TestHttp;
import org.coopflow.TestPortfolio;
import org.coopflow.pledges.PledgeFixtures;
import org.coopflow.programmes.ImportFiles;
import org.coopflow.programmes.ProposalLifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The officers' programme pages over real HTTP, as a browser uses them: the list with its defaults,
 * filters, pages and wrong parameters; the draft form with every error at once; editing with versions;
 * submitting; the CSV import's report; a programme's page; and donors kept out.
 */
@CoopflowTest
class ProgrammePagesTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	ProposalLifecycle programmes;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private TestHttp signedIn(String user) {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn(user, TestHttp.DEMO_PASSWORD);
		return browser;
	}

	/** A draft made through the API, as another officer's work would be; dates apart from every other test's. */
	private long draft(String officer, String title, String country, String standard, String amount) {
		ObjectNode draft = JSON.createObjectNode();
		draft.put("title", title);
		draft.put("description", "Training prison staff in the Nelson Mandela Rules");
		draft.putArray("countries").add(country);
		draft.putArray("standards").add(standard);
		draft.putArray("activityTypes").add("TRAINING");
		TestPortfolio.apart(draft);
		draft.putObject("budget").put("amount", amount).put("currency", "USD");
		TestHttp.Response created = TestHttp.api(port)
			.send("POST", "/api/programmes", officer, "application/json", draft.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Posts a form as the browser does, with the CSRF token of the page it came from. */
	private static TestHttp.Response post(TestHttp browser, String formPage, String action, Map<String, String> fields) {
		String token = browser.browse(formPage).csrfToken();
		String body = fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&")) + "&_csrf=" + encode(token);
		return browser.send("POST", action, null, "application/x-www-form-urlencoded", body);
	}

	private static Map<String, String> validForm(String title) {
		LocalDate[] period = TestPortfolio.period();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", title);
		form.put("description", "Training judges in the Basic Principles on the Independence of the Judiciary");
		form.put("scope", "NATIONAL");
		form.put("countries", "MW");
		form.put("standards", "BP-JUDICIARY");
		form.put("activityTypes", "TRAINING");
		form.put("plannedStart", period[0].toString());
		form.put("plannedEnd", period[1].toString());
		form.put("budgetAmount", "120000");
		form.put("budgetCurrency", "USD");
		return form;
	}

	private static long idFrom(TestHttp.Response redirect) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		Matcher id = Pattern.compile("/programmes/(\\d+)$").matcher(redirect.header("Location"));
		assertThat(id.find()).as(redirect.header("Location")).isTrue();
		return Long.parseLong(id.group(1));
	}

	// --- the list ------------------------------------------------------------------------------------

	@Test
	void anOfficersListOpensOnTheirOfficeAndSwitchesToBoth() {
		String token = "Defaults" + UUID.randomUUID().toString().substring(0, 8);
		long own = draft("officerCpcjd", token + " CPCJD prisons", "NA", "SMR-PRISONERS", "1000.00");
		long other = draft("officerOhchr", token + " OHCHR prisons", "NA", "SMR-PRISONERS", "1000.00");
		TestHttp browser = signedIn("officerCpcjd");

		String mine = browser.browse("/programmes?text=" + token).body();
		assertThat(mine).contains("id=\"programme-" + own + "\"", "(programme " + own + ", CPCJD)", "Your office&#39;s programmes (CPCJD)", "Namibia",
				"Standard Minimum Rules for the Treatment of Prisoners", "USD 1,000", ">Draft<", "1 programme found.")
			.doesNotContain("id=\"programme-" + other + "\"", ">SMR-PRISONERS<", ">NA<", ">DRAFT<");

		String both = browser.browse("/programmes?office=ALL&text=" + token).body();
		assertThat(both).contains("id=\"programme-" + own + "\"", "id=\"programme-" + other + "\"",
				"2 programmes found.");
		assertThat(signedIn("admin").browse("/programmes?text=" + token).body()).contains("2 programmes found.");
	}

	@Test
	void filtersNarrowTheListByStatusCountryStandardAndFundingGap() {
		String token = "Filters" + UUID.randomUUID().toString().substring(0, 8);
		long small = draft("officerCpcjd", token + " small", "KE", "CODE-LEO", "1000.00");
		long large = draft("officerCpcjd", token + " large", "UG", "TOKYO-RULES", "90000.00");
		TestHttp browser = signedIn("officerCpcjd");
		String base = "/programmes?text=" + token;

		assertThat(browser.browse(base + "&status=DRAFT").body()).contains("2 programmes found.");
		assertThat(browser.browse(base + "&status=UNDER_REVIEW").body()).contains("0 programmes found.");
		assertThat(browser.browse(base + "&country=KE").body()).contains("id=\"programme-" + small + "\"")
			.doesNotContain("id=\"programme-" + large + "\"");
		assertThat(browser.browse(base + "&standard=TOKYO-RULES").body()).contains("id=\"programme-" + large + "\"")
			.doesNotContain("id=\"programme-" + small + "\"");
		assertThat(browser.browse(base + "&gap=OPEN").body()).contains("2 programmes found.");
		assertThat(browser.browse(base + "&gap=OPEN&minGap=50000").body()).contains("id=\"programme-" + large + "\"")
			.doesNotContain("id=\"programme-" + small + "\"");
		// the form shows what was asked for, so the next search starts from it
		assertThat(browser.browse(base + "&country=KE").body()).contains("value=\"KE\" selected");
	}

	@Test
	void aLongListComesInPagesOfTwenty() {
		String token = "Paging" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 21; i++) {
			draft("officerOhchr", token + " " + i, "PE", "BP-LAWYERS", "1000.00");
		}
		TestHttp browser = signedIn("officerOhchr");
		String first = browser.browse("/programmes?text=" + token).body();
		assertThat(first).contains("21 programmes found.", "Next page", "Page 1").doesNotContain("Previous page");
		assertThat(Pattern.compile("id=\"programme-\\d+\"").matcher(first).results().count()).isEqualTo(20);
		String second = browser.browse("/programmes?text=" + token + "&page=1").body();
		assertThat(second).contains("Previous page", "Page 2").doesNotContain("Next page");
		assertThat(Pattern.compile("id=\"programme-\\d+\"").matcher(second).results().count()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "status=NOPE|status", "page=-1|page", "page=two|page", "office=UNODC|office",
			"country=XX|country", "standard=NONSUCH|standard", "gap=SOME|gap", "minGap=lots|minGap",
			"minGap=-5|minGap" })
	void aWrongParameterGetsAPageThatNamesItAndSaysWhy(String example) {
		String query = example.substring(0, example.indexOf('|'));
		String parameter = example.substring(example.indexOf('|') + 1);
		TestHttp.Response response = signedIn("coordinatorCpcjd").browse("/programmes?" + query);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("text/html");
		assertThat(response.body()).contains("The address has a mistake", "<strong>" + parameter + "</strong>")
			.doesNotContain("Something went wrong");
	}

	@Test
	void aProgrammeNumberThatIsNotOneIsNamedToo() {
		TestHttp.Response response = signedIn("officerCpcjd").browse("/programmes/seven");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("&#39;seven&#39; is not a programme number");
	}

	// --- the form ------------------------------------------------------------------------------------

	@Test
	void aBadDraftShowsEveryErrorAtOnceNextToItsFieldAndKeepsWhatWasTyped() {
		TestHttp browser = signedIn("officerCpcjd");
		Map<String, String> form = validForm("");
		form.remove("standards");
		form.put("budgetAmount", "12,5x");
		form.put("budgetCurrency", "ZZZ");
		form.put("plannedEnd", form.get("plannedStart"));
		form.put("sectors", "151");
		form.put("description", "Kept as typed <b>here</b>");
		TestHttp.Response response = post(browser, "/programmes/new", "/programmes", form);

		assertThat(response.status()).isEqualTo(400);
		String page = response.body();
		assertThat(page).contains("There are 6 problems with the programme", "href=\"#title\">Title: is required",
				"href=\"#standards\">Standards: choose at least one", "href=\"#sectors\">DAC sectors: ",
				"href=\"#plannedEnd\">Planned end: must be after the planned start",
				"href=\"#budgetAmount\">Budget amount: &#39;12,5x&#39; is not an amount",
				"href=\"#budgetCurrency\">Budget currency: &#39;ZZZ&#39; is not an ISO 4217 currency");
		for (String field : new String[] { "title", "standards", "sectors", "plannedEnd", "budgetAmount", "budgetCurrency" }) {
			assertThat(page).as(field).contains("id=\"" + field + "-error\"");
		}
		assertThat(page).contains("value=\"12,5x\"", "value=\"ZZZ\"", "Kept as typed &lt;b&gt;here&lt;/b&gt;",
				"value=\"MW\" selected");
	}

	@Test
	void sectorsAreTickedByNameOrTypedAndAnUnknownCodeIsNamed() {
		TestHttp browser = signedIn("officerCpcjd");
		assertThat(browser.browse("/programmes/new").body()).contains("name=\"commonSectors\" value=\"15130\"",
				"15130 Legal and judicial development", "15160 Human rights", "15210 Security system management and reform");

		Map<String, String> form = validForm("Sectors by name " + UUID.randomUUID());
		form.put("commonSectors", "15160");
		form.put("sectors", "99999, 15150");
		TestHttp.Response refused = post(browser, "/programmes/new", "/programmes", form);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("href=\"#sectors\">DAC sectors: &#39;99999&#39; is not a DAC sector code in use",
				"value=\"99999, 15150\"", "name=\"commonSectors\" value=\"15160\" checked");

		// a code both ticked and typed is one sector
		form.put("sectors", "15150 15160");
		long id = idFrom(post(browser, "/programmes/new", "/programmes", form));
		assertThat(browser.browse("/programmes/" + id).body()).contains(">15160 Human rights<",
				">15150 Democratic participation and civil society<");
		assertThat(browser.browse("/programmes/" + id + "/edit").body())
			.contains("name=\"commonSectors\" value=\"15160\" checked", "id=\"sectors\" name=\"sectors\" type=\"text\"")
			.contains("value=\"15150\"")
			.doesNotContain("name=\"commonSectors\" value=\"15130\" checked");
	}

	@Test
	void aProgrammeWithASectorCodeSinceWithdrawnShowsItAndIsEditedOnceItIsReplaced() {
		TestHttp browser = signedIn("officerCpcjd");
		Map<String, String> form = validForm("Withdrawn sector " + UUID.randomUUID());
		form.put("sectors", "15150");
		long id = idFrom(post(browser, "/programmes/new", "/programmes", form));
		// saved before the code was withdrawn (11321 was, at the end of 2019)
		jdbc.sql("UPDATE programme_sector SET dac_code = '11321' WHERE programme_id = ?").param(id).update();

		assertThat(browser.browse("/programmes/" + id).body()).contains(">11321 Lower secondary education<");
		String edit = browser.browse("/programmes/" + id + "/edit").body();
		assertThat(edit).contains("value=\"11321\"");
		Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(edit);
		assertThat(version.find()).isTrue();
		form.put("version", version.group(1));
		form.put("sectors", "11321");
		TestHttp.Response refused = post(browser, "/programmes/" + id + "/edit", "/programmes/" + id, form);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("&#39;11321&#39; is not a DAC sector code in use");

		form.put("sectors", "15150");
		assertThat(post(browser, "/programmes/" + id + "/edit", "/programmes/" + id, form).status()).isEqualTo(302);
		assertThat(browser.browse("/programmes/" + id).body()).contains(">15150 Democratic participation and civil society<");
	}

	@Test
	void anOfficerCreatesEditsAndSubmitsADraftAndSeesItsPage() {
		TestHttp browser = signedIn("officerCpcjd");
		String title = "Judicial independence in Malawi " + UUID.randomUUID();
		long id = idFrom(post(browser, "/programmes/new", "/programmes", validForm(title)));

		String page = browser.browse("/programmes/" + id).body();
		assertThat(page).contains(title, ">Draft<", "The draft was saved", "Malawi",
				"Basic Principles on the Independence of the Judiciary", "USD 120,000", "Created as a draft",
				"Amina Diallo", "No pledge to this programme yet", "No overlap alert", "Submit the proposal")
			.doesNotContain("officerCpcjd", "BP-JUDICIARY", ">MW<");

		String edit = browser.browse("/programmes/" + id + "/edit").body();
		Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(edit);
		assertThat(version.find()).as(edit).isTrue();
		int read = Integer.parseInt(version.group(1));
		assertThat(edit).contains("value=\"" + title + "\"");
		Map<String, String> changed = validForm(title + " (revised)");
		changed.put("version", String.valueOf(read));
		assertThat(post(browser, "/programmes/" + id + "/edit", "/programmes/" + id, changed).header("Location"))
			.endsWith("/programmes/" + id);
		assertThat(browser.browse("/programmes/" + id).body()).contains(title + " (revised)", "Your changes were saved",
				"Edited</strong>", "(Title, ");

		// the same form sent again, on the version that is no longer current: refused, what was typed kept
		changed.put("title", title + " (second try)");
		TestHttp.Response stale = post(browser, "/programmes/" + id + "/edit", "/programmes/" + id, changed);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("someone else saved a change to this programme (by Amina Diallo)",
				"value=\"" + title + " (second try)\"", "name=\"version\" value=\"" + (read + 1) + "\"");

		TestHttp.Response submitted = post(browser, "/programmes/" + id, "/programmes/" + id + "/submission", Map.of());
		assertThat(submitted.status()).isEqualTo(302);
		String after = Eventually.equals(() -> {
			String body = browser.browse("/programmes/" + id).body();
			return body.contains(">Under review<") ? ">Under review<" : body;
		}, ">Under review<");
		assertThat(after).isNotNull();
		String underReview = browser.browse("/programmes/" + id).body();
		assertThat(underReview).contains("Submitted as a funding proposal")
			.doesNotContain("Submit the proposal", "id=\"edit\"")
			// four eyes: the review is hidden from its author here as in Tasklist and on their home page
			.doesNotContain("/camunda/app/tasklist/default/#/?task=");
		assertThat(browser.browse("/").body()).doesNotContain("Review proposal — " + title);
		// the office's second pair of eyes finds it on the programme's page and on their home page
		TestHttp reviewer = signedIn("reviewerCpcjd");
		assertThat(reviewer.browse("/programmes/" + id).body()).contains("/camunda/app/tasklist/default/#/?task=",
				"Review proposal — " + title);
		assertThat(reviewer.browse("/").body()).contains("Review proposal — " + title);
		// the other office reads the programme, not the tasks of CPCJD's people
		assertThat(signedIn("officerOhchr").browse("/programmes/" + id).body()).contains(title)
			.doesNotContain("/camunda/app/tasklist/default/#/?task=");

		TestHttp.Response notEditable = browser.browse("/programmes/" + id + "/edit");
		assertThat(notEditable.status()).isEqualTo(302);
		assertThat(browser.browse("/programmes/" + id).body()).contains("It cannot be edited: it is under review");
	}

	@Test
	void aProgrammesPageShowsTheOverlapAlertOnItAndTheTasksWaitingOnIt() {
		LocalDate[] period = TestPortfolio.period();
		String title = "Prison staff training in Malawi " + UUID.randomUUID();
		ObjectNode other = JSON.createObjectNode();
		other.put("title", title + " (OHCHR)");
		other.put("description", "Training prison staff in Malawi in the Nelson Mandela Rules");
		other.putArray("countries").add("MW");
		other.putArray("standards").add("SMR-PRISONERS");
		other.putArray("activityTypes").add("TRAINING");
		other.put("plannedStart", period[0].toString());
		other.put("plannedEnd", period[1].toString());
		other.putObject("budget").put("amount", "50000").put("currency", "USD");
		TestHttp api = TestHttp.api(port);
		long otherId = api.send("POST", "/api/programmes", "officerOhchr", "application/json", other.toString())
			.json()
			.path("id")
			.asLong();
		assertThat(api.send("POST", "/api/programmes/" + otherId + "/submission", "officerOhchr", null, null).status())
			.isEqualTo(201);

		TestHttp browser = signedIn("officerCpcjd");
		Map<String, String> form = validForm(title);
		form.put("description", "Training prison staff in Malawi in the Nelson Mandela Rules");
		form.put("standards", "SMR-PRISONERS");
		form.put("plannedStart", period[0].toString());
		form.put("plannedEnd", period[1].toString());
		long id = idFrom(post(browser, "/programmes/new", "/programmes", form));
		post(browser, "/programmes/" + id, "/programmes/" + id + "/submission", Map.of());

		Eventually.equals(() -> browser.browse("/programmes/" + id).body().contains(">Overlap review<"), true);
		String page = browser.browse("/programmes/" + id).body();
		assertThat(page).contains("may overlap " + title + " (OHCHR)", "href=\"/overlap-alerts/",
				"Sent to the coordinators");
		// the review waits for the coordinators: theirs to open, so their page links to it
		assertThat(signedIn("coordinatorCpcjd").browse("/programmes/" + id).body())
			.contains("/camunda/app/tasklist/default/#/?task=", "Review overlap: ");
	}

	@Test
	void aProgrammesPageShowsItsPledgesByMemberStateAndItsFunding() {
		long id = draft("officerCpcjd", "Funded by pledges " + UUID.randomUUID(), "KE", "CODE-LEO", "100000.00");
		programmes.submit(id, "officerCpcjd");
		programmes.awaitReview(id);
		programmes.openForFunding(id, "reviewerCpcjd");
		long pledge = new PledgeFixtures(TestHttp.api(port)).create("donorNorway",
				PledgeFixtures.toProgramme("30000", "USD", id))
			.path("id")
			.asLong();

		String page = signedIn("officerOhchr").browse("/programmes/" + id).body();
		assertThat(page).contains("id=\"pledge-" + pledge + "\"", ">Norway<", ">USD 30,000<", ">Pledged<",
				"Earmarked for a programme", ">Open for funding<", "Opened for funding", "USD 100,000")
			.doesNotContain(">NO<", ">PLEDGED<", "reviewerCpcjd");
	}

	@Test
	void aProgrammesPageNamesItsSectorsAndSaysWhenItsFundingPeriodEnds() {
		ObjectNode draft = org.coopflow.programmes.ProgrammeFixtures.draft("Sectors in words " + UUID.randomUUID());
		draft.putArray("sectors").add("15130").add("15160");
		long id = new org.coopflow.programmes.ProgrammeFixtures(TestHttp.api(port)).create("officerCpcjd", draft);
		TestHttp browser = signedIn("officerCpcjd");
		assertThat(browser.browse("/programmes/" + id).body())
			.contains(">15130 Legal and judicial development<", ">15160 Human rights<", "90 days from opening for funding<");

		programmes.submit(id, "officerCpcjd");
		programmes.awaitReview(id);
		programmes.openForFunding(id, "reviewerCpcjd");
		String deadline = java.time.Instant
			.parse(TestHttp.api(port).get("/api/programmes/" + id, "officerCpcjd").json().path("fundingDeadlineAt").asText())
			.atZone(java.time.ZoneOffset.UTC)
			.toLocalDate()
			.toString();
		assertThat(browser.browse("/programmes/" + id).body())
			.contains("90 days from opening for funding; deadline " + deadline + "<")
			.contains("Opened for funding</strong> by <span>Kenji Watanabe</span><span> (Funding deadline: " + deadline + ")");
	}

	// --- the import ----------------------------------------------------------------------------------

	@Test
	void anImportShowsWhatWasImportedOrEveryRefusedRow() {
		TestHttp browser = signedIn("officerOhchr");
		String token = browser.browse("/programmes/imports/new").csrfToken();
		String title = "Imported " + UUID.randomUUID();
		String good = ImportFiles.file(ImportFiles.validRow(title + " one"), ImportFiles.validRow(title + " two"));
		TestHttp.Response report = browser.postFile("/programmes/imports?_csrf=" + encode(token), null, "file",
				"portfolio.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8));
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.body()).contains("2 programmes were imported from portfolio.csv as drafts of OHCHR");
		assertThat(browser.browse("/programmes?text=" + encode(title)).body()).contains("2 programmes found.");

		Map<String, String> bad = ImportFiles.validRow(title + " bad");
		bad.put("budgetCurrency", "XXX");
		TestHttp.Response refused = browser.postFile("/programmes/imports?_csrf=" + encode(token), null, "file",
				"bad.csv", "text/csv",
				ImportFiles.file(ImportFiles.validRow(title + " fine"), bad).getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Nothing was imported", "1 of 2 rows were refused", "<td class=\"num\">3</td>",
				"budgetCurrency", "XXX");
	}

	// --- who may open them ---------------------------------------------------------------------------

	@ParameterizedTest
	@ValueSource(strings = { "donorNorway", "donorJapan" })
	void donorsGetTheForbiddenPage(String user) {
		long id = draft("officerCpcjd", "Kept from donors " + UUID.randomUUID(), "KE", "CODE-LEO", "1000.00");
		TestHttp browser = signedIn(user);
		for (String page : new String[] { "/programmes", "/programmes/new", "/programmes/" + id,
				"/programmes/" + id + "/edit", "/programmes/imports/new" }) {
			TestHttp.Response response = browser.browse(page);
			assertThat(response.status()).as(page).isEqualTo(403);
			assertThat(response.body()).as(page).contains("You may not open this page");
		}
		String token = browser.browse("/").csrfToken();
		TestHttp.Response submit = browser.send("POST", "/programmes/" + id + "/submission", null,
				"application/x-www-form-urlencoded", "_csrf=" + encode(token));
		assertThat(submit.status()).isEqualTo(403);
	}

	@Test
	void coordinatorsReadAProgrammeButAreNotOfferedToWriteIt() {
		long id = draft("officerCpcjd", "Read by coordinators " + UUID.randomUUID(), "KE", "CODE-LEO", "1000.00");
		String page = signedIn("coordinatorOhchr").browse("/programmes/" + id).body();
		assertThat(page).contains("Read by coordinators", "Code of Conduct for Law Enforcement Officials")
			.doesNotContain("Submit the proposal", "id=\"edit\"");
		// nor does the other office's officer get a form whose saving would be refused
		TestHttp other = signedIn("officerOhchr");
		TestHttp.Response edit = other.browse("/programmes/" + id + "/edit");
		assertThat(edit.status()).isEqualTo(302);
		assertThat(other.browse("/programmes/" + id).body()).contains("Only programme officers of CPCJD edit this programme.");
	}

}
