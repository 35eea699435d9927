package org.coopflow.activities;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.coopflow.activities.ImplementationRepository.Implementation;
import org.coopflow.activities.ImplementationRepository.Summary;
import org.coopflow.reference.Office;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads activities and implementations: for a signed-in user as {@link ActivityAccess} allows, and
 * without one for other modules' reports and for the implementation process.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class Activities {

	private final ActivityRepository activities;

	private final ImplementationRepository implementations;

	private final ExpenditureRepository expenditures;

	private final ActivityAccess access;

	Activities(ActivityRepository activities, ImplementationRepository implementations,
			ExpenditureRepository expenditures, ActivityAccess access) {
		this.activities = activities;
		this.implementations = implementations;
		this.expenditures = expenditures;
		this.access = access;
	}

	/** The programme's activities; a 404 for a donor whose pledges do not fund it. */
	public List<ActivityView> ofProgramme(CoopflowUser user, long programmeId) {
		access.readableProgramme(user, programmeId);
		return activities.ofProgramme(programmeId);
	}

	public ActivityView get(CoopflowUser user, long id) {
		return access.readable(user, id);
	}

	public ActivityView find(long id) {
		return activities.find(id).orElseThrow(() -> ActivityAccess.notFound(id));
	}

	public List<ActivityView> activitiesOf(long programmeId) {
		return activities.ofProgramme(programmeId);
	}

	/** The ids of the programme's activities that are to be carried out (all but the cancelled). */
	public List<Long> plannedActivityIds(long programmeId) {
		return activities.ofProgramme(programmeId)
			.stream()
			.filter(a -> a.status() != ActivityStatus.CANCELLED)
			.map(ActivityView::id)
			.toList();
	}

	/** Spent on the programme's activities so far, in its currency. */
	public BigDecimal spent(long programmeId) {
		return expenditures.spentOnProgramme(programmeId);
	}

	/** Spent on the programme's activities, in its currency, and when the last expenditure was recorded (null before). */
	@org.springframework.modulith.NamedInterface("api")
	public record Spending(BigDecimal spent, java.time.Instant changedAt) {
	}

	public Spending spending(long programmeId) {
		return expenditures.spendingOnProgramme(programmeId);
	}

	Optional<Implementation> implementation(long programmeId) {
		return implementations.find(programmeId);
	}

	/** The implementation of the programme for other modules' reports; empty before it was funded. */
	public Optional<ImplementationView> implementationView(long programmeId) {
		return implementations.find(programmeId).map(Activities::view);
	}

	/** The implementations of the programmes (up to 1,000 at once) that have one, for publishing. */
	public List<ImplementationView> implementationViews(List<Long> programmeIds) {
		return implementations.findAll(programmeIds).stream().map(Activities::view).toList();
	}

	/** When any spending or document was last recorded, for any programme; null while there is none. */
	public java.time.Instant lastChange() {
		return activities.lastChange();
	}

	/** The documents the programmes' activities produced (up to 1,000 programmes at once), for publishing. */
	public List<ProgrammeDocument> documentsOf(List<Long> programmeIds) {
		return activities.documentsOf(programmeIds);
	}

	/** The expenditures of the programmes (up to 1,000 at once), by programme and day, for publishing. */
	public List<ExpenditureView> expendituresOf(List<Long> programmeIds) {
		return expenditures.ofProgrammes(programmeIds);
	}

	private static ImplementationView view(Implementation i) {
		return new ImplementationView(i.programmeId(), i.office(), i.stage(), i.startedAt(), i.closedAt(),
				i.unspentAmount(), i.unspentChoice(), i.unspentReason(), i.unspentDecidedAt());
	}

	/** The newest implementations for the list page: an officer's own office's, everyone's for others. */
	List<Summary> implementations(CoopflowUser user) {
		Office office = user.getRole() == Role.PROGRAMME_OFFICER ? user.getOffice() : null;
		return implementations.summaries(office, 200);
	}

}
