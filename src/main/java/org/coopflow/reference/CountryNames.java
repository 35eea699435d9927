package org.coopflow.reference;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * English names of the ISO 3166-1 countries for the pages' choices and labels, in alphabetical order of
 * name, as a person looks a country up. The codes are the JDK's, as in the reference data.
 */
@org.springframework.modulith.NamedInterface("api")
public final class CountryNames {

	private static final Map<String, String> BY_CODE = byCode();

	private CountryNames() {
	}

	public static Map<String, String> all() {
		return BY_CODE;
	}

	public static String name(String code) {
		return BY_CODE.getOrDefault(code, code);
	}

	private static Map<String, String> byCode() {
		Map<String, String> names = new LinkedHashMap<>();
		Arrays.stream(Locale.getISOCountries())
			.sorted(Comparator.comparing(code -> new Locale("", code).getDisplayCountry(Locale.ENGLISH)))
			.forEach(code -> names.put(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH)));
		return Collections.unmodifiableMap(names);
	}

}
