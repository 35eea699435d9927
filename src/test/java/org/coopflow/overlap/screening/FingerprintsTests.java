package org.coopflow.overlap.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.coopflow.reference.Office;
import org.junit.jupiter.api.Test;

class FingerprintsTests {

	private final Fingerprints fingerprints = new Fingerprints(ScreeningSettings.defaults());

	private final Profiles kenya = Profiles.prisonsInKenya(1);

	private final Profiles other = Profiles.prisonsInKenya(2).office(Office.OHCHR);

	@Test
	void anUnchangedProgrammeStaysQuiet() {
		assertThat(fingerprints.materiallyChanged(kenya.profile(), kenya.profile())).isFalse();
	}

	@Test
	void aSmallEditOfTheTextStaysQuiet() {
		Profiles typoFixed = kenya.text(kenya.title(), kenya.description().replace("records", "record keeping"));

		assertThat(fingerprints.materiallyChanged(kenya.profile(), typoFixed.profile())).isFalse();
	}

	@Test
	void aRewrittenTextWakesThePair() {
		Profiles rewritten = kenya.text("Legal aid for detainees", "Paralegals in police stations and courts for people awaiting trial.");

		assertThat(fingerprints.materiallyChanged(kenya.profile(), rewritten.profile())).isTrue();
	}

	@Test
	void anotherCountryDateStandardOrSectorWakesThePair() {
		assertThat(fingerprints.materiallyChanged(kenya.profile(), kenya.countries("KE", "UG").profile())).isTrue();
		assertThat(fingerprints.materiallyChanged(kenya.profile(),
				kenya.dates(kenya.start(), LocalDate.of(2028, 6, 30)).profile())).isTrue();
		assertThat(fingerprints.materiallyChanged(kenya.profile(),
				kenya.themes(Set.of("SMR-PRISONERS", "TOKYO-RULES"), kenya.sectors()).profile())).isTrue();
		assertThat(fingerprints.materiallyChanged(kenya.profile(),
				kenya.themes(kenya.standards(), Set.of("15130", "15160")).profile())).isTrue();
	}

	@Test
	void aChangeOutsideTheSignalsStaysQuiet() {
		assertThat(fingerprints.materiallyChanged(kenya.profile(), kenya.institution("Ministry of Interior").profile())).isFalse();
	}

	@Test
	void aJudgedPairWakesWhenEitherSideChanges() {
		PairFingerprint judged = fingerprints.of(other.profile(), kenya.profile());

		assertThat(judged.first().programmeId()).isEqualTo(1);
		assertThat(fingerprints.changedSince(judged, kenya.profile(), other.profile())).isFalse();
		assertThat(fingerprints.changedSince(judged, kenya.profile(), other.countries("TZ").profile())).isTrue();
	}

	@Test
	void survivesBeingStoredAsText() {
		PairFingerprint judged = fingerprints.of(kenya.profile(), other.countries("KE", "UG").profile());

		PairFingerprint read = PairFingerprint.decode(judged.encode());
		assertThat(read).isEqualTo(judged);
		assertThat(read.changedSince(judged, 0.9)).isFalse();
	}

}
