package org.coopflow.pledges;

/**
 * The names of the donor pledge process ({@code bpmn/DonorPledgeProcess.bpmn}) that code refers to,
 * in one place. The business key of an instance is {@code pledge-<id>}.
 */
final class DonorPledgeProcess {

	static final String PROCESS_KEY = "DonorPledgeProcess";

	private static final String BUSINESS_KEY_PREFIX = "pledge-";

	private DonorPledgeProcess() {
	}

	/** "pledge-42": pledges and programmes are numbered apart, so the key says which one it is. */
	static String businessKey(long pledgeId) {
		return BUSINESS_KEY_PREFIX + pledgeId;
	}

	/** The pledge id in a business key made by {@link #businessKey(long)}, or null for any other key. */
	static Long pledgeIdOf(String businessKey) {
		if (businessKey == null || !businessKey.matches(BUSINESS_KEY_PREFIX + "\\d+")) {
			return null;
		}
		return Long.valueOf(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
	}

	static final class Tasks {

		static final String VERIFY_PLEDGE = "Task_VerifyPledge";

		static final String CONCLUDE_AGREEMENT = "Task_ConcludeAgreement";

		static final String ALLOCATE_FUNDS = "Task_AllocateFunds";

		static final String CONFIRM_RECEIPT = "Task_ConfirmReceipt";

		private Tasks() {
		}

	}

	static final class Messages {

		static final String PAYMENT_REPORTED = "PaymentReported";

		static final String PLEDGE_CLOSED = "PledgeClosed";

		private Messages() {
		}

	}

	static final class Variables {

		static final String OFFICE = "office";

		static final String DONOR = "donor";

		/** "Verify pledge": true or false, and a note (required to decline). */
		static final String PLEDGE_VERIFIED = "pledgeVerified";

		static final String VERIFICATION_NOTE = "verificationNote";

		/** "Conclude agreement": the signing date (yyyy-MM-dd) and the agreement's reference. */
		static final String AGREEMENT_DATE = "agreementDate";

		static final String AGREEMENT_REFERENCE = "agreementReference";

		/** "Allocate funds": the programme the pledge funds. */
		static final String PROGRAMME_ID = "programmeId";

		/** "Confirm receipt": the payment decided on, whether it arrived, and a note (required if not). */
		static final String PAYMENT_ID = "paymentId";

		static final String PAYMENT_RECEIVED = "paymentReceived";

		static final String RECEIPT_NOTE = "receiptNote";

		/** Who completed the last user task, set by the task listener from the signed-in user. */
		static final String DECIDED_BY = "decidedBy";

		/** The multi-instance element variable: the instalment's number. */
		static final String INSTALMENT = "instalment";

		/** Task-local facts the forms show. */
		static final String SUMMARY = "pledgeSummary";

		static final String SCHEDULE = "instalmentSchedule";

		static final String PAYMENT_SUMMARY = "paymentSummary";

		private Variables() {
		}

	}

}
