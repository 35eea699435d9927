package org.coopflow.overlap.screening;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.coopflow.reference.Office;

/**
 * The labelled programmes and pairs in {@code src/test/resources/overlap/}.
 */
record LabelledSet(Map<Long, ScreeningProfile> programmes, List<Pair> pairs) {

	/** OVERLAP and COMPLEMENTARY pairs should raise an alert; UNRELATED ones should not. */
	record Pair(long a, long b, String label, String kind, String split) {

		boolean shouldAlert() {
			return !label.equals("UNRELATED");
		}

	}

	static LabelledSet load() {
		Map<Long, ScreeningProfile> programmes = new LinkedHashMap<>();
		for (CSVRecord row : read("/overlap/labelled-programmes.csv")) {
			ScreeningProfile profile = new ScreeningProfile(Long.parseLong(row.get("id")), Office.valueOf(row.get("office")),
					row.get("title"), row.get("description"),
					ScreeningProfile.coveredCountries(row.get("scope"), list(row.get("countries")),
							Arrays.asList(Locale.getISOCountries())),
					Set.copyOf(list(row.get("standards"))), Set.copyOf(list(row.get("sectors"))),
					Set.copyOf(list(row.get("activity_types"))), row.get("beneficiary_institution"),
					row.get("implementing_partner"), LocalDate.parse(row.get("start")), LocalDate.parse(row.get("end")));
			programmes.put(profile.programmeId(), profile);
		}
		List<Pair> pairs = new ArrayList<>();
		for (CSVRecord row : read("/overlap/labelled-pairs.csv")) {
			pairs.add(new Pair(Long.parseLong(row.get("programme_a")), Long.parseLong(row.get("programme_b")), row.get("label"),
					row.get("kind"), row.get("split")));
		}
		return new LabelledSet(programmes, pairs);
	}

	private static List<String> list(String field) {
		return field.isBlank() || field.equals("*") ? List.of() : Arrays.asList(field.split(";"));
	}

	private static List<CSVRecord> read(String resource) {
		try (Reader reader = new InputStreamReader(LabelledSet.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
