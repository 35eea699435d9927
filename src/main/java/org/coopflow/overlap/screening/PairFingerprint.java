package org.coopflow.overlap.screening;

/**
 * The signals of a pair when it was judged, the lower programme id first. A pair judged "not an
 * overlap" or "complementary" stays quiet while {@link #changedSince} says no.
 */
public record PairFingerprint(ProfileFingerprint first, ProfileFingerprint second) {

	public PairFingerprint {
		if (first.programmeId() > second.programmeId()) {
			ProfileFingerprint lower = second;
			second = first;
			first = lower;
		}
	}

	/**
	 * Whether a signal of either programme changed since {@code judged} was taken: countries, dates,
	 * standards, sectors, or a text whose similarity to the judged one fell below {@code textThreshold}.
	 */
	public boolean changedSince(PairFingerprint judged, double textThreshold) {
		if (first.programmeId() != judged.first.programmeId() || second.programmeId() != judged.second.programmeId()) {
			throw new IllegalArgumentException("not the same pair");
		}
		return first.materiallyDiffers(judged.first, textThreshold) || second.materiallyDiffers(judged.second, textThreshold);
	}

	/** Two lines' worth in one: the two profiles' encodings joined by a newline. */
	public String encode() {
		return first.encode() + "\n" + second.encode();
	}

	public static PairFingerprint decode(String encoded) {
		int newline = encoded.indexOf('\n');
		if (newline < 0) {
			throw new IllegalArgumentException("not a pair fingerprint");
		}
		return new PairFingerprint(ProfileFingerprint.decode(encoded.substring(0, newline)),
				ProfileFingerprint.decode(encoded.substring(newline + 1)));
	}

}
