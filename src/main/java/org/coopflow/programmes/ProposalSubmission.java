package org.coopflow.programmes;

import org.coopflow.shared.ConflictException;
import org.coopflow.reference.Office;
import org.coopflow.security.CoopflowUser;
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

	ProposalSubmission(ProgrammeQueries programmes, ProposalLifecycle lifecycle, FundingProposals fundingProposals) {
		this.programmes = programmes;
		this.lifecycle = lifecycle;
		this.fundingProposals = fundingProposals;
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
		lifecycle.submit(programmeId, user.getUsername());
		fundingProposals.start(programmeId, office, user.getUsername(), programme.fundingDeadlineDays());
		return programmes.get(user, programmeId);
	}

}
