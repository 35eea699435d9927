package org.coopflow.programmes;

import java.util.List;

/**
 * Screens one programme against the portfolio of both offices and raises an alert for each likely
 * overlap. The funding proposal process calls it when a proposal is submitted; the overlap module
 * implements it (the port belongs to the process that needs it, so the modules depend one way only).
 */
@org.springframework.modulith.NamedInterface("ports")
public interface OverlapScreening {

	/** @return the ids of the alerts raised (empty when nothing overlaps or all pairs were judged) */
	List<Long> screen(long programmeId);

}
