package org.coopflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reference data Liquibase seeds: the standards catalogue of resolution 1997/32's domain, the two
 * offices, and the ISO lists of countries and currencies exactly as the JDK carries them.
 */
@CoopflowTest
class ReferenceDataTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void catalogueListsTheNineStandardsInOrderWithTitles() {
		JsonNode standards = TestHttp.api(port).get("/api/standards", "donorNorway").json();
		List<String> codes = new ArrayList<>();
		standards.forEach(standard -> {
			codes.add(standard.path("code").asText());
			assertThat(standard.path("title").asText()).isNotBlank();
			assertThat(standard.path("adoptedBy").asText()).isNotBlank();
		});
		// administrators may have added more after them (StandardsAdministrationTests)
		assertThat(codes.subList(0, 9)).containsExactly("SMR-PRISONERS", "CODE-LEO", "BP-FORCE-FIREARMS", "VICTIMS-DECL",
				"BP-JUDICIARY", "TOKYO-RULES", "GL-PROSECUTORS", "BP-LAWYERS", "DRAFT-ADMIN-JUSTICE");
		assertThat(standards.get(5).path("title").asText()).contains("Tokyo Rules");
		assertThat(standards.get(5).path("adoptedBy").asText()).contains("45/110");
	}

	@Test
	void officesCarryTheirIatiOrganisationIds() {
		Map<String, String> offices = jdbc.sql("SELECT code, iati_org_id FROM office")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(offices).containsExactlyInAnyOrderEntriesOf(Map.of("CPCJD", "XM-DAC-41128", "OHCHR", "XM-DAC-41313"));
		assertThat(offices.keySet()).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(Office.values()).map(Office::name).toList());
	}

	@Test
	void countriesAreTheJdkIsoList() {
		Map<String, String> seeded = jdbc.sql("SELECT code, name FROM country")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Map<String, String> jdk = Arrays.stream(Locale.getISOCountries())
			.collect(Collectors.toMap(code -> code, code -> new Locale("", code).getDisplayCountry(Locale.ENGLISH)));
		assertThat(seeded).containsExactlyInAnyOrderEntriesOf(jdk);
		// names outside ASCII survive the round trip (utf8mb4 on MySQL)
		assertThat(seeded.get("CI")).isEqualTo("Côte d’Ivoire");
	}

	@Test
	void currenciesAreTheJdkIsoListWithMinorUnits() {
		Map<String, Integer> seeded = jdbc.sql("SELECT code, minor_units FROM currency")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getObject(2) == null ? -1 : rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Map<String, Integer> jdk = Currency.getAvailableCurrencies()
			.stream()
			.collect(Collectors.toMap(Currency::getCurrencyCode, Currency::getDefaultFractionDigits));
		assertThat(seeded).containsExactlyInAnyOrderEntriesOf(jdk);
		assertThat(seeded).containsEntry("USD", 2).containsEntry("JPY", 0).containsEntry("BHD", 3);
	}

}
