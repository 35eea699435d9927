package org.coopflow.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coopflow.shared.InvalidField;
import org.junit.jupiter.api.Test;

class CurrenciesTests {

	// as the catalogue has them: XAU (gold) has no minor units; EUR is in the JDK but not in this catalogue
	final Currencies currencies = new Currencies(() -> new ReferenceCodes.Snapshot(Set.of(), Set.of(),
			Map.of("USD", 2, "JPY", 0, "BHD", 3, "CLF", 4, "XAU", -1)));

	final List<InvalidField> errors = new ArrayList<>();

	@Test
	void minorUnitsComeFromTheCatalogueOnly() {
		assertThat(currencies.minorUnits("USD")).isEqualTo(2);
		assertThat(currencies.minorUnits("JPY")).isZero();
		assertThat(currencies.minorUnits("BHD")).isEqualTo(3);
		assertThat(currencies.minorUnits("CLF")).isEqualTo(4);
		// no silent two decimals for what the catalogue does not know, even a code the JDK knows
		assertThatThrownBy(() -> currencies.minorUnits("EUR")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> currencies.minorUnits("XAU")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> currencies.minorUnits(null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void moneyIsACatalogueCurrencyWithMinorUnits() {
		assertThat(currencies.isCurrency("XAU")).isTrue();
		assertThat(currencies.isMoney("XAU")).isFalse();
		assertThat(currencies.isMoney("JPY")).isTrue();
		assertThat(currencies.isCurrency("XQZ")).isFalse();
		assertThat(currencies.isCurrency(null)).isFalse();
	}

	@Test
	void namesAnUnknownCurrencyAndOneWithoutMinorUnitsInTheCallersWords() {
		assertThat(currencies.checkCurrency("budget.currency", "XQZ", "a budget can be set in", errors)).isFalse();
		assertThat(currencies.checkCurrency("budget.currency", "XAU", "a budget can be set in", errors)).isFalse();
		assertThat(currencies.checkCurrency("budget.currency", null, "a budget can be set in", errors)).isFalse();
		assertThat(currencies.checkCurrency("budget.currency", "JPY", "a budget can be set in", errors)).isTrue();
		assertThat(errors).containsExactly(new InvalidField("budget.currency", "'XQZ' is not an ISO 4217 currency"),
				new InvalidField("budget.currency", "XAU is not a currency a budget can be set in"),
				new InvalidField("budget.currency", "'null' is not an ISO 4217 currency"));
	}

	@Test
	void anAmountMayHaveNoMoreDecimalsThanItsCurrencysMinorUnits() {
		assertThat(currencies.checkDecimals("amount", new BigDecimal("1500"), "JPY", errors)).isTrue();
		assertThat(currencies.checkDecimals("amount", new BigDecimal("1500.00"), "JPY", errors)).isTrue();
		assertThat(currencies.checkDecimals("amount", new BigDecimal("1500.5"), "JPY", errors)).isFalse();
		assertThat(currencies.checkDecimals("amount", new BigDecimal("12.345"), "BHD", errors)).isTrue();
		assertThat(currencies.checkDecimals("instalments[1].amount", new BigDecimal("12.345"), "USD", errors)).isFalse();
		assertThat(currencies.checkDecimals("amount", new BigDecimal("1E+3"), "JPY", errors)).isTrue();
		assertThat(errors).containsExactly(new InvalidField("amount", "JPY has 0 decimal places"),
				new InvalidField("instalments[1].amount", "USD has 2 decimal places"));
	}

	@Test
	void leavesAMissingAmountAndACurrencyThatIsNotMoneyToTheCaller() {
		assertThat(currencies.checkDecimals("amount", null, "USD", errors)).isTrue();
		assertThat(currencies.checkDecimals("amount", new BigDecimal("1.5"), "XAU", errors)).isTrue();
		assertThat(currencies.checkDecimals("amount", new BigDecimal("1.5"), "XQZ", errors)).isTrue();
		assertThat(currencies.checkAmount("amount", null, "USD", 15, errors)).isTrue();
		assertThat(errors).isEmpty();
	}

	@Test
	void anAmountHasAtMostTheDigitsItsColumnHolds() {
		assertThat(currencies.checkAmount("amount", new BigDecimal("999999999999999.99"), "USD", 15, errors)).isTrue();
		assertThat(currencies.checkAmount("amount", new BigDecimal("1000000000000000"), "USD", 15, errors)).isFalse();
		assertThat(Currencies.checkDigits("amount", new BigDecimal("1E+16"), 16, errors)).isFalse();
		assertThat(Currencies.checkDigits("amount", new BigDecimal("0.5"), 0, errors)).isTrue();
		assertThat(errors).containsExactly(new InvalidField("amount", "must be less than 10^15"),
				new InvalidField("amount", "must be less than 10^16"));
	}

	@Test
	void oneErrorPerAmountDecimalsFirst() {
		assertThat(currencies.checkAmount("amount", new BigDecimal("10000000000000000.5"), "JPY", 15, errors)).isFalse();
		assertThat(errors).containsExactly(new InvalidField("amount", "JPY has 0 decimal places"));
	}

	@Test
	void roundsToTheMinorUnitsHalfToEven() {
		assertThat(currencies.round(new BigDecimal("2.125"), "USD")).isEqualTo("2.12");
		assertThat(currencies.round(new BigDecimal("2.135"), "USD")).isEqualTo("2.14");
		assertThat(currencies.round(new BigDecimal("2.5"), "JPY")).isEqualTo("2");
		assertThat(currencies.round(new BigDecimal("3.5"), "JPY")).isEqualTo("4");
		assertThat(currencies.round(new BigDecimal("7"), "BHD")).isEqualTo("7.000");
		assertThatThrownBy(() -> currencies.round(BigDecimal.ONE, "XAU")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void writesAnAmountWithExactlyItsMinorUnits() {
		assertThat(currencies.inMinorUnits(new BigDecimal("45000.500"), "USD")).isEqualTo("45000.50");
		assertThat(currencies.inMinorUnits(new BigDecimal("45000"), "BHD")).isEqualTo("45000.000");
		assertThatThrownBy(() -> currencies.inMinorUnits(new BigDecimal("1.5"), "JPY")).isInstanceOf(ArithmeticException.class);
	}

	@Test
	void convertsToUsdToTheCentHalfToEven() {
		assertThat(Currencies.toUsd(new BigDecimal("1000000"), new BigDecimal("155.5"))).isEqualTo("6430.87");
		assertThat(Currencies.toUsd(new BigDecimal("0.125"), BigDecimal.ONE)).isEqualTo("0.12");
		assertThat(Currencies.toUsd(new BigDecimal("0.135"), BigDecimal.ONE)).isEqualTo("0.14");
		assertThat(Currencies.roundUsd(new BigDecimal("80000"))).isEqualTo("80000.00");
		assertThat(Currencies.roundUsd(new BigDecimal("1.005"))).isEqualTo("1.00");
	}

	@Test
	void ratesAreKeptToSixDecimals() {
		assertThat(Currencies.rate(new BigDecimal("0.9123455"))).isEqualTo("0.912346");
		assertThat(Currencies.rate(new BigDecimal("0.9123465"))).isEqualTo("0.912346");
		assertThat(Currencies.rate(new BigDecimal("140"))).isEqualTo("140.000000");
		assertThat(Currencies.checkRate("unitsPerUsd", new BigDecimal("0.912346"), errors)).isTrue();
		assertThat(Currencies.checkRate("unitsPerUsd", new BigDecimal("0.9123465"), errors)).isFalse();
		assertThat(Currencies.checkRate("unitsPerUsd", new BigDecimal("12345678901234"), errors)).isFalse();
		assertThat(Currencies.checkRate("unitsPerUsd", BigDecimal.ZERO, errors)).isFalse();
		assertThat(Currencies.checkRate("unitsPerUsd", null, errors)).isFalse();
		assertThat(errors).extracting(InvalidField::reason).containsExactly(
				"must have at most 13 digits before and 6 after the point",
				"must have at most 13 digits before and 6 after the point", "must be a positive number",
				"must be a positive number");
	}

}
