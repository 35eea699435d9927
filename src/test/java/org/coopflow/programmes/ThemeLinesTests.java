package org.coopflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.coopflow.programmes.PortfolioFigures.StatusSum;
import org.coopflow.programmes.PortfolioFigures.Theme;
import org.coopflow.programmes.PortfolioFigures.ThemeSum;
import org.coopflow.reference.Office;
import org.junit.jupiter.api.Test;

/**
 * The keeping of the theme lines alone, with a stand-in for the database's sums: what is summed when, per
 * office and set of statuses. That every write moves the fingerprint is {@link PortfolioThemeLinesTests}'s.
 */
class ThemeLinesTests {

	private final ThemeLines lines = new ThemeLines();

	private final List<String> summed = new ArrayList<>();

	private static final Set<ProgrammeStatus> OPEN = EnumSet.of(ProgrammeStatus.OPEN_FOR_FUNDING);

	private static ThemeLines.Fingerprint fingerprint(long versions) {
		StatusSum open = new StatusSum(ProgrammeStatus.OPEN_FOR_FUNDING, "USD", 1, money("100"), money("0"), money("0"),
				money("0"));
		return new ThemeLines.Fingerprint(Set.of(open), versions, 1, 0, 1, 1);
	}

	private static BigDecimal money(String amount) {
		return new BigDecimal(amount).setScale(2);
	}

	private ThemeLines.Summed read(Office office, Set<ProgrammeStatus> statuses, long versions) {
		return lines.of(office, statuses, fingerprint(versions), theme -> {
			summed.add(office + " " + theme);
			return List.of(new ThemeSum(theme.name(), "USD", versions, money("100"), money("0"), money("100")));
		});
	}

	@Test
	void linesAreSummedOncePerFingerprintAndKeptApartPerOfficeAndStatuses() {
		ThemeLines.Summed first = read(Office.CPCJD, OPEN, 7);
		read(null, OPEN, 7);
		read(Office.CPCJD, EnumSet.of(ProgrammeStatus.FUNDED), 7);
		assertThat(read(Office.CPCJD, OPEN, 7)).isSameAs(first);
		assertThat(read(null, OPEN, 7).byStandard()).isNotEmpty();
		assertThat(summed).containsExactly("CPCJD STANDARD", "CPCJD COUNTRY", "null STANDARD", "null COUNTRY",
				"CPCJD STANDARD", "CPCJD COUNTRY");
		assertThat(lines.sums()).isEqualTo(3);

		ThemeLines.Summed moved = read(Office.CPCJD, OPEN, 8);
		assertThat(moved.byCountry()).containsExactly(
				new ThemeSum(Theme.COUNTRY.name(), "USD", 8, money("100"), money("0"), money("100")));
		assertThat(lines.sums()).isEqualTo(4);
	}

	@Test
	void everyKeyIsRightEvenBeyondTheHandfulKept() {
		List<Set<ProgrammeStatus>> keys = new ArrayList<>();
		for (ProgrammeStatus status : ProgrammeStatus.values()) {
			keys.add(EnumSet.of(status));
			keys.add(EnumSet.of(status, ProgrammeStatus.CLOSED));
		}
		assertThat(keys.size()).isGreaterThan(16);
		for (Set<ProgrammeStatus> key : keys) {
			read(Office.OHCHR, key, 1);
		}
		for (Set<ProgrammeStatus> key : keys) {
			assertThat(read(Office.OHCHR, key, 2).byStandard().get(0).programmes()).as("summed at the fingerprint asked")
				.isEqualTo(2);
		}
	}

}
