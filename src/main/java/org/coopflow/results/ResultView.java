package org.coopflow.results;

import java.util.List;

/** An outcome or output of a programme, the standards it serves and the indicators that measure it. */
@org.springframework.modulith.NamedInterface("api")
public record ResultView(long id, long programmeId, ResultType type, String title, String description,
		List<String> standards, List<IndicatorView> indicators) {
}
