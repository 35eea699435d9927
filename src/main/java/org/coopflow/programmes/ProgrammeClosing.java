package org.coopflow.programmes;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A funded programme is closed once its final report has gone to the donors. */
@Component
@Transactional
class ProgrammeClosing implements ImplementationLifecycle {

	private final ProgrammeRecord record;

	private final ApplicationEventPublisher events;

	ProgrammeClosing(ProgrammeRecord record, ApplicationEventPublisher events) {
		this.record = record;
		this.events = events;
	}

	@Override
	public void close(long programmeId, String by) {
		ProgrammeView p = record.transition(programmeId, "CLOSED", ProgrammeStatus.CLOSED, by, null,
				ProgrammeStatus.FUNDED);
		events.publishEvent(new ProgrammeClosed(programmeId, p.office()));
	}

}
