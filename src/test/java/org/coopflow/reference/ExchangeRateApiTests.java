package org.coopflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Monthly UN operational rates: officers and administrators enter or import them, everyone reads them.
 * Each test uses its own month, so that tests sharing the database do not see each other's rates.
 */
@CoopflowTest
class ExchangeRateApiTests {

	@LocalServerPort
	int port;

	private TestHttp api() {
		return TestHttp.api(port);
	}

	@Test
	void officerEntersAndCorrectsARateThatEveryoneReads() {
		TestHttp.Response entered = api().send("PUT", "/api/exchange-rates/2031-01/JPY", "officerCpcjd", "application/json",
				"{\"unitsPerUsd\": \"151.25\"}");
		assertThat(entered.status()).as(entered.body()).isEqualTo(200);
		assertThat(entered.json().path("enteredBy").asText()).isEqualTo("officerCpcjd");

		assertThat(api().send("PUT", "/api/exchange-rates/2031-01/JPY", "admin", "application/json",
				"{\"unitsPerUsd\": \"150.5\"}").status()).isEqualTo(200);

		JsonNode month = api().get("/api/exchange-rates?month=2031-01", "donorJapan").json();
		assertThat(month).hasSize(1);
		assertThat(month.get(0).path("currency").asText()).isEqualTo("JPY");
		assertThat(month.get(0).path("unitsPerUsd").decimalValue()).isEqualByComparingTo("150.5");
		assertThat(month.get(0).path("enteredBy").asText()).isEqualTo("admin");
	}

	@ParameterizedTest(name = "{0} entering a rate -> {1}")
	@CsvSource(nullValues = "anonymous", value = { "anonymous, 401", "donorNorway, 403", "coordinatorOhchr, 403" })
	void onlyOfficersAndAdministratorsEnterRates(String user, int status) {
		TestHttp.Response response = api().send("PUT", "/api/exchange-rates/2031-02/EUR", user, "application/json",
				"{\"unitsPerUsd\": \"0.92\"}");
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(api().get("/api/exchange-rates?month=2031-02", "admin").json()).isEmpty();
		assertThat(api().send("POST", "/api/exchange-rates/imports", user, "text/csv", "currency,month,unitsPerUsd\nEUR,2031-02,0.9\n")
			.status()).isEqualTo(status);
	}

