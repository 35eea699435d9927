package org.coopflow.results;

import java.util.List;

/** An indicator of a result, with its baseline (null when none is known) and its periods in time order. */
@org.springframework.modulith.NamedInterface("api")
public record IndicatorView(long id, long resultId, long programmeId, String title, String description, Measure measure,
		boolean ascending, Baseline baseline, List<PeriodView> periods, int version) {
}
