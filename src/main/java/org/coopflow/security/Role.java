package org.coopflow.security;

import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;
import org.coopflow.reference.Office;

/**
 * The roles of coopflow. A role's name is also its Camunda group, and the office-bound roles have a
 * group per office as well ({@code PROGRAMME_OFFICER_CPCJD}); those are the candidate groups of user
 * tasks, so that one office never sees the other office's tasks.
 */
@org.springframework.modulith.NamedInterface("api")
public enum Role {

	/** Speaks for one Member State: pledges and follows the money. Never works in Camunda. */
	DONOR,

	/** Works one office's programmes as user tasks in Tasklist. */
	PROGRAMME_OFFICER,

	/** Reviews overlap alerts for one office. */
	COORDINATOR,

	/** Runs coopflow: users, reference data, Camunda Cockpit and Admin. */
	ADMIN;

	public boolean isBoundToOffice() {
		return this == PROGRAMME_OFFICER || this == COORDINATOR;
	}

	public boolean isBoundToMemberState() {
		return this == DONOR;
	}

	/** The Camunda group of this role's members in one office, e.g. {@code COORDINATOR_OHCHR}. */
	public String groupOf(Office office) {
		if (!isBoundToOffice()) {
			throw new IllegalStateException(this + " is not bound to an office");
		}
		return name() + "_" + office.name();
	}

	/** The Camunda groups a member of this role belongs to. */
	public List<String> camundaGroups(Office office) {
		return switch (this) {
			case DONOR -> List.of(name());
			case PROGRAMME_OFFICER, COORDINATOR -> List.of(name(), groupOf(office));
			// Camunda always treats camunda-admin as an administrators' group
			case ADMIN -> List.of(Groups.CAMUNDA_ADMIN);
		};
	}

	/** Spring Security authority, as checked by {@code hasRole(...)}. */
	String authority() {
		return "ROLE_" + name();
	}

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case DONOR -> "Member State donor";
			case PROGRAMME_OFFICER -> "Programme officer";
			case COORDINATOR -> "Coordinator";
			case ADMIN -> "Administrator";
		};
	}

}
