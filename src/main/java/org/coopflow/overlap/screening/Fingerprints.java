package org.coopflow.overlap.screening;

import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Takes the fingerprints of profiles and pairs, and says whether a programme changed materially.
 * Thread-safe.
 */
public final class Fingerprints {

	private final TextAnalysis analysis = new TextAnalysis();

	private final double textChangeThreshold;

	public Fingerprints(ScreeningSettings settings) {
		this.textChangeThreshold = settings.textChangeThreshold();
	}

	public ProfileFingerprint of(ScreeningProfile profile) {
		return new ProfileFingerprint(profile.programmeId(), new TreeSet<>(profile.countries()), profile.start(),
				profile.end(), new TreeSet<>(profile.standards()), new TreeSet<>(profile.sectors()),
				new TreeMap<>(analysis.termCounts(profile.title() + "\n" + profile.description())));
	}

	public PairFingerprint of(ScreeningProfile a, ScreeningProfile b) {
		return new PairFingerprint(of(a), of(b));
	}

	/** Whether the new version of a programme must wake the pairs judged on the old one. */
	public boolean materiallyChanged(ScreeningProfile before, ScreeningProfile after) {
		return of(after).materiallyDiffers(of(before), textChangeThreshold);
	}

	/** Whether a pair judged with {@code judged} must be screened again now. */
	public boolean changedSince(PairFingerprint judged, ScreeningProfile a, ScreeningProfile b) {
		return of(a, b).changedSince(judged, textChangeThreshold);
	}

	public double textChangeThreshold() {
		return textChangeThreshold;
	}

}
