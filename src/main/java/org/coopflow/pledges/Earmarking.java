package org.coopflow.pledges;

/** How far a donor ties a pledge: not at all, to a standard, to a beneficiary country, to a programme. */
public enum Earmarking {

	NONE, STANDARD, COUNTRY, PROGRAMME

}
