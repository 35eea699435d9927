package org.coopflow.activities;

import java.util.Map;

import org.springframework.stereotype.Service;

/** Placeholder until the type-specific steps land in this session; replaced by the full service. */
@Service
class ActivityTypeDetails {

	Map<String, Object> taskFacts(long activityId) {
		return Map.of();
	}

}
