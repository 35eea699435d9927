package org.coopflow.reporting;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Which part of a programme's spending a pledge paid for. Money is fungible once it reaches a programme,
 * so each pledge is held to have paid the same share of its received money as the programme spent of all
 * it received: spent/received, at most 1. Spending above what was received (an officer's recorded
 * override) is paid by no pledge yet, and so no donor is told their money paid for it.
 */
final class SpendingAttribution {

	private static final MathContext PRECISION = MathContext.DECIMAL64;

	private SpendingAttribution() {
	}

	/** The share of received funds spent: 0 when nothing was received, never above 1, never below 0. */
	static BigDecimal spentShare(BigDecimal programmeReceived, BigDecimal programmeSpent) {
		if (programmeReceived.signum() <= 0 || programmeSpent.signum() <= 0) {
			return BigDecimal.ZERO;
		}
		return programmeSpent.min(programmeReceived).divide(programmeReceived, PRECISION);
	}

	/** The pledge's part of the spending: its allocated money times the share, rounded to {@code scale}. */
	static BigDecimal spentOf(BigDecimal allocated, BigDecimal share, int scale) {
		if (allocated.signum() <= 0) {
			return BigDecimal.ZERO.setScale(scale);
		}
		BigDecimal spent = allocated.multiply(share).setScale(scale, RoundingMode.HALF_EVEN);
		// rounding half-even never passes the allocated amount at the same scale, but say so explicitly
		return spent.min(allocated.setScale(scale, RoundingMode.HALF_EVEN));
	}

	/** Spending above what the programme received: paid by no pledge yet. */
	static BigDecimal beyondReceived(BigDecimal programmeReceived, BigDecimal programmeSpent) {
		return programmeSpent.subtract(programmeReceived.max(BigDecimal.ZERO)).max(BigDecimal.ZERO);
	}

}
