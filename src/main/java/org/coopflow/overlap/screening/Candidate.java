package org.coopflow.overlap.screening;

import java.util.List;

/**
 * A pair of programmes that may overlap, with the signals that fired, each with its contribution;
 * {@code score} is their sum. {@code sameOffice} marks a pair inside one office (a duplicate is a
 * duplicate, but the coordinators read it differently).
 */
public record Candidate(long programmeId, long otherProgrammeId, double score, Severity severity, boolean sameOffice,
		List<Signal> signals) {

	public Candidate {
		signals = List.copyOf(signals);
	}

	public double contribution(String signal) {
		return signals.stream().filter(s -> s.name().equals(signal)).mapToDouble(Signal::contribution).sum();
	}

}
