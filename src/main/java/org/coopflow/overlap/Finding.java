package org.coopflow.overlap;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * What screening found for one pair of programmes ({@code firstId < secondId}): the score, severity
 * and signals, and the pair's fingerprint, which changes when one of its signals does.
 */
record Finding(long firstId, long secondId, boolean sameOffice, BigDecimal score, String severity,
		List<OverlapAlertView.Signal> signals, String fingerprint, Set<String> offices, Set<String> countries,
		Set<String> standards) {

	Finding {
		if (firstId >= secondId) {
			throw new IllegalArgumentException("A pair is stored with the smaller id first: " + firstId + ", " + secondId);
		}
	}

}
