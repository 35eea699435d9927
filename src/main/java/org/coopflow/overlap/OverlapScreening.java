package org.coopflow.overlap;

import java.util.List;

/**
 * Screens one programme against the portfolio of both offices and raises an alert for each likely
 * overlap. The funding proposal process calls it when a proposal is submitted.
 */
public interface OverlapScreening {

	/** @return the ids of the alerts raised (empty when nothing overlaps or all pairs were judged) */
	List<Long> screen(long programmeId);

}