	@Test
	void badRatesNameTheFieldAndChangeNothing() {
		TestHttp.Response response = api().send("PUT", "/api/exchange-rates/2031-03/ZZZ", "officerOhchr",
				"application/json", "{\"unitsPerUsd\": \"-1\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response.json())).containsExactlyInAnyOrder("currency", "unitsPerUsd");
		assertThat(api().send("PUT", "/api/exchange-rates/March/EUR", "officerOhchr", "application/json",
				"{\"unitsPerUsd\": \"1\"}").status()).isEqualTo(400);
		assertThat(api().send("PUT", "/api/exchange-rates/2031-03/USD", "officerOhchr", "application/json",
				"{\"unitsPerUsd\": \"1\"}").status()).isEqualTo(400);
		assertThat(api().get("/api/exchange-rates?month=2031-03", "admin").json()).isEmpty();
	}

	@Test
	void importEntersAMonthOrNothing() {
		String bad = "currency,month,unitsPerUsd\nEUR,2031-04,0.91\nXXX,2031-04,3\nGBP,2031-04,abc\nEUR,2031-04,0.92\n";
		TestHttp.Response rejected = api().send("POST", "/api/exchange-rates/imports", "officerCpcjd", "text/csv", bad);
		assertThat(rejected.status()).isEqualTo(400);
		List<String> problems = new ArrayList<>();
		rejected.json().path("errors").forEach(e -> problems.add(e.path("line").asInt() + ":" + e.path("column").asText()));
		assertThat(problems).contains("3:currency", "4:unitsPerUsd", "5:currency");
		assertThat(api().get("/api/exchange-rates?month=2031-04", "admin").json()).isEmpty();

		String good = "\uFEFFcurrency,month,unitsPerUsd\nEUR,2031-04,0.91\nJPY,2031-04,149.8\n\"CHF\",2031-04,0.88\n";
		TestHttp.Response imported = api().send("POST", "/api/exchange-rates/imports", "officerCpcjd", "text/csv", good);
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		assertThat(imported.json().path("entered").asInt()).isEqualTo(3);
		assertThat(api().get("/api/exchange-rates?month=2031-04", "coordinatorCpcjd").json()).hasSize(3);
	}

	@Test
	void aFileThatIsNotCsvOrLacksValuesIsABadRequestNamingTheLine() {
		TestHttp.Response short_ = api().send("POST", "/api/exchange-rates/imports", "officerCpcjd", "text/csv",
				"currency,month,unitsPerUsd\nEUR,2031-05,0.91\nJPY,2031-05\n");
		assertThat(short_.status()).isEqualTo(400);
		assertThat(short_.contentType()).startsWith("application/problem+json");
		assertThat(short_.json().path("errors").get(0).path("line").asInt()).isEqualTo(3);
		assertThat(short_.json().path("errors").get(0).path("reason").asText()).contains("has 2 values");
		TestHttp.Response unclosed = api().send("POST", "/api/exchange-rates/imports", "officerCpcjd", "text/csv",
				"currency,month,unitsPerUsd\n\"EUR,2031-05,0.91\n");
		assertThat(unclosed.status()).isEqualTo(400);
		assertThat(unclosed.json().path("errors").get(0).path("column").asText()).isEqualTo("file");
		assertThat(api().get("/api/exchange-rates?month=2031-05", "admin").json()).isEmpty();

		StringBuilder manyWrong = new StringBuilder("currency,month,unitsPerUsd\n");
		for (int i = 0; i < 250; i++) {
			manyWrong.append("EUR,2031-05\n");
		}
		TestHttp.Response capped = api().send("POST", "/api/exchange-rates/imports", "officerCpcjd", "text/csv", manyWrong.toString());
		assertThat(capped.status()).isEqualTo(400);
		assertThat(capped.json().path("detail").asText()).isEqualTo("250 problems; the first 200 are listed. Nothing was imported.");
		assertThat(capped.json().path("errors")).hasSize(200);
	}

	@Test
	void blankLinesAreSkippedAndMonthsOutsideTheKeptRangeRefused() {
		TestHttp.Response imported = api().send("POST", "/api/exchange-rates/imports", "officerCpcjd", "text/csv",
				"currency,month,unitsPerUsd\nEUR,2031-06,0.91\n\nJPY,2031-06,150\n\n");
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		assertThat(imported.json().path("entered").asInt()).isEqualTo(2);
		for (String month : List.of("2206-11", "0999-01", "+999999999-12")) {
			TestHttp.Response refused = api().get("/api/exchange-rates?month=" + month.replace("+", "%2B"), "admin");
			assertThat(refused.status()).as(month).isEqualTo(400);
			assertThat(refused.json().path("errors").get(0).path("reason").asText()).as(month).contains("1990-01 to 2099-12");
		}
		assertThat(api().send("PUT", "/api/exchange-rates/2206-11/EUR", "admin", "application/json", "{\"unitsPerUsd\": \"1\"}")
			.status()).isEqualTo(400);
	}

	@Test
	void aWrongLineAfterABlankOneIsNamedByItsOwnNumber() {
		TestHttp.Response refused = api().send("POST", "/api/exchange-rates/imports", "officerCpcjd", "text/csv",
				"currency,month,unitsPerUsd\nEUR,2031-07,0.91\n\nJPY,2031-07,many\n");
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("line").asInt()).as(refused.body()).isEqualTo(4);
		assertThat(refused.json().path("errors").get(0).path("column").asText()).isEqualTo("unitsPerUsd");
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
		return fields;
	}

}
