package org.coopflow.overlap.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.coopflow.reference.Office;
import org.coopflow.reference.StandardsCatalogue;
import org.junit.jupiter.api.Test;

class ScreeningIndexTests {

	private final ScreeningIndex index = new ScreeningIndex();

	private final Profiles kenya = Profiles.prisonsInKenya(1);

	private final Profiles twin = Profiles.prisonsInKenya(2).office(Office.OHCHR);

	@Test
	void alertsOnAPairSharingCountryTimeAndTheme() {
		index.add(kenya.profile());

		assertThat(index.screen(twin.profile())).singleElement().satisfies(alert -> {
			assertThat(alert.programmeId()).isEqualTo(2);
			assertThat(alert.otherProgrammeId()).isEqualTo(1);
			assertThat(alert.severity()).isEqualTo(Severity.HIGH);
			assertThat(alert.sameOffice()).isFalse();
		});
	}

	@Test
	void noCandidateWithoutASharedCountry() {
		index.add(kenya.profile());

		assertThat(index.screen(twin.countries("UG").profile())).isEmpty();
		assertThat(index.explain(twin.countries("UG").profile(), 1)).isEmpty();
	}

	@Test
	void noCandidateWithoutOverlapInTime() {
		index.add(kenya.profile());

		Profiles earlier = twin.dates(LocalDate.of(2021, 1, 1), LocalDate.of(2024, 12, 31));
		assertThat(index.explain(earlier.profile(), 1)).isEmpty();
	}

	@Test
	void noCandidateWithoutASharedTheme() {
		index.add(kenya.profile());

		Profiles elections = twin.themes(Set.of("BP-JUDICIARY"), Set.of("15151"));
		assertThat(index.explain(elections.profile(), 1)).isEmpty();
		assertThat(index.screen(elections.profile())).isEmpty();
	}

	@Test
	void aSharedJusticeSectorIsASharedTheme() {
		index.add(kenya.profile());

		Profiles sameSector = twin.themes(Set.of("BP-JUDICIARY"), Set.of("15130"));
		assertThat(index.explain(sameSector.profile(), 1)).isPresent();
	}

	@Test
	void aSharedSectorOutsideTheJusticeGroupIsNoTheme() {
		Profiles governance = kenya.themes(Set.of(), Set.of("15110"));
		index.add(governance.profile());

		assertThat(index.explain(twin.themes(Set.of("TOKYO-RULES"), Set.of("15110")).profile(), 1)).isEmpty();
	}

