package org.coopflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DacSectorsTests {

	@Test
	void theJusticeAndHumanRightsSectorsAreInUseAndNamedInEnglish() {
		assertThat(DacSectors.isActive("15130")).isTrue();
		assertThat(DacSectors.inWords("15130")).isEqualTo("15130 Legal and judicial development");
		assertThat(DacSectors.inWords("15160")).isEqualTo("15160 Human rights");
		assertThat(DacSectors.inWords("15210")).isEqualTo("15210 Security system management and reform");
	}

	@Test
	void aWithdrawnCodeKeepsItsNameButIsNotInUse() {
		assertThat(DacSectors.isActive("11321")).isFalse();
		assertThat(DacSectors.inWords("11321")).isEqualTo("11321 Lower secondary education");
	}

	@Test
	void anUnknownCodeIsNotInUseAndShownAsItIs() {
		assertThat(DacSectors.isActive("99999")).isFalse();
		assertThat(DacSectors.isActive(null)).isFalse();
		assertThat(DacSectors.inWords("99999")).isEqualTo("99999");
		assertThat(DacSectors.inWords(null)).isNull();
	}

}
