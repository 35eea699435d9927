package org.coopflow.overlap.screening;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The signals of one programme that decide whether a judged pair must be screened again: countries,
 * dates, standards, sectors, and the analysed terms of its title and description (a text signature
 * that can be compared for similarity, not only for equality). {@link #encode()} gives one line to
 * store with a decision; {@link #decode} reads it back.
 */
public record ProfileFingerprint(long programmeId, SortedSet<String> countries, LocalDate start, LocalDate end,
		SortedSet<String> standards, SortedSet<String> sectors, SortedMap<String, Integer> textTerms) {

	public ProfileFingerprint {
		countries = new TreeSet<>(countries);
		standards = new TreeSet<>(standards);
		sectors = new TreeSet<>(sectors);
		textTerms = new TreeMap<>(textTerms);
	}

	/** Whether anything but the text differs. */
	boolean structureDiffers(ProfileFingerprint other) {
		return !countries.equals(other.countries) || !start.equals(other.start) || !end.equals(other.end)
				|| !standards.equals(other.standards) || !sectors.equals(other.sectors);
	}

	/** Cosine of the two texts' term vectors (tf = √freq; no idf, as there is no portfolio to weigh against). */
	double textSimilarity(ProfileFingerprint other) {
		double dot = 0;
		for (Map.Entry<String, Integer> entry : textTerms.entrySet()) {
			Integer count = other.textTerms.get(entry.getKey());
			if (count != null) {
				dot += Math.sqrt(entry.getValue()) * Math.sqrt(count);
			}
		}
		double norm = norm() * other.norm();
		if (norm == 0) {
			return textTerms.isEmpty() && other.textTerms.isEmpty() ? 1 : 0;
		}
		return dot / norm;
	}

	/** Whether a signal changed: anything but the text, or the text so much that its similarity falls below {@code textThreshold}. */
	boolean materiallyDiffers(ProfileFingerprint other, double textThreshold) {
		return structureDiffers(other) || textSimilarity(other) < textThreshold;
	}

	private double norm() {
		return Math.sqrt(textTerms.values().stream().mapToDouble(Integer::doubleValue).sum());
	}

	/** One line: fields separated by '|', lists by ',', terms as term:count. */
	public String encode() {
		return programmeId + "|" + String.join(",", countries) + "|" + start + "|" + end + "|" + String.join(",", standards)
				+ "|" + String.join(",", sectors) + "|"
				+ textTerms.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
	}

	public static ProfileFingerprint decode(String encoded) {
		String[] fields = encoded.split("\\|", -1);
		if (fields.length != 7) {
			throw new IllegalArgumentException("not a profile fingerprint: " + encoded);
		}
		SortedMap<String, Integer> terms = new TreeMap<>();
		for (String entry : list(fields[6])) {
			int colon = entry.lastIndexOf(':');
			terms.put(entry.substring(0, colon), Integer.parseInt(entry.substring(colon + 1)));
		}
		return new ProfileFingerprint(Long.parseLong(fields[0]), new TreeSet<>(list(fields[1])), LocalDate.parse(fields[2]),
				LocalDate.parse(fields[3]), new TreeSet<>(list(fields[4])), new TreeSet<>(list(fields[5])), terms);
	}

	private static Set<String> list(String field) {
		return field.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(field.split(",")));
	}

}
