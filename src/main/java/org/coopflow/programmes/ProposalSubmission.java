package org.coopflow.programmes;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.coopflow.shared.ConflictException;
import org.coopflow.reference.Office;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.coopflow.security.UserDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An officer submits a draft: the programme becomes SUBMITTED and the funding proposal process
 * starts, in one transaction, so that there is never a submitted programme without its process (or
 * the other way round).
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional
public class ProposalSubmission {

	private final ProgrammeQueries programmes;

	private final ProposalLifecycle lifecycle;

	private final FundingProposals fundingProposals;

	private final UserDirectory people;

	ProposalSubmission(ProgrammeQueries programmes, ProposalLifecycle lifecycle, FundingProposals fundingProposals,
			UserDirectory people) {
		this.programmes = programmes;
		this.lifecycle = lifecycle;
		this.fundingProposals = fundingProposals;
		this.people = people;
	}

	public ProgrammeView submit(CoopflowUser user, long programmeId) {
		ProgrammeView programme = programmes.get(user, programmeId);
		Office office = ProgrammeAccess.officeOfOfficer(user, "submit proposals");
		ProgrammeAccess.requireOwnOffice(office, programme, "submit");
		if (programme.status() == ProgrammeStatus.RETURNED_FOR_REVISION) {
			throw new ConflictException("Programme " + programmeId
					+ " was returned for revision: edit it, then complete the task 'Revise proposal' in Tasklist to resubmit it.");
		}
		if (programme.status() != ProgrammeStatus.DRAFT) {
			throw new ConflictException(
					"Programme " + programmeId + " is " + programme.status().label().toLowerCase(java.util.Locale.ENGLISH)
							+ ": only a draft can be submitted.");
		}
		requireAReviewer(user, programmeId, office);
		lifecycle.submit(programmeId, user.getUsername());
		fundingProposals.start(programmeId, office, user.getUsername(), programme.fundingDeadlineDays());
		return programmes.get(user, programmeId);
	}

	/**
	 * Four eyes: "Review proposal" is hidden from everyone who created, changed or submitted the programme.
	 * A submission that would leave no enabled programme officer of the office outside that circle would
	 * start a review nobody of the office can take, so it is refused while the submitter can still act.
	 */
	private void requireAReviewer(CoopflowUser user, long programmeId, Office office) {
		List<String> authors = lifecycle.facts(programmeId).authors();
		Set<String> afterSubmission = new LinkedHashSet<>(authors);
		afterSubmission.add(user.getUsername());
		List<String> officers = people.usernamesOf(Role.PROGRAMME_OFFICER, office);
		if (officers.stream().anyMatch(officer -> !afterSubmission.contains(officer))) {
			return;
		}
		String prefix = "No programme officer of " + office + " would be left to review programme " + programmeId
				+ ": the review needs one who has not worked on it (four eyes). ";
		// only a writer who is still an officer of the office can submit it instead
		List<String> couldSubmit = authors.stream().filter(officers::contains).toList();
		if (!authors.contains(user.getUsername()) && !couldSubmit.isEmpty()) {
			String wrote = couldSubmit.stream().map(people::displayNameOf).collect(Collectors.joining(", "));
			throw new ConflictException(prefix + "Ask " + wrote + " to submit it instead, so that you can review it.");
		}
		throw new ConflictException(prefix + "Every programme officer of the office has; an administrator can add one "
				+ "on the Users page, and then it can be submitted.");
	}

}
