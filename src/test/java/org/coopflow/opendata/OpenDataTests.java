package org.coopflow.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.pledges.PledgeFixtures;
import org.coopflow.programmes.ProgrammeFixtures;
import org.coopflow.results.ResultFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Open data as an anonymous caller meets it, over real HTTP against the real database: a published
 * programme with its funding, nothing about a draft, never a field outside the published list, CSV,
 * conditional requests and clear refusals.
 */
@CoopflowTest
class OpenDataTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The fields of a page of programmes around the programmes' own. */
	private static final List<String> PAGE_FIELDS = List.of("page.number", "page.size", "page.totalElements",
			"page.totalPages");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestHttp api;

	PledgeFixtures fixtures;

	private final HttpClient client = HttpClient.newHttpClient();

	@BeforeEach
	void setUp() {
		api = TestHttp.api(port);
		fixtures = new PledgeFixtures(api);
	}

	private HttpResponse<String> anonymous(String method, String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		try {
			return client.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(method + " " + path, e);
		}
	}

	private HttpResponse<String> get(String path) {
		return anonymous("GET", path, Map.of("Accept", "application/json"));
	}

	private static JsonNode json(HttpResponse<String> response) throws IOException {
		return JSON.readTree(response.body());
	}

	/** A programme open for funding, funded by Norway's agreed pledge of which 40,000 were received. */
	private long fundedByNorway() {
		fixtures.rate("NOK", "10.0");
		long programme = fixtures.openProgramme("officerCpcjd", "100000.00", "USD");
		long pledge = fixtures.create("donorNorway", PledgeFixtures.toProgramme("60000", "USD", programme)).path("id").asLong();
		fixtures.verify(pledge);
		fixtures.agree(pledge);
		JsonNode paid = fixtures.pay(pledge, "donorNorway", "40000");
		fixtures.confirm(pledge, PledgeFixtures.lastPaymentId(paid));
		return programme;
	}

	private long draft() {
		return new ProgrammeFixtures(api).create("officerCpcjd", ProgrammeFixtures.draft("Draft never published"));
	}

	@Test
	void anyoneReadsAPublishedProgrammeWithWhoFundsItAndWhatWasReceived() throws Exception {
		long id = fundedByNorway();

		HttpResponse<String> response = get("/open/api/programmes/" + id);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode programme = json(response);
		assertThat(programme.path("id").asLong()).isEqualTo(id);
		assertThat(programme.path("status").asText()).isEqualTo("OPEN_FOR_FUNDING");
		assertThat(programme.path("budget").path("amount").decimalValue()).isEqualByComparingTo("100000.00");
		assertThat(programme.path("funding").path("committed").decimalValue()).isEqualByComparingTo("60000.00");
		assertThat(programme.path("funding").path("received").decimalValue()).isEqualByComparingTo("40000.00");
		assertThat(programme.path("funding").path("fundedBy").get(0).path("name").asText()).isEqualTo("Norway");
		assertThat(programme.path("spent").path("amount").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(response.headers().firstValue("Set-Cookie")).as("no session for anonymous readers").isEmpty();

		JsonNode list = json(get("/open/api/programmes?office=CPCJD&size=100&q=" + programme.path("title").asText()
			.replace(' ', '+')));
		assertThat(list.path("content").findValuesAsText("id")).contains(Long.toString(id));
	}

	@Test
	void aDraftIsNotFoundExactlyAsAMissingProgramme() throws Exception {
		long draft = draft();
		long missing = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1000 FROM programme").query(Long.class).single();

		HttpResponse<String> ofDraft = get("/open/api/programmes/" + draft);
		HttpResponse<String> ofMissing = get("/open/api/programmes/" + missing);

		assertThat(ofDraft.statusCode()).isEqualTo(404);
		assertThat(ofMissing.statusCode()).isEqualTo(404);
		assertThat(ofDraft.headers().firstValue("Content-Type")).isEqualTo(ofMissing.headers().firstValue("Content-Type"));
		assertThat(json(ofDraft).path("detail").asText().replace(Long.toString(draft), "N"))
			.isEqualTo(json(ofMissing).path("detail").asText().replace(Long.toString(missing), "N"));
		assertThat(json(get("/open/api/programmes?size=100&q=Draft+never+published")).path("content")).isEmpty();
		HttpResponse<String> page = anonymous("GET", "/open/programmes/" + draft, Map.of("Accept", "text/html"));
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
	}

	@Test
	void theOpenPagesAnswerAnAddressTheyCannotReadWithAPageNamingTheParameter() throws Exception {
		for (String address : List.of("/open?page=two", "/open?status=NOPE", "/open/programmes/abc")) {
			HttpResponse<String> page = anonymous("GET", address, Map.of("Accept", "text/html"));
			assertThat(page.statusCode()).as(address).isEqualTo(400);
			assertThat(page.headers().firstValue("Content-Type")).as(address)
				.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
			String parameter = address.contains("?page") ? "page" : address.contains("status") ? "status" : "id";
			assertThat(page.body()).as(address).contains("<strong>" + parameter + ":</strong>");
		}
	}

	@Test
	void everyFieldOfTheOpenApiIsOnThePublishedList() throws Exception {
		long funded = fundedByNorway();
		// its results, with an actual for the period that has ended (approved: each change gives its reason)
		java.time.LocalDate today = PledgeFixtures.today();
		ResultFixtures results = new ResultFixtures(api);
		JsonNode indicator = results.resultWithIndicator(funded, "officerCpcjd", "Agreed with the donors at approval",
				ResultFixtures.indicator("Judges trained", today.minusDays(60), today.minusDays(1), today, today.plusDays(180)));
		results.actual(funded, indicator, 0, "18", "Two courses; the officer's own note");
		draft();
		Set<String> seen = new TreeSet<>();
		JsonNode page = json(get("/open/api/programmes?size=100"));
		assertThat(page.path("content")).isNotEmpty();
		fields(page, "", seen);
		List<String> allowed = new ArrayList<>(PAGE_FIELDS);
		OpenProgramme.PUBLISHED_FIELDS.forEach(f -> allowed.add("content[]." + f));
		assertThat(seen).as("fields of a page of programmes").isSubsetOf(allowed);

		Set<String> ofOne = new TreeSet<>();
		fields(json(get("/open/api/programmes/" + page.path("content").get(0).path("id").asLong())), "", ofOne);
		assertThat(ofOne).as("fields of one programme").isSubsetOf(OpenProgramme.PUBLISHED_FIELDS);
		assertThat(ofOne).contains("title", "funding.committed", "funding.received", "spent.amount");

		JsonNode published = json(get("/open/api/programmes/" + funded));
		JsonNode period = published.path("results").get(0).path("indicators").get(0).path("periods").get(0);
		assertThat(period.path("target").decimalValue()).isEqualByComparingTo("20");
		assertThat(period.path("actual").decimalValue()).isEqualByComparingTo("18");
		assertThat(period.path("standing").asText()).isEqualTo("Off track");
		assertThat(published.toString()).as("the officer's comment stays inside").doesNotContain("own note");
		Set<String> ofFunded = new TreeSet<>();
		fields(published, "", ofFunded);
		assertThat(ofFunded).isSubsetOf(OpenProgramme.PUBLISHED_FIELDS).contains("results[].indicators[].periods[].actual");
		assertThat(anonymous("GET", "/open/programmes/" + funded, Map.of("Accept", "text/html")).body())
			.contains("Results: what it promised and what it achieved", "Judges trained", "Off track")
			.doesNotContain("own note");
	}

	/** Collects the paths of every leaf field below node ({@code []} for the items of a list). */
	private static void fields(JsonNode node, String path, Set<String> into) {
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				fields(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), into);
			}
		}
		else if (node.isArray()) {
			// an empty list has no fields to check; its items' paths are checked where it has some
			node.forEach(item -> fields(item, path + "[]", into));
		}
		else {
			into.add(path);
		}
	}

	@Test
	void csvHasOneRowPerProgrammeUnderItsHeader() {
		long id = fundedByNorway();

		HttpResponse<String> byAccept = anonymous("GET", "/open/api/programmes/" + id, Map.of("Accept", "text/csv"));
		HttpResponse<String> byParameter = get("/open/api/programmes/" + id + "?format=csv");

		assertThat(byAccept.statusCode()).isEqualTo(200);
		assertThat(byAccept.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		List<String> lines = byAccept.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo(String.join(",", OpenDataController.CSV_COLUMNS));
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).startsWith(id + ",CPCJD,").contains(",USD,100000.00,60000.00,40000.00,0.00,NO,");
		assertThat(byParameter.body()).isEqualTo(byAccept.body());
	}

	@Test
	void conditionalRequestsAreAnsweredNotModifiedUntilSomethingPublishedChanges() {
		fixtures.rate("NOK", "10.0");
		long programme = fixtures.openProgramme("officerCpcjd", "100000.00", "USD");
		long pledge = fixtures.create("donorNorway", PledgeFixtures.toProgramme("60000", "USD", programme)).path("id").asLong();
		fixtures.verify(pledge);

		HttpResponse<String> first = get("/open/api/programmes/" + programme);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
		assertThat(first.headers().allValues("Last-Modified")).as("once").hasSize(1);
		assertThat(anonymous("GET", "/open/api/programmes/" + programme,
				Map.of("Accept", "application/json", "If-None-Match", etag)).statusCode()).isEqualTo(304);
		assertThat(anonymous("GET", "/open/api/programmes/" + programme,
				Map.of("Accept", "application/json", "If-Modified-Since", lastModified)).statusCode()).isEqualTo(304);
		String listEtag = get("/open/api/programmes?size=5").headers().firstValue("ETag").orElseThrow();
		assertThat(anonymous("GET", "/open/api/programmes?size=5", Map.of("Accept", "application/json", "If-None-Match", listEtag))
			.statusCode()).isEqualTo(304);

		fixtures.agree(pledge); // Norway now funds it: what is published changed

		HttpResponse<String> after = anonymous("GET", "/open/api/programmes/" + programme,
				Map.of("Accept", "application/json", "If-None-Match", etag));
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(after.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
		assertThat(after.body()).contains("Norway");
	}

	@Test
	void theOpenDataOnlyReadsAndRefusesBadParametersByName() throws Exception {
		HttpResponse<String> post = anonymous("POST", "/open/api/programmes", Map.of("Accept", "application/json"));
		assertThat(post.statusCode()).isEqualTo(405);

		HttpResponse<String> office = get("/open/api/programmes?office=UNODC");
		assertThat(office.statusCode()).isEqualTo(400);
		assertThat(office.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(office.body()).contains("office");

		HttpResponse<String> size = get("/open/api/programmes?size=1000");
		assertThat(size.statusCode()).isEqualTo(400);
		assertThat(size.body()).contains("size").contains("between 1 and 100");
	}

	@Test
	void thePagesShowThePublishedProgrammesToAnyone() throws Exception {
		long id = fundedByNorway();

		String title = json(get("/open/api/programmes/" + id)).path("title").asText();

		// searched by its title: the list shows 20 a page, and the test database holds every test's programmes
		HttpResponse<String> list = anonymous("GET", "/open?office=CPCJD&q=" + java.net.URLEncoder.encode(title,
				java.nio.charset.StandardCharsets.UTF_8), Map.of("Accept", "text/html"));
		HttpResponse<String> one = anonymous("GET", "/open/programmes/" + id, Map.of("Accept", "text/html"));

		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Programmes funded through coopflow").contains("/open/programmes/" + id);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(one.body()).contains("Norway").contains("id=\"received\">USD 40,000<")
			.contains(">15130 Legal and judicial development<")
			.doesNotContain("Sign out");
	}

}
