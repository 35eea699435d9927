package org.coopflow.pledges;

/** A reported transfer is unverified until an officer confirms receipt or finds it did not arrive. */
public enum PaymentStatus {

	REPORTED, CONFIRMED, REJECTED

}
