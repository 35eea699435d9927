package org.coopflow.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.TestPortfolio;
import org.coopflow.activities.ImplementationFixtures;
import org.coopflow.pledges.PledgeFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The IATI file through the API against the real database, holding every other test's programmes too:
 * the whole file is valid against the IATI schema, its codes are in their codelists and the rules hold;
 * this test's programmes are in it as IATI activities, and one that breaks a rule is listed instead.
 */
@CoopflowTest
class IatiApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestHttp api;

	ImplementationFixtures fixtures;

	@BeforeEach
	void setUp() {
		api = TestHttp.api(port);
		fixtures = new ImplementationFixtures(api);
	}

	private byte[] file(String user, String query) throws Exception {
		TestHttp.Response response = api.get("/api/iati/activities.xml" + query, user);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/xml");
		byte[] file = response.body().getBytes(StandardCharsets.UTF_8);
		IatiFileCheck.validate(file);
		assertThat(IatiFileCheck.problems(file)).isEmpty();
		return file;
	}

	/**
	 * A programme created through the API and set to {@code status} directly: what is published depends on
	 * the status alone, and the far-future states (closed without an implementation) need no process.
	 */
	private long programme(String officer, ObjectNode draft, String status) {
		TestHttp.Response created = api.send("POST", "/api/programmes", officer, "application/json", draft.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		jdbc.sql("UPDATE programme SET status = ? WHERE id = ?").params(status, id).update();
		return id;
	}

	/** A draft in a far year and a country no other test uses, so that no overlap screening meets it. */
	private static ObjectNode draft(String scope, String start, String end, String... countries) {
		ObjectNode draft = PledgeFixtures.JSON.createObjectNode();
		draft.put("title", "Access to legal aid " + UUID.randomUUID());
		draft.put("description", "Legislative drafting and training on the Basic Principles on the Role of Lawyers");
		draft.put("scope", scope);
		var list = draft.putArray("countries");
		for (String country : countries) {
			list.add(country);
		}
		draft.putArray("standards").add("BP-LAWYERS");
		draft.putArray("activityTypes").add("LEGISLATIVE_DRAFTING");
		draft.putArray("sectors").add("15130").add("15160").add("15210");
		draft.put("plannedStart", start);
		draft.put("plannedEnd", end);
		draft.putObject("budget").put("amount", "100000.00").put("currency", "USD");
		return draft;
	}

	private static Document parse(byte[] file) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(file));
	}

	private static final XPath XPATH = XPathFactory.newInstance().newXPath();

	private static Element activity(Document file, String identifier) throws Exception {
		return (Element) XPATH.evaluate("/iati-activities/iati-activity[iati-identifier='" + identifier + "']", file,
				XPathConstants.NODE);
	}

	private static List<String> values(Element activity, String path) throws Exception {
		NodeList nodes = (NodeList) XPATH.evaluate(path, activity, XPathConstants.NODESET);
		List<String> values = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			values.add(nodes.item(i).getNodeValue() != null ? nodes.item(i).getNodeValue() : nodes.item(i).getTextContent());
		}
		return values;
	}

	@Test
	void approvedProgrammesArePublishedAsValidIatiActivitiesWithTheirMoney() throws Exception {
		long open = fixtures.openProgramme("90000.00", "USD");
		fixtures.pledge(open, "donorNorway", "20000.00", "0");
		long funded = fixtures.fundedProgramme("50000.00", "donorJapan", "50000");
		long activityId = fixtures.plan(funded, ImplementationFixtures.activity("TRAINING", "Training of prison staff"))
			.path("id")
			.asLong();
		TestHttp.Response spent = api.send("POST", "/api/activities/" + activityId + "/expenditures", "officerCpcjd",
				"application/json", ImplementationFixtures.expenditure("1200.00").toString());
		assertThat(spent.status()).as(spent.body()).isEqualTo(201);
		TestHttp.Response document = api.send("POST", "/api/activities/" + activityId + "/documents", "officerCpcjd",
				"application/json", """
						{"title": "Training manual on the Nelson Mandela Rules", "language": "en",
						 "link": "https://example.org/manuals/mandela-rules-training.pdf"}""");
		assertThat(document.status()).as(document.body()).isEqualTo(201);
		long longer = programme("officerCpcjd", draft("NATIONAL", "2900-01-01", "2902-06-30", "BT"), "OPEN_FOR_FUNDING");
		long global = programme("officerCpcjd", draft("GLOBAL", "2905-01-01", "2905-12-31"), "OPEN_FOR_FUNDING");
		ObjectNode withPartner = draft("NATIONAL", "2906-01-01", "2906-06-30", "BT", "NP", "LK");
		withPartner.put("implementingPartner", "Legal Aid Society");
		long partnered = programme("officerCpcjd", withPartner, "CLOSED");
		long draft = programme("officerCpcjd", draft("NATIONAL", "2907-01-01", "2907-06-30", "BT"), "DRAFT");
		long review = programme("officerCpcjd", draft("NATIONAL", "2907-01-01", "2907-06-30", "BT"), "UNDER_REVIEW");

		Document file = parse(file("officerCpcjd", ""));
		assertThat(XPATH.evaluate("/iati-activities/@version", file)).isEqualTo("2.03");
		assertThat(XPATH.evaluate("/iati-activities/@generated-datetime", file)).isNotBlank();

		Element openActivity = activity(file, "XM-DAC-41128-" + open);
		assertThat(openActivity).isNotNull();
		assertThat(values(openActivity, "reporting-org/@ref")).containsExactly("XM-DAC-41128");
		assertThat(values(openActivity, "reporting-org/@type")).containsExactly("40");
		assertThat(values(openActivity, "title/narrative")).singleElement().asString().startsWith("Justice for children");
		assertThat(values(openActivity, "title/narrative/@*[local-name()='lang']")).containsExactly("en");
		assertThat(values(openActivity, "activity-status/@code")).containsExactly("1");
		assertThat(values(openActivity, "participating-org[@role='1']/@ref")).containsExactly("XM-DAC-8");
		assertThat(values(openActivity, "participating-org[@role='2']/@ref")).containsExactly("XM-DAC-41128");
		assertThat(values(openActivity, "recipient-country/@code")).containsExactly("KE", "UG");
		assertThat(values(openActivity, "recipient-country/@percentage")).containsExactly("50.00", "50.00");
		assertThat(values(openActivity, "sector/@code")).containsExactly("15130");
		assertThat(values(openActivity, "activity-date/@type")).containsExactly("1", "3");
		assertThat(values(openActivity, "transaction/transaction-type/@code")).containsExactly("13", "11");
		assertThat(values(openActivity, "transaction/value")).containsExactly("20000.00", "20000.00");
		assertThat(values(openActivity, "transaction/provider-org/@ref")).containsExactly("XM-DAC-8", "XM-DAC-8");
		assertThat(values(openActivity, "budget/value")).containsExactly("90000.00");

		Element fundedActivity = activity(file, "XM-DAC-41128-" + funded);
		assertThat(values(fundedActivity, "activity-status/@code")).containsExactly("2");
		assertThat(values(fundedActivity, "participating-org[@role='1']/@ref")).containsExactly("XM-DAC-701");
		assertThat(values(fundedActivity, "transaction/transaction-type/@code")).containsExactlyInAnyOrder("13", "11", "1",
				"4");
		assertThat(values(fundedActivity, "transaction[transaction-type/@code='4']/value")).containsExactly("1200.00");
		assertThat(values(fundedActivity, "transaction[transaction-type/@code='1']/provider-org/@ref"))
			.containsExactly("XM-DAC-701");
		assertThat(values(fundedActivity, "document-link/@url"))
			.containsExactly("https://example.org/manuals/mandela-rules-training.pdf");
		assertThat(values(fundedActivity, "document-link/@format")).containsExactly("application/pdf");
		assertThat(values(fundedActivity, "document-link/title/narrative"))
			.containsExactly("Training manual on the Nelson Mandela Rules");
		assertThat(values(fundedActivity, "document-link/category/@code")).containsExactly("A08");

		Element longerActivity = activity(file, "XM-DAC-41128-" + longer);
		assertThat(values(longerActivity, "budget/period-start/@iso-date")).containsExactly("2900-01-01", "2901-01-01",
				"2902-01-01");
		assertThat(values(longerActivity, "budget/period-end/@iso-date")).containsExactly("2900-12-31", "2901-12-31",
				"2902-06-30");
		assertThat(values(longerActivity, "budget/value").stream().map(java.math.BigDecimal::new)
			.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)).isEqualByComparingTo("100000.00");
		assertThat(values(longerActivity, "budget/@type")).containsOnly("1");
		assertThat(values(longerActivity, "budget/@status")).containsOnly("1");
		assertThat(values(longerActivity, "sector/@percentage")).containsExactly("33.33", "33.33", "33.34");
		assertThat(values(longerActivity, "sector/@vocabulary")).containsOnly("1");

		Element globalActivity = activity(file, "XM-DAC-41128-" + global);
		assertThat(values(globalActivity, "recipient-country")).isEmpty();
		assertThat(values(globalActivity, "recipient-region/@code")).containsExactly("998");

		Element partneredActivity = activity(file, "XM-DAC-41128-" + partnered);
		assertThat(values(partneredActivity, "activity-status/@code")).containsExactly("4");
		assertThat(values(partneredActivity, "participating-org[@role='4']/narrative")).containsExactly("Legal Aid Society");
		assertThat(values(partneredActivity, "recipient-country/@percentage")).containsExactly("33.33", "33.33", "33.34");

		assertThat(activity(file, "XM-DAC-41128-" + draft)).as("a draft is not published").isNull();
		assertThat(activity(file, "XM-DAC-41128-" + review)).as("a proposal under review is not published").isNull();
	}

	@Test
	void aProgrammeThatBreaksARuleIsLeftOutAndListedWithTheRule() throws Exception {
		// a region, but which one coopflow does not know: IATI needs a recipient country or region (rule 3.7.1)
		long regional = programme("officerCpcjd", draft("REGIONAL", "2910-01-01", "2910-06-30"), "FUNDED");

		Document file = parse(file("coordinatorCpcjd", ""));
		assertThat(activity(file, "XM-DAC-41128-" + regional)).isNull();

		TestHttp.Response problems = api.get("/api/iati/problems", "officerCpcjd");
		assertThat(problems.status()).as(problems.body()).isEqualTo(200);
		JsonNode problem = null;
		for (JsonNode p : problems.json()) {
			if (p.path("programmeId").asLong() == regional) {
				problem = p;
			}
		}
		assertThat(problem).as(problems.body()).isNotNull();
		assertThat(problem.path("iatiIdentifier").asText()).isEqualTo("XM-DAC-41128-" + regional);
		assertThat(problem.path("rules").findValuesAsText("rule")).containsExactly("3.7.1");
	}

	@Test
	void eachOfficeCanBeAskedForAloneAndReportsAsItself() throws Exception {
		long ohchr = programme("officerOhchr", draft("NATIONAL", "2915-01-01", "2915-06-30", "BT"), "OPEN_FOR_FUNDING");
		long cpcjd = programme("officerCpcjd", draft("NATIONAL", "2916-01-01", "2916-06-30", "BT"), "OPEN_FOR_FUNDING");

		Document file = parse(file("admin", "?office=OHCHR"));
		assertThat(activity(file, "XM-DAC-41313-" + ohchr)).isNotNull();
		assertThat(activity(file, "XM-DAC-41128-" + cpcjd)).isNull();
		assertThat(values(file.getDocumentElement(), "iati-activity/reporting-org/@ref")).containsOnly("XM-DAC-41313");

		TestHttp.Response office = api.get("/api/iati/activities.xml?office=UNODC", "officerCpcjd");
		assertThat(office.status()).isEqualTo(400);
		assertThat(office.contentType()).startsWith("application/problem+json");
	}

	@Test
	void donorsAreRefused() {
		for (String path : List.of("/api/iati/activities.xml", "/api/iati/problems")) {
			TestHttp.Response donor = api.get(path, "donorNorway");
			assertThat(donor.status()).as(path).isEqualTo(403);
			assertThat(donor.contentType()).startsWith("application/problem+json");
		}
		assertThat(api.get("/api/iati/activities.xml", null).status()).isEqualTo(401);
	}

	@Test
	void anyoneGetsTheSameFileAsOpenDataWithoutSigningIn() throws Exception {
		String staff = new String(file("officerCpcjd", ""), StandardCharsets.UTF_8);

		TestHttp.Response open = api.get("/open/iati/activities.xml", null);

		assertThat(open.status()).as(open.body()).isEqualTo(200);
		assertThat(open.contentType()).startsWith("application/xml");
		assertThat(open.header("Set-Cookie")).as("no session for anonymous readers").isNull();
		byte[] file = open.body().getBytes(StandardCharsets.UTF_8);
		IatiFileCheck.validate(file);
		String generated = "generated-datetime=\"[^\"]*\"";
		assertThat(open.body().replaceAll(generated, "")).isEqualTo(staff.replaceAll(generated, ""));

		// streamed, so no ETag; Last-Modified answers conditional requests until something changes
		String lastModified = open.header("Last-Modified");
		assertThat(lastModified).isNotNull();
		assertThat(open.headers().allValues("Last-Modified")).as("once").hasSize(1);
		assertThat(api.sendWithHeaders("GET", "/open/iati/activities.xml", null, Map.of("If-Modified-Since", lastModified),
				"text/plain", null).status()).isEqualTo(304);
		// (a change after it is not tested here: other tests' rows, dated by an engine clock they moved into the
		// future, may stand later than anything this test writes)
		TestHttp.Response older = api.sendWithHeaders("GET", "/open/iati/activities.xml", null,
				Map.of("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT"), "text/plain", null);
		assertThat(older.status()).isEqualTo(200);
		assertThat(older.body()).contains("<iati-activities");
	}

}
