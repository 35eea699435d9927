package org.coopflow.programmes;

/**
 * What the implementation of a funded programme does to the programme record; the activities module
 * owns the implementation itself.
 */
@org.springframework.modulith.NamedInterface("ports")
public interface ImplementationLifecycle {

	/** FUNDED → CLOSED: the final report went to the donors; publishes {@link ProgrammeClosed}. */
	void close(long programmeId, String by);

}
