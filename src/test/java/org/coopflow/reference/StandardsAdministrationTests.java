package org.coopflow.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.TestPortfolio;
import org.coopflow.TestRaces;
import org.coopflow.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Administrators add standards to the catalogue and correct their words, through {@code /api/standards} and
 * the standards page, over real HTTP and the real database: what they add is what a programme may name, and
 * what they correct is what every page shows. The seeded nine are never touched here, since other tests
 * read them.
 */
@CoopflowTest
class StandardsAdministrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AddStandard addStandard;

	@Autowired
	StandardsCatalogue catalogue;

	@Autowired
	ReferenceCodes referenceCodes;

	private TestHttp api() {
		return TestHttp.api(port);
	}

	/** A code no other test uses: letters only, since a UUID's digits could start it. */
	static String uniqueCode(String prefix) {
		StringBuilder letters = new StringBuilder();
		for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
			letters.append((char) ('A' + Character.digit(c, 16)));
		}
		return prefix + "-" + letters;
	}

	private static String standard(String code, String title, String adoptedBy) {
		ObjectNode json = JSON.createObjectNode();
		json.put("code", code);
		json.put("title", title);
		json.put("adoptedBy", adoptedBy);
		return json.toString();
	}

	/** A programme draft promoting {@code standard}, on dates apart from every other test's. */
	private static ObjectNode draft(String title, String standard) {
		ObjectNode draft = JSON.createObjectNode();
		draft.put("title", title);
		draft.put("description", "Prison rules, and training in them");
		draft.putArray("countries").add("KE");
		draft.putArray("standards").add(standard);
		draft.putArray("activityTypes").add("TRAINING");
		TestPortfolio.apart(draft);
		draft.putObject("budget").put("amount", "90000").put("currency", "USD");
		return draft;
	}

	private TestHttp.Response add(String user, String json) {
		return api().send("POST", "/api/standards", user, "application/json", json);
	}

	private long standards() {
		return jdbc.sql("SELECT COUNT(*) FROM standard").query(Long.class).single();
	}

	@Test
	void anAddedStandardComesLastAndAProgrammeMayPromoteIt() {
		// the codes programmes are checked against, held in memory as any earlier request leaves them
		referenceCodes.snapshot();
		String code = uniqueCode("BANGKOK");
		TestHttp.Response added = add("admin", standard(code,
				"UN Rules for the Treatment of Women Prisoners and Non-custodial Measures for Women Offenders (the Bangkok Rules)",
				"GA res. 65/229 of 21 December 2010"));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.header("Location")).isEqualTo("/api/standards/" + code);
		assertThat(added.json().path("title").asText()).endsWith("(the Bangkok Rules)");

		List<String> codes = api().get("/api/standards", "officerCpcjd").json().findValuesAsText("code");
		assertThat(codes.subList(0, 9)).as("the seeded nine keep their places").containsExactly("SMR-PRISONERS",
				"CODE-LEO", "BP-FORCE-FIREARMS", "VICTIMS-DECL", "BP-JUDICIARY", "TOKYO-RULES", "GL-PROSECUTORS",
				"BP-LAWYERS", "DRAFT-ADMIN-JUSTICE");
		assertThat(codes).contains(code);
		assertThat(api().get("/api/standards/" + code, "donorJapan").json().path("adoptedBy").asText())
			.isEqualTo("GA res. 65/229 of 21 December 2010");

		TestHttp.Response programme = api().send("POST", "/api/programmes", "officerCpcjd", "application/json",
				draft("Women in prison in Kenya", code).toString());
		assertThat(programme.status()).as(programme.body()).isEqualTo(201);
		assertThat(programme.json().path("standards").toString()).contains(code);

		TestHttp officer = TestHttp.browser(port);
		officer.signIn("officerCpcjd", TestHttp.DEMO_PASSWORD);
		assertThat(officer.browse("/programmes/new").body()).as("offered to officers at once").contains(code)
			.contains("(the Bangkok Rules)");
	}

	@Test
	void correctedWordsShowOnTheProgrammesThatNameTheStandard() {
		String code = uniqueCode("DRAFT");
		assertThat(add("admin", standard(code, "Draft rules under review", "ECOSOC res. 1997/32, para. 7")).status())
			.isEqualTo(201);
		TestHttp.Response changed = api().send("PUT", "/api/standards/" + code, "admin", "application/json",
				"{\"title\": \"  Rules now adopted \", \"adoptedBy\": \"GA res. 99/1 of 1 January 2027\"}");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().path("title").asText()).isEqualTo("Rules now adopted");
		assertThat(changed.json().path("code").asText()).isEqualTo(code);
		assertThat(api().get("/api/standards/" + code, "officerOhchr").json().path("adoptedBy").asText())
			.isEqualTo("GA res. 99/1 of 1 January 2027");

		TestHttp.Response unknown = api().send("PUT", "/api/standards/NO-SUCH-STANDARD", "admin", "application/json",
				"{\"title\": \"x\", \"adoptedBy\": \"y\"}");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");

		TestHttp.Response blank = api().send("PUT", "/api/standards/" + code, "admin", "application/json",
				"{\"title\": \" \", \"adoptedBy\": \"" + "x".repeat(601) + "\"}");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().path("errors").findValuesAsText("field")).containsExactly("title", "adoptedBy");
		assertThat(api().get("/api/standards/" + code, "admin").json().path("title").asText())
			.as("a refused change changes nothing").isEqualTo("Rules now adopted");
	}

	@Test
	void aStandardNothingNamesCanBeRemovedAndOneAProgrammeNamesStays() {
		String typo = uniqueCode("BANKGOK");
		assertThat(add("admin", standard(typo, "Bangkok Rules, mistyped", "GA res. 65/229")).status()).isEqualTo(201);
		referenceCodes.snapshot();
		assertThat(api().send("DELETE", "/api/standards/" + typo, "officerCpcjd", null, null).status()).isEqualTo(403);
		TestHttp.Response removed = api().send("DELETE", "/api/standards/" + typo, "admin", null, null);
		assertThat(removed.status()).as(removed.body()).isEqualTo(204);
		assertThat(api().get("/api/standards/" + typo, "admin").status()).isEqualTo(404);
		assertThat(api().send("DELETE", "/api/standards/" + typo, "admin", null, null).status()).isEqualTo(404);
		ObjectNode draft = draft("Prison rules in Chad", typo);
		assertThat(api().send("POST", "/api/programmes", "officerCpcjd", "application/json", draft.toString()).status())
			.as("no longer accepted at once on this node").isEqualTo(400);

		String named = uniqueCode("NAMED");
		assertThat(add("admin", standard(named, "Rules a programme promotes", "GA res. 1/1")).status()).isEqualTo(201);
		draft.putArray("standards").add(named);
		TestHttp.Response programme = api().send("POST", "/api/programmes", "officerCpcjd", "application/json", draft.toString());
		assertThat(programme.status()).as(programme.body()).isEqualTo(201);
		TestHttp.Response stays = api().send("DELETE", "/api/standards/" + named, "admin", null, null);
		assertThat(stays.status()).isEqualTo(409);
		assertThat(stays.contentType()).startsWith("application/problem+json");
		assertThat(stays.json().path("detail").asText()).isEqualTo(named
				+ " stays in the catalogue: 1 programme names it. Only a standard nothing names can be removed.");
		assertThat(api().get("/api/standards/" + named, "admin").status()).isEqualTo(200);

		TestHttp browser = TestHttp.browser(port);
		browser.signIn("admin", TestHttp.DEMO_PASSWORD);
		assertThat(browser.submitFrom("/standards", "/standards/" + named + "/remove", Map.of()).status()).isEqualTo(302);
		assertThat(browser.browse("/standards").body()).contains(named + " stays in the catalogue: 1 programme names it.");
		String another = uniqueCode("UNUSED");
		assertThat(add("admin", standard(another, "Rules nobody named", "GA res. 2/2")).status()).isEqualTo(201);
		assertThat(browser.submitFrom("/standards", "/standards/" + another + "/remove", Map.of()).status()).isEqualTo(302);
		assertThat(browser.browse("/standards").body()).contains("Removed Rules nobody named (" + another + ") from the catalogue.")
			.doesNotContain("id=\"standard-" + another + "\"");
	}

	@Test
	void badInputNamesEveryFieldAndAddsNothing() {
		long before = standards();
		TestHttp.Response bad = add("admin", "{\"code\": \"bangkok rules\", \"title\": \"\", \"adoptedBy\": null}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactly("code", "title", "adoptedBy");
		for (String code : List.of("", "-LEADING", "TRAILING-", "DOUBLE--HYPHEN", "9DIGIT-FIRST", "A".repeat(33), " SPACED")) {
			TestHttp.Response refused = add("admin", standard(code, "A title", "A resolution"));
			assertThat(refused.status()).as(code).isEqualTo(400);
			assertThat(refused.json().path("errors").findValuesAsText("field")).as(code).containsExactly("code");
		}
		assertThat(add("admin", standard("A".repeat(32), "x".repeat(301), "A resolution")).json().path("errors")
			.findValuesAsText("field")).containsExactly("title");
		assertThat(standards()).isEqualTo(before);
	}

	@Test
	void aTitleAnotherStandardHasIsRefusedByNameAndChangesNothing() {
		long before = standards();
		TestHttp.Response copied = add("admin", standard(uniqueCode("COPY"),
				"standard minimum rules for the treatment of prisoners", "A resolution"));
		assertThat(copied.status()).as(copied.body()).isEqualTo(400);
		assertThat(copied.json().path("errors").findValuesAsText("field")).containsExactly("title");
		assertThat(copied.json().path("errors").findValuesAsText("reason").get(0)).startsWith("is the title of SMR-PRISONERS already");
		assertThat(standards()).isEqualTo(before);

		String code = uniqueCode("RENAMED");
		assertThat(add("admin", standard(code, "Rules to be renamed", "A resolution")).status()).isEqualTo(201);
		String tokyo = api().get("/api/standards/TOKYO-RULES", "admin").json().path("title").asText();
		TestHttp.Response renamed = api().send("PUT", "/api/standards/" + code, "admin", "application/json",
				"{\"title\": \"" + tokyo.toUpperCase(java.util.Locale.ROOT) + "\", \"adoptedBy\": \"A resolution\"}");
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(400);
		assertThat(renamed.json().path("errors").findValuesAsText("field")).containsExactly("title");
		assertThat(api().get("/api/standards/" + code, "admin").json().path("title").asText()).isEqualTo("Rules to be renamed");
		// its own title again, in other letters, is its own
		assertThat(api().send("PUT", "/api/standards/" + code, "admin", "application/json",
				"{\"title\": \"RULES TO BE RENAMED\", \"adoptedBy\": \"A resolution\"}").status()).isEqualTo(200);
	}

	@Test
	void aCodeTheCatalogueHasIsAConflict() {
		TestHttp.Response taken = add("admin", standard("TOKYO-RULES", "Another title", "Another resolution"));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.contentType()).startsWith("application/problem+json");
		assertThat(api().get("/api/standards/TOKYO-RULES", "admin").json().path("title").asText()).contains("Tokyo Rules");
	}

	@Test
	void onlyAdministratorsChangeTheCatalogue() {
		long before = standards();
		for (String user : List.of("officerCpcjd", "coordinatorOhchr", "donorNorway")) {
			assertThat(add(user, standard(uniqueCode("NOT"), "A title", "A resolution")).status()).as(user).isEqualTo(403);
			assertThat(api().send("PUT", "/api/standards/TOKYO-RULES", user, "application/json",
					"{\"title\": \"Changed\", \"adoptedBy\": \"Changed\"}").status()).as(user).isEqualTo(403);
			TestHttp browser = TestHttp.browser(port);
			browser.signIn(user, TestHttp.DEMO_PASSWORD);
			assertThat(browser.browse("/standards").status()).as(user).isEqualTo(403);
		}
		assertThat(add(null, standard(uniqueCode("NOT"), "A title", "A resolution")).status()).isEqualTo(401);

		// an administrator's API token reads the catalogue but does not change it: what is added stays for good
		TestHttp.Response issued = api().send("POST", "/api/me/tokens", "admin", "application/json", "{\"name\": \"catalogue script\"}");
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		Map<String, String> bearer = Map.of("Authorization", "Bearer " + issued.json().path("token").asText());
		assertThat(api().sendWithHeaders("GET", "/api/standards/TOKYO-RULES", null, bearer, "application/json", null).status()).isEqualTo(200);
		TestHttp.Response byToken = api().sendWithHeaders("POST", "/api/standards", null, bearer, "application/json",
				standard(uniqueCode("TOKEN"), "A title", "A resolution"));
		assertThat(byToken.status()).isEqualTo(403);
		assertThat(byToken.contentType()).startsWith("application/problem+json");
		assertThat(api().sendWithHeaders("PUT", "/api/standards/TOKYO-RULES", null, bearer, "application/json",
				"{\"title\": \"Changed\", \"adoptedBy\": \"Changed\"}").status()).isEqualTo(403);
		assertThat(standards()).isEqualTo(before);
		assertThat(api().get("/api/standards/TOKYO-RULES", "admin").json().path("title").asText()).contains("Tokyo Rules");
	}

	@Test
	void theCatalogueHoldsNoMoreStandardsThanOverlapScreeningTellsApart() {
		// filled to the limit inside a transaction that is rolled back, so that no other test's pages change
		new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
			transaction.setRollbackOnly();
			long seeded = standards();
			for (long i = seeded; i < StandardsCatalogue.MOST - 1; i++) {
				jdbc.sql("INSERT INTO standard (code, position, title, adopted_by) VALUES (?, ?, 'Filler', 'Filler')")
					.params("FILLER-" + (char) ('A' + i / 26) + (char) ('A' + i % 26), 1000 + i)
					.update();
			}
			Standard last = addStandard.add("admin", new AddStandard.NewStandard(uniqueCode("LAST"), "The last one", "A resolution"));
			assertThat(standards()).isEqualTo(StandardsCatalogue.MOST);
			assertThatThrownBy(() -> addStandard.add("admin", new AddStandard.NewStandard(uniqueCode("ONE-MORE"), "One more", "A resolution")))
				.isInstanceOf(InvalidInputException.class)
				.hasMessage("code: cannot be added: the catalogue holds at most 48 standards, as many as overlap screening tells apart");
			assertThat(catalogue.all().get(StandardsCatalogue.MOST - 1)).as("the new one comes last").isEqualTo(last);
		});
		assertThat(catalogue.find("FILLER-AA")).isEmpty();
	}

	@Test
	void twoAdministratorsAddingAtOnceCountEachOther() throws Exception {
		// the second waits for the first on the catalogue's lock row, then counts what the first committed; the
		// first one's code sorts before every other, so a count taken by a scan that waited on the standards'
		// own rows would have passed the place where its row went in
		String first = "AA-" + uniqueCode("FIRST");
		String second = uniqueCode("SECOND");
		TestRaces.whileTheFirstHoldsItsRows(transactions,
				() -> addStandard.add("admin", new AddStandard.NewStandard(first, "First", "A resolution")),
				() -> addStandard.add("admin", new AddStandard.NewStandard(second, "Second", "A resolution")), true)
			.get(30, TimeUnit.SECONDS);
		int firstPlace = jdbc.sql("SELECT position FROM standard WHERE code = ?").param(first).query(Integer.class).single();
		int secondPlace = jdbc.sql("SELECT position FROM standard WHERE code = ?").param(second).query(Integer.class).single();
		assertThat(secondPlace).as("comes after the first, not beside it").isEqualTo(firstPlace + 1);
	}

	@Test
	void anAdministratorAddsAndCorrectsAStandardOnTheStandardsPage() {
		TestHttp browser = TestHttp.browser(port);
		browser.signIn("admin", TestHttp.DEMO_PASSWORD);
		TestHttp.Response page = browser.browse("/standards");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"standard-TOKYO-RULES\"").contains("GA res. 45/110");
		long before = standards();

		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", "not a code");
		form.put("title", "Rules on <b>something</b>");
		form.put("adoptedBy", "");
		TestHttp.Response refused = browser.submitFrom("/standards", "/standards", form);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("The standard was not added").contains("Code: must be capital letters")
			.contains("Adopted or endorsed by: is required").contains("value=\"Rules on &lt;b&gt;something&lt;/b&gt;\"")
			.doesNotContain("<b>something</b>");
		assertThat(standards()).isEqualTo(before);

		String code = uniqueCode("BEIJING");
		form.put("code", code);
		form.put("adoptedBy", "GA res. 40/33 of 29 November 1985");
		TestHttp.Response added = browser.submitFrom("/standards", "/standards", form);
		assertThat(added.status()).isEqualTo(302);
		assertThat(added.header("Location")).endsWith("/standards#standard-" + code);
		assertThat(browser.browse("/standards").body()).contains("Added Rules on &lt;b&gt;something&lt;/b&gt; (" + code + ")").contains("id=\"standard-" + code + "\"");
		assertThat(browser.submitFrom("/standards", "/standards", form).body()).as("the same code again").contains("Code: is in the catalogue already");

		Map<String, String> words = new LinkedHashMap<>();
		words.put("title", "");
		words.put("adoptedBy", "GA res. 40/33");
		TestHttp.Response notChanged = browser.submitFrom("/standards", "/standards/" + code, words);
		assertThat(notChanged.status()).isEqualTo(400);
		assertThat(notChanged.body()).contains("Error: is required: the instrument").contains("GA res. 40/33</textarea>");
		words.put("title", "UN Standard Minimum Rules for the Administration of Juvenile Justice (the Beijing Rules)");
		assertThat(browser.submitFrom("/standards", "/standards/" + code, words).status()).isEqualTo(302);
		assertThat(browser.browse("/standards").body()).contains("(the Beijing Rules) (" + code + "): every page shows the new words");
		assertThat(api().get("/api/standards/" + code, "admin").json().path("adoptedBy").asText()).isEqualTo("GA res. 40/33");

		TestHttp.Response unknown = browser.submitFrom("/standards", "/standards/NO-SUCH-STANDARD", words);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).as("a page's error is a page").startsWith("text/html");
	}

	@Test
	void wordsAreKeptOnOneLineAndTheCodeAsStored() {
		String code = uniqueCode("LINES");
		assertThat(add("admin", standard(code, "  Rules\r\nINFO forged log line ", "GA res.\n\t1/1 ")).json().path("title").asText())
			.isEqualTo("Rules INFO forged log line");
		TestHttp.Response bell = api().send("PUT", "/api/standards/" + code, "admin", "application/json",
				"{\"title\": \"New words\", \"adoptedBy\": \"\\u0007\"}");
		assertThat(bell.status()).isEqualTo(400);
		assertThat(bell.json().path("errors").findValuesAsText("field")).containsExactly("adoptedBy");
		assertThat(api().get("/api/standards/" + code, "admin").json().path("adoptedBy").asText()).isEqualTo("GA res. 1/1");

		TestHttp.Response lowerCase = api().send("PUT", "/api/standards/" + code.toLowerCase(), "admin", "application/json",
				"{\"title\": \"New\\nwords\", \"adoptedBy\": \"GA res. 2/2\"}");
		boolean caseInsensitive = jdbc.sql("SELECT COUNT(*) FROM standard WHERE code = ?")
			.param(code.toLowerCase())
			.query(Long.class)
			.single() == 1;
		if (caseInsensitive) {
			// MariaDB's collation finds the code whatever its case: the answer names it as stored
			assertThat(lowerCase.status()).isEqualTo(200);
			assertThat(lowerCase.json().path("code").asText()).isEqualTo(code);
			assertThat(lowerCase.json().path("title").asText()).isEqualTo("New words");
		}
		else {
			assertThat(lowerCase.status()).as("H2 compares codes with their case").isEqualTo(404);
		}
	}

}
