package org.coopflow.programmes;

/**
 * Where a programme stands on its way from draft to funded. The funding proposal process moves it
 * from SUBMITTED on; officers edit it only while it is a DRAFT or RETURNED_FOR_REVISION.
 */
@org.springframework.modulith.NamedInterface("api")
public enum ProgrammeStatus {

	DRAFT,
	/** Submitted; being screened for overlaps. */
	SUBMITTED,
	/** Overlap alerts were raised; waiting for the coordinators' joint decision. */
	OVERLAP_REVIEW,
	/** Waiting for a second officer of the owning office to review it. */
	UNDER_REVIEW,
	RETURNED_FOR_REVISION,
	REJECTED,
	WITHDRAWN,
	/** Approved; visible to donors until committed funding reaches the budget. */
	OPEN_FOR_FUNDING,
	/** The funding deadline passed short of the budget; an officer decides what to do. */
	PARTIALLY_FUNDED,
	/** Committed funding covers the budget; its activities are being carried out. */
	FUNDED,
	/** Implementation ended: the final report went to the donors and unspent funds were decided. */
	CLOSED,
	CANCELLED;

	public boolean isEditable() {
		return this == DRAFT || this == RETURNED_FOR_REVISION;
	}

	public boolean isOpenForFunding() {
		return this == OPEN_FOR_FUNDING || this == PARTIALLY_FUNDED;
	}

	/** What a person reads where this value is shown: on pages, forms, mails and task names. */
	public String label() {
		return switch (this) {
			case DRAFT -> "Draft";
			case SUBMITTED -> "Submitted";
			case OVERLAP_REVIEW -> "Overlap review";
			case UNDER_REVIEW -> "Under review";
			case RETURNED_FOR_REVISION -> "Returned for revision";
			case REJECTED -> "Rejected";
			case WITHDRAWN -> "Withdrawn";
			case OPEN_FOR_FUNDING -> "Open for funding";
			case PARTIALLY_FUNDED -> "Partly funded";
			case FUNDED -> "Funded";
			case CLOSED -> "Closed";
			case CANCELLED -> "Cancelled";
		};
	}

}
