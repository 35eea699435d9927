package org.coopflow.overlap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.coopflow.overlap.screening.Candidate;
import org.coopflow.overlap.screening.Fingerprints;
import org.coopflow.overlap.screening.PairFingerprint;
import org.coopflow.overlap.screening.ScreeningIndex;
import org.coopflow.overlap.screening.ScreeningProfile;
import org.coopflow.overlap.screening.ScreeningSettings;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.reference.ReferenceCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The screening index of the whole portfolio, kept in memory and brought up to date from the
 * programmes' {@code updatedAt} before each screening: a change made through another instance of
 * coopflow counts too. Programmes rejected, withdrawn or cancelled leave the index; programmes without
 * planned dates cannot be placed in time and wait until they have them.
 */
@Component
class PortfolioIndex {

	private static final Logger log = LoggerFactory.getLogger(PortfolioIndex.class);

	private static final Set<ProgrammeStatus> GONE = EnumSet.of(ProgrammeStatus.REJECTED, ProgrammeStatus.WITHDRAWN,
			ProgrammeStatus.CANCELLED);

	/** Changes committed just before the last refresh may carry an older timestamp; look back a little. */
	private static final Duration LOOK_BACK = Duration.ofSeconds(5);

	private final ProgrammeCatalogue catalogue;

	private final ReferenceCodes codes;

	private final ScreeningIndex index;

	private final Fingerprints fingerprints;

	private final Map<Long, ScreeningProfile> profiles = new ConcurrentHashMap<>();

	private Instant watermark;

	PortfolioIndex(ProgrammeCatalogue catalogue, ReferenceCodes codes, ScreeningSettings settings) {
		this.catalogue = catalogue;
		this.codes = codes;
		this.index = new ScreeningIndex(settings);
		this.fingerprints = new Fingerprints(settings);
	}

	/** Brings the index up to date with every programme changed since the last refresh. */
	synchronized void refresh() {
		Instant started = Instant.now();
		List<Long> changed = catalogue.changedSince(watermark == null ? null : watermark.minus(LOOK_BACK));
		if (!changed.isEmpty()) {
			Set<String> allCountries = codes.snapshot().countries();
			for (ProgrammeView programme : catalogue.findAll(changed)) {
				ScreeningProfile profile = profile(programme, allCountries);
				if (profile == null) {
					index.remove(programme.id());
					profiles.remove(programme.id());
				}
				else {
					index.add(profile);
					profiles.put(programme.id(), profile);
				}
			}
			if (watermark == null) {
				log.info("Overlap screening index built: {} programmes in {} ms", profiles.size(),
						Duration.between(started, Instant.now()).toMillis());
			}
		}
		watermark = started;
	}

	private static ScreeningProfile profile(ProgrammeView p, Set<String> allCountries) {
		if (GONE.contains(p.status()) || p.plannedStart() == null || p.plannedEnd() == null
				|| p.plannedEnd().isBefore(p.plannedStart())) {
			return null;
		}
		return new ScreeningProfile(p.id(), p.office(), p.title(), p.description(),
				ScreeningProfile.coveredCountries(p.scope() == null ? null : p.scope().name(), p.countries(), allCountries),
				Set.copyOf(p.standards()), Set.copyOf(p.sectors()),
				p.activityTypes().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()),
				p.beneficiaryInstitution(), p.implementingPartner(), p.plannedStart(), p.plannedEnd());
	}

	/** Pairs of this programme with the rest of the portfolio. */
	List<Finding> screen(long programmeId) {
		refresh();
		ScreeningProfile profile = profiles.get(programmeId);
		if (profile == null) {
			return List.of();
		}
		return findings(index.screen(profile));
	}

	/**
	 * Programmes are not deleted in coopflow, but a database may be cleaned by hand: a partner that is
	 * gone leaves the index instead of becoming an alert.
	 */
	private List<Finding> findings(List<Candidate> candidates) {
		Set<Long> partners = new java.util.HashSet<>();
		candidates.forEach(c -> {
			partners.add(c.programmeId());
			partners.add(c.otherProgrammeId());
		});
		Set<Long> existing = new java.util.HashSet<>(catalogue.existing(List.copyOf(partners)));
		for (Long gone : partners) {
			if (!existing.contains(gone)) {
				index.remove(gone);
				profiles.remove(gone);
			}
		}
		return candidates.stream()
			.filter(c -> existing.contains(c.programmeId()) && existing.contains(c.otherProgrammeId()))
			.map(this::finding)
			.toList();
	}

	/**
	 * Every pair of the portfolio, once, handed on in chunks so that neither the findings nor their
	 * recording need to fit in one piece.
	 */
	int screenAll(int chunk, java.util.function.Consumer<List<Finding>> recorder) {
		refresh();
		List<Candidate> candidates = index.screenAll();
		for (int from = 0; from < candidates.size(); from += chunk) {
			recorder.accept(findings(candidates.subList(from, Math.min(candidates.size(), from + chunk))));
		}
		return candidates.size();
	}

	int size() {
		refresh();
		return index.size();
	}

	/** Whether a pair decided with {@code judged} must be screened again for its current signals. */
	boolean changedSince(String judged, Finding now) {
		ScreeningProfile a = profiles.get(now.firstId());
		ScreeningProfile b = profiles.get(now.secondId());
		if (a == null || b == null) {
			return true;
		}
		try {
			return fingerprints.changedSince(PairFingerprint.decode(judged), a, b);
		}
		catch (IllegalArgumentException unreadable) {
			return true;
		}
	}

	private Finding finding(Candidate c) {
		ScreeningProfile a = profiles.get(Math.min(c.programmeId(), c.otherProgrammeId()));
		ScreeningProfile b = profiles.get(Math.max(c.programmeId(), c.otherProgrammeId()));
		Set<String> countries = new TreeSet<>(a.countries());
		countries.retainAll(b.countries());
		Set<String> standards = new TreeSet<>(a.standards());
		standards.retainAll(b.standards());
		Set<String> offices = new TreeSet<>(List.of(a.office().name(), b.office().name()));
		return new Finding(a.programmeId(), b.programmeId(), c.sameOffice(), decimal(c.score()), c.severity().name(),
				c.signals()
					.stream()
					.map(s -> new OverlapAlertView.Signal(s.name(), s.detail(), decimal(s.contribution())))
					.toList(),
				fingerprints.of(a, b).encode(), offices, countries, standards);
	}

	private static BigDecimal decimal(double value) {
		return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
	}

}
