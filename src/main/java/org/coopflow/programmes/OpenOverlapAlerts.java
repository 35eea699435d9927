package org.coopflow.programmes;

import java.util.List;

/**
 * The overlap alerts still open on a programme, in words, for the forms of its funding proposal: a reviewer
 * deciding on a proposal learns that the coordinators have yet to decide whether it duplicates another
 * programme, also when that alert was raised after the proposal was submitted (by the other programme's
 * screening). The overlap module implements it.
 */
@org.springframework.modulith.NamedInterface("ports")
public interface OpenOverlapAlerts {

	/** One line per open alert, oldest first, e.g. "Alert 3 (high, 89.9 % similar) with …"; empty when none. */
	List<String> of(long programmeId);

}