	@Test
	void edgeOverlapOfTwentyNineDaysIsNoCandidateThirtyIs() {
		index.add(kenya.profile());

		Profiles ends29DaysIn = twin.dates(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 1, 29));
		Profiles ends30DaysIn = twin.dates(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 1, 30));
		assertThat(index.explain(ends29DaysIn.profile(), 1)).isEmpty();
		assertThat(index.explain(ends30DaysIn.profile(), 1)).isPresent();
	}

	@Test
	void aShortProgrammeOverlappingByAQuarterOfItsLengthIsACandidate() {
		index.add(kenya.profile());

		// a 20-day expert meeting whose last 5 days fall in the programme: a quarter of 20 days
		Profiles meeting = twin.dates(LocalDate.of(2024, 12, 17), LocalDate.of(2025, 1, 5));
		Profiles meetingTooEarly = twin.dates(LocalDate.of(2024, 12, 16), LocalDate.of(2025, 1, 4));
		assertThat(index.explain(meeting.profile(), 1)).isPresent();
		assertThat(index.explain(meetingTooEarly.profile(), 1)).isEmpty();
	}

	@Test
	void neverPairsAProgrammeWithItselfOrItsVersions() {
		index.add(kenya.profile());
		assertThat(index.screen(kenya.profile())).isEmpty();

		index.add(kenya.text("Prison reform in Kenya", "A new version of the same programme.").profile());
		assertThat(index.size()).isEqualTo(1);
		assertThat(index.screen(kenya.profile())).isEmpty();
		assertThat(index.screenAll()).isEmpty();
		assertThat(index.explain(kenya.profile(), 1)).isEmpty();
	}

	@Test
	void regionalProgrammeMatchesTheCountriesItCovers() {
		index.add(kenya.profile());
		Set<String> eastAfrica = ScreeningProfile.coveredCountries("REGIONAL", List.of("ug", "KE", "TZ"), allCountries());

		assertThat(index.screen(twin.countries(eastAfrica).profile())).extracting(Candidate::otherProgrammeId).containsExactly(1L);
		Set<String> westAfrica = ScreeningProfile.coveredCountries("REGIONAL", List.of("SN", "ML"), allCountries());
		assertThat(index.explain(twin.countries(westAfrica).profile(), 1)).isEmpty();
	}

	@Test
	void globalProgrammeAndRegionalProgrammeWithoutCountriesCoverEveryCountry() {
		assertThat(ScreeningProfile.coveredCountries("GLOBAL", List.of(), allCountries())).hasSize(allCountries().size());
		assertThat(ScreeningProfile.coveredCountries("REGIONAL", List.of(), allCountries())).hasSize(allCountries().size());
		assertThat(ScreeningProfile.coveredCountries("NATIONAL", List.of("KE"), allCountries())).containsExactly("KE");

		index.add(kenya.profile());
		Profiles global = twin.countries(ScreeningProfile.coveredCountries("GLOBAL", List.of(), allCountries()));
		assertThat(index.explain(global.profile(), 1)).isPresent();
	}

	@Test
	void labelsPairsInsideOneOffice() {
		index.add(kenya.profile());

		assertThat(index.screen(twin.office(Office.CPCJD).profile())).singleElement()
			.satisfies(alert -> assertThat(alert.sameOffice()).isTrue());
		assertThat(index.screen(twin.profile())).singleElement().satisfies(alert -> assertThat(alert.sameOffice()).isFalse());
	}

	@Test
	void explainsEverySignalThatFired() {
		index.add(kenya.profile());

		Candidate alert = index.screen(twin.profile()).get(0);
		assertThat(alert.signals()).extracting(Signal::name)
			.contains(Signal.TEXT, Signal.STANDARDS, Signal.INSTITUTION, Signal.ACTIVITY_TYPE, Signal.COUNTRIES, Signal.TIME)
			.doesNotContain(Signal.PARTNER);
		assertThat(alert.signals()).extracting(Signal::detail)
			.contains("shared standards: SMR-PRISONERS", "same beneficiary institution: Kenya Prisons Service",
					"same activity types: TRAINING", "shared countries: KE");
		assertThat(alert.signals().stream().mapToDouble(Signal::contribution).sum()).isCloseTo(alert.score(),
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(alert.contribution(Signal.STANDARDS)).isEqualTo(0.25);
	}

	@Test
	void weightsChangeTheResult() {
		Profiles sameInstitutionOnly = twin.text("Staff welfare scheme", "Housing for staff families.")
			.themes(Set.of("TOKYO-RULES"), Set.of("15130"))
			.activities("ADVISORY_SERVICES")
			.dates(LocalDate.of(2027, 1, 1), LocalDate.of(2029, 12, 31));
		ScreeningIndex defaults = new ScreeningIndex();
		defaults.add(kenya.profile());
		double score = defaults.explain(sameInstitutionOnly.profile(), 1).orElseThrow().score();

		ScreeningSettings institutionHeavy = ScreeningSettings.defaults()
			.withWeights(new ScreeningSettings.Weights(0.35, 0.25, 0.60, 0.05, 0.10, 0.05, 0.05));
		ScreeningIndex heavy = new ScreeningIndex(institutionHeavy);
		heavy.add(kenya.profile());

		assertThat(defaults.screen(sameInstitutionOnly.profile())).isEmpty();
		assertThat(heavy.screen(sameInstitutionOnly.profile())).singleElement()
			.satisfies(alert -> assertThat(alert.score()).isCloseTo(score + 0.45, org.assertj.core.data.Offset.offset(1e-6)));

		ScreeningIndex strict = new ScreeningIndex(ScreeningSettings.defaults().withThresholds(0.99, 0.995, 0.999));
		strict.add(kenya.profile());
		assertThat(strict.screen(twin.profile())).isEmpty();
	}

	@Test
	void screeningTheWholePortfolioReportsEachPairOnce() {
		index.add(kenya.profile());
		index.add(twin.profile());
		index.add(Profiles.prisonsInKenya(3).profile());
		index.add(Profiles.prisonsInKenya(4).countries("UG").profile());

		List<Candidate> alerts = index.screenAll();
		assertThat(alerts).extracting(a -> a.programmeId() + "-" + a.otherProgrammeId()).containsExactly("1-2", "1-3", "2-3");
		assertThat(index.screenAll(a -> { }).candidatePairs()).isEqualTo(3);
	}

	@Test
	void removedProgrammesAreNoLongerScreened() {
		index.add(kenya.profile());
		assertThat(index.remove(1)).isTrue();
		assertThat(index.remove(1)).isFalse();

		assertThat(index.screen(twin.profile())).isEmpty();
		assertThat(index.size()).isZero();
	}

	@Test
	void foldsSpellingsLanguagesAndAccentsBeforeComparingText() {
		TextAnalysis analysis = new TextAnalysis();

		assertThat(analysis.terms("Prison reform programme")).containsExactly("prison", "reform", "program");
		assertThat(analysis.terms("programa de reforma penitenciaria")).containsExactly("program", "reform", "prison");
		assertThat(analysis.terms("Réforme pénitentiaire: programme des prisons"))
			.containsExactly("reform", "prison", "program", "prison");
		assertThat(analysis.terms("the programs of Kenya's prisons")).containsExactly("program", "prison");
	}

	@Test
	void oneWriterAndManyReadersDoNotTripEachOther() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		AtomicBoolean writing = new AtomicBoolean(true);
		try {
			List<Future<Integer>> readers = new ArrayList<>();
			for (int r = 0; r < 3; r++) {
				readers.add(pool.submit(() -> {
					int screenings = 0;
					while (writing.get() || screenings == 0) {
						for (Candidate alert : index.screen(Profiles.prisonsInKenya(-1).profile())) {
							assertThat(alert.otherProgrammeId()).isPositive();
						}
						screenings++;
					}
					return screenings;
				}));
			}
			Future<?> writer = pool.submit(() -> {
				for (int id = 1; id <= 2_000; id++) {
					index.add(Profiles.prisonsInKenya(id).countries(id % 2 == 0 ? "KE" : "UG").profile());
					if (id % 10 == 0) {
						index.remove(id - 5);
					}
				}
				writing.set(false);
			});
			writer.get(60, TimeUnit.SECONDS);
			for (Future<Integer> reader : readers) {
				assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(index.size()).isEqualTo(1_800);
		// the writer removed only Ugandan programmes (odd ids): 1,000 Kenyan and 800 Ugandan ones, all alike
		assertThat(index.screen(Profiles.prisonsInKenya(-1).profile())).hasSize(1_000);
		assertThat(index.screenAll(a -> { }).alerts()).isEqualTo(1_000L * 999 / 2 + 800L * 799 / 2);
	}

	private static Set<String> allCountries() {
		return new HashSet<>(Arrays.asList(Locale.getISOCountries()));
	}

	@Test
	void tellsApartAsManyStandardsAsTheCatalogueMayHoldAndNoMore() {
		// administrators add standards (reference.AddStandard) up to the catalogue's limit; every one of them
		// must stay a signal of its own
		for (int i = 0; i < StandardsCatalogue.MOST; i++) {
			index.add(kenya.id(100 + i).themes(Set.of("STANDARD-" + i), Set.of()).profile());
		}
		assertThat(index.screen(twin.themes(Set.of("STANDARD-" + (StandardsCatalogue.MOST - 1)), Set.of()).profile()))
			.singleElement()
			.satisfies(alert -> assertThat(alert.otherProgrammeId()).isEqualTo(100 + StandardsCatalogue.MOST - 1));
		assertThatThrownBy(() -> index.add(kenya.id(99).themes(Set.of("ONE-TOO-MANY"), Set.of()).profile()))
			.isInstanceOf(IllegalStateException.class);
	}

}
