package org.coopflow.pledges;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Now" and "today" for pledges: the process engine's clock, so that the pledge process's timers and the
 * overdue marks on pledges agree.
 */
@Component
class PledgeClock {

	Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	LocalDate today() {
		return LocalDate.ofInstant(now(), ZoneOffset.UTC);
	}

}
