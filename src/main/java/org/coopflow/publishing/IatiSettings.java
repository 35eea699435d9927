package org.coopflow.publishing;

import java.util.Map;

import org.coopflow.reference.Office;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who publishes and who funds, as IATI names them ({@code coopflow.iati.*}): each office's organisation
 * identifier, IATI organisation type and name, reported as its own {@code reporting-org}; and each Member
 * State's IATI organisation identifier as a donor, by ISO 3166-1 alpha-2 code. DAC members' government
 * identifiers are {@code XM-DAC-} and their DAC donor code (Norway {@code XM-DAC-8}, Japan
 * {@code XM-DAC-701}); a Member State without one is named, with no identifier. {@code donorType} is the
 * IATI organisation type of Member States (10, Government). {@code batchSize} is how many programmes the
 * export reads at a time.
 */
@ConfigurationProperties("coopflow.iati")
public record IatiSettings(Map<Office, Organisation> offices, Map<String, String> donors,
		@DefaultValue("10") String donorType, @DefaultValue("200") int batchSize) {

	/** An organisation as IATI identifies it: identifier, organisation type (codelist), name in English. */
	public record Organisation(String ref, @DefaultValue("40") String type, String name) {
	}

	public IatiSettings {
		offices = offices == null ? Map.of() : Map.copyOf(offices);
		// relaxed binding may hand over map keys in lower case
		donors = donors == null ? Map.of()
				: donors.entrySet()
					.stream()
					.collect(java.util.stream.Collectors.toUnmodifiableMap(
							e -> e.getKey().toUpperCase(java.util.Locale.ROOT), Map.Entry::getValue));
		if (batchSize < 1 || batchSize > 1000) {
			throw new IllegalArgumentException("coopflow.iati.batch-size must be between 1 and 1000");
		}
	}

	Organisation office(Office office) {
		Organisation organisation = offices.get(office);
		if (organisation == null) {
			throw new IllegalStateException("coopflow.iati.offices." + office + " is not configured");
		}
		return organisation;
	}

}
