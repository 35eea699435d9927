package org.coopflow.overlap.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.lucene.search.similarities.ClassicSimilarity;

/**
 * The portfolio held in memory for screening, and the screening itself.
 * <p>
 * A pair is a <em>candidate</em> when the two programmes share a country, overlap in time by a
 * meaningful stretch ({@code minOverlapDays}, or {@code minOverlapShare} of the shorter programme,
 * whichever is less) and share a theme (a standard, or one of the {@code themeSectors}). Candidates are
 * found through postings per country and start quarter—a probe reads only the quarters in which a
 * programme overlapping it can have started—and a 64-bit theme mask; pairs are never compared one by
 * one. A candidate scoring at least {@code alertThreshold} is an alert.
 * <p>
 * Text similarity is the cosine of TF-IDF vectors (Lucene's {@link ClassicSimilarity}: tf = √freq,
 * idf = 1 + ln((N+1)/(df+1)) over the profiles in this index) of the title and description after
 * {@link TextAnalysis}. The idf of the terms a change touches is updated at once, that of the others
 * whenever the number of profiles has moved by more than 1 % since the last full update.
 * <p>
 * One writer and many readers: {@link #add}, {@link #remove} take a write lock, screening a read
 * lock; {@link #screenAll} holds the read lock for its whole run.
 */
public final class ScreeningIndex {

	private static final int BUCKET_DAYS = 91;

	private static final int SECTOR_BIT_BASE = 48;

	private static final float[] SQRT_TF = new float[128];

	static {
		for (int i = 0; i < SQRT_TF.length; i++) {
			SQRT_TF[i] = (float) Math.sqrt(i);
		}
	}

	private final ScreeningSettings settings;

	private final TextAnalysis analysis = new TextAnalysis();

	private final ClassicSimilarity similarity = new ClassicSimilarity();

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private final Map<String, Integer> termIds = new HashMap<>();

	private final List<String> terms = new ArrayList<>();

	private int[] docFreq = new int[1024];

	private float[] idf = new float[1024];

	private int idfDocCount;

	private final Map<String, Integer> countryIds = new HashMap<>();

	private final List<String> countryCodes = new ArrayList<>();

	private final List<NavigableMap<Integer, IntList>> postings = new ArrayList<>();

	private final Map<String, Integer> standardBits = new HashMap<>();

	private final List<String> standardCodes = new ArrayList<>();

	private final Map<String, Integer> sectorBits = new HashMap<>();

	private final Map<String, Integer> activityBits = new HashMap<>();

	private final List<String> activityCodes = new ArrayList<>();

	private final Map<String, Integer> nameIds = new HashMap<>();

	/** The first spelling seen of each name, to show. */
	private final List<String> names = new ArrayList<>(List.of(""));

	private Doc[] docs = new Doc[1024];

	private int slotCount;

	private final IntList freeSlots = new IntList();

	private final Map<Long, Integer> slotOf = new HashMap<>();

	private int maxDurationDays;

	private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

	public ScreeningIndex(ScreeningSettings settings) {
		this.settings = settings;
		List<String> sectors = new ArrayList<>(new TreeSet<>(settings.themeSectors()));
		if (sectors.size() > 64 - SECTOR_BIT_BASE) {
			throw new IllegalArgumentException("at most " + (64 - SECTOR_BIT_BASE) + " theme sectors");
		}
		for (int i = 0; i < sectors.size(); i++) {
			sectorBits.put(sectors.get(i), SECTOR_BIT_BASE + i);
		}
	}

	public ScreeningIndex() {
		this(ScreeningSettings.defaults());
	}

	public ScreeningSettings settings() {
		return settings;
	}

	/** Adds a profile, or replaces the one with the same programme id (a new version of it). */
	public void add(ScreeningProfile profile) {
		Map<String, Integer> counts = analysis.termCounts(text(profile));
		lock.writeLock().lock();
		try {
			Integer existing = slotOf.get(profile.programmeId());
			if (existing != null) {
				removeSlot(existing);
			}
			Doc doc = indexedDoc(profile, counts);
			int slot = freeSlots.size() > 0 ? takeFreeSlot() : slotCount++;
			if (slot >= docs.length) {
				docs = Arrays.copyOf(docs, docs.length * 2);
			}
			docs[slot] = doc;
			slotOf.put(doc.id, slot);
			for (int country : doc.countries) {
				postings.get(country).computeIfAbsent(bucket(doc.start), b -> new IntList()).add(slot);
			}
			maxDurationDays = Math.max(maxDurationDays, doc.end - doc.start + 1);
			for (int term : doc.terms) {
				docFreq[term]++;
			}
			updateIdf(doc.terms);
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/** Adds or replaces every profile. */
	public void addAll(Collection<ScreeningProfile> profiles) {
		profiles.forEach(this::add);
	}

	/** @return whether a profile with this programme id was there */
	public boolean remove(long programmeId) {
		lock.writeLock().lock();
		try {
			Integer slot = slotOf.get(programmeId);
			if (slot == null) {
				return false;
			}
			int[] removedTerms = docs[slot].terms;
			removeSlot(slot);
			updateIdf(removedTerms);
			return true;
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	public int size() {
		lock.readLock().lock();
		try {
			return slotOf.size();
		}
		finally {
			lock.readLock().unlock();
		}
	}

	public boolean contains(long programmeId) {
		lock.readLock().lock();
		try {
			return slotOf.containsKey(programmeId);
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/**
	 * Screens one programme—new or already in the index—against every other profile in the index.
	 *
	 * @return the alerts (candidates scoring at least the alert threshold), highest score first; each
	 *     names the screened programme first
	 */
	public List<Candidate> screen(ScreeningProfile profile) {
		Map<String, Integer> counts = analysis.termCounts(text(profile));
		List<Candidate> alerts = new ArrayList<>();
		lock.readLock().lock();
		try {
			Doc probe = probeDoc(profile, counts);
			Scratch s = scratch.get().prepare(this);
			s.ordered = false;
			double norm = s.load(probe, idf, unknownTermsWeight());
			try {
				search(probe, norm, -1, s, alerts::add, new LongAdder());
			}
			finally {
				s.unload(probe);
			}
		}
		finally {
			lock.readLock().unlock();
		}
		alerts.sort(Comparator.comparingDouble(Candidate::score).reversed());
		return alerts;
	}

	/**
	 * Scores one pair whatever its score, to explain why it is or is not an alert.
	 *
	 * @return empty when the two are not a candidate pair (no shared country, too short an overlap in
	 *     time, no shared theme) or are the same programme
	 */
	public Optional<Candidate> explain(ScreeningProfile profile, long otherProgrammeId) {
		Map<String, Integer> counts = analysis.termCounts(text(profile));
		lock.readLock().lock();
		try {
			Integer slot = slotOf.get(otherProgrammeId);
			if (slot == null || profile.programmeId() == otherProgrammeId) {
				return Optional.empty();
			}
			Doc probe = probeDoc(profile, counts);
			Doc other = docs[slot];
			if (!sharesCountry(probe, other) || !candidate(probe, other)) {
				return Optional.empty();
			}
			Scratch s = scratch.get().prepare(this);
			s.ordered = false;
			double norm = s.load(probe, idf, unknownTermsWeight());
			try {
				return Optional.of(score(probe, norm, other, s, true));
			}
			finally {
				s.unload(probe);
			}
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** Screens the whole portfolio and hands each alert, every pair once, to {@code alerts}. */
	public PortfolioScreening screenAll(Consumer<Candidate> alerts) {
		lock.readLock().lock();
		try {
			LongAdder compared = new LongAdder();
			LongAdder found = new LongAdder();
			Consumer<Candidate> counting = candidate -> {
				found.increment();
				alerts.accept(candidate);
			};
			int slots = slotCount;
			ForkJoinPool pool = new ForkJoinPool(settings.threads());
			try {
				pool.submit(() -> IntStream.range(0, slots).parallel().forEach(slot -> {
					Doc probe = docs[slot];
					if (probe != null) {
						Scratch s = scratch.get().prepare(this);
						s.ordered = true;
						double norm = s.load(probe, idf, 0);
						try {
							search(probe, norm, slot, s, counting, compared);
						}
						finally {
							s.unload(probe);
						}
					}
				})).get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("screening interrupted", e);
			}
			catch (ExecutionException e) {
				throw new IllegalStateException("screening failed", e.getCause());
			}
			finally {
				pool.shutdown();
			}
			return new PortfolioScreening(slotOf.size(), compared.sum(), found.sum());
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** Screens the whole portfolio: every alert pair once, the lower programme id first. */
	public List<Candidate> screenAll() {
		ConcurrentLinkedQueue<Candidate> alerts = new ConcurrentLinkedQueue<>();
		screenAll(alerts::add);
		List<Candidate> sorted = new ArrayList<>(alerts);
		sorted.sort(Comparator.comparingLong(Candidate::programmeId).thenComparingLong(Candidate::otherProgrammeId));
		return sorted;
	}

	/**
	 * How many pairs a whole-portfolio screening compared (the candidates) and how many were alerts.
	 */
	public record PortfolioScreening(int programmes, long candidatePairs, long alerts) {
	}

	/** A rough size of the indexes in bytes: postings, vectors, dictionaries (not the JVM's view). */
	public long estimatedBytes() {
		lock.readLock().lock();
		try {
			long bytes = 16L + 4L * docs.length + 8L * docFreq.length;
			for (int slot = 0; slot < slotCount; slot++) {
				Doc doc = docs[slot];
				if (doc != null) {
					bytes += 96 + 16 + 4L * doc.countries.length + 16 + 4L * doc.terms.length + 16 + doc.tf.length;
				}
			}
			for (NavigableMap<Integer, IntList> byQuarter : postings) {
				for (IntList list : byQuarter.values()) {
					bytes += 40 + list.bytes();
				}
			}
			bytes += slotOf.size() * 64L;
			for (String term : terms) {
				bytes += 48 + 40 + term.length();
			}
			return bytes;
		}
		finally {
			lock.readLock().unlock();
		}
	}

	// --- candidates and scores ---

	private void search(Doc probe, double probeNorm, int minSlot, Scratch s, Consumer<Candidate> alerts,
			LongAdder compared) {
		int stamp = s.nextStamp();
		int fromBucket = bucket(probe.start - maxDurationDays);
		int toBucket = bucket(probe.end);
		long pairs = 0;
		for (int country : probe.countries) {
			if (country < 0) {
				continue;
			}
			for (IntList list : postings.get(country).subMap(fromBucket, true, toBucket, true).values()) {
				for (int i = 0, n = list.size(); i < n; i++) {
					int slot = list.get(i);
					if (slot <= minSlot || s.stamps[slot] == stamp) {
						continue;
					}
					s.stamps[slot] = stamp;
					Doc other = docs[slot];
					if (other.id == probe.id || !candidate(probe, other)) {
						continue;
					}
					pairs++;
					Candidate scored = score(probe, probeNorm, other, s, false);
					if (scored != null) {
						alerts.accept(scored);
					}
				}
			}
		}
		compared.add(pairs);
	}

	/** Time and theme; the country was shared by the posting that led here. */
	private boolean candidate(Doc a, Doc b) {
		if ((a.theme & b.theme) == 0) {
			return false;
		}
		int overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start) + 1;
		if (overlap <= 0) {
			return false;
		}
		int shorter = Math.min(a.end - a.start, b.end - b.start) + 1;
		double needed = Math.min(settings.minOverlapDays(), Math.ceil(shorter * settings.minOverlapShare()));
		return overlap >= needed;
	}

	private static boolean sharesCountry(Doc a, Doc b) {
		return sharedCountries(a, b) > 0;
	}

	/** @return the alert, or null when below the threshold and {@code always} is false */
	private Candidate score(Doc a, double normA, Doc b, Scratch s, boolean always) {
		ScreeningSettings.Weights w = settings.weights();
		int sharedStandards = Long.bitCount(a.standards & b.standards);
		double standards = dice(sharedStandards, a.standardCount, b.standardCount);
		boolean institution = a.institution > 0 && a.institution == b.institution;
		boolean partner = a.partner > 0 && a.partner == b.partner;
		double activity = dice(Integer.bitCount(a.activities & b.activities), a.activityCount, b.activityCount);
		int sharedCountries = sharedCountries(a, b);
		double countries = jaccard(sharedCountries, a.countries.length, b.countries.length);
		int overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start) + 1;
		double time = overlap / (double) (Math.min(a.end - a.start, b.end - b.start) + 1);
		double partial = w.standards() * standards + (institution ? w.institution() : 0) + (partner ? w.partner() : 0)
				+ w.activityType() * activity + w.countries() * countries + w.time() * time;
		if (!always && partial + w.text() < settings.alertThreshold()) {
			return null;
		}
		double text = cosine(normA, b, s);
		double total = partial + w.text() * text;
		if (!always && total < settings.alertThreshold()) {
			return null;
		}
		List<Signal> signals = new ArrayList<>(7);
		if (w.text() * text > 0) {
			signals.add(new Signal(Signal.TEXT, "text similarity " + twoDecimals(text) + " (shared: " + topSharedTerms(b, s, 6) + ")",
					w.text() * text));
		}
		if (sharedStandards > 0 && w.standards() > 0) {
			signals.add(new Signal(Signal.STANDARDS, "shared standards: " + decode(a.standards & b.standards, standardCodes),
					w.standards() * standards));
		}
		if (institution && w.institution() > 0) {
			signals.add(new Signal(Signal.INSTITUTION, "same beneficiary institution: " + names.get(a.institution), w.institution()));
		}
		if (partner && w.partner() > 0) {
			signals.add(new Signal(Signal.PARTNER, "same implementing partner: " + names.get(a.partner), w.partner()));
		}
		if (activity > 0 && w.activityType() > 0) {
			signals.add(new Signal(Signal.ACTIVITY_TYPE, "same activity types: " + decode(a.activities & b.activities, activityCodes),
					w.activityType() * activity));
		}
		if (w.countries() > 0) {
			signals.add(new Signal(Signal.COUNTRIES, "shared countries: " + sharedCountryNames(a, b, sharedCountries),
					w.countries() * countries));
		}
		if (w.time() > 0) {
			signals.add(new Signal(Signal.TIME, "overlap in time: " + overlap + " days, "
					+ LocalDate.ofEpochDay(Math.max(a.start, b.start)) + " to " + LocalDate.ofEpochDay(Math.min(a.end, b.end)),
					w.time() * time));
		}
		long first = a.id;
		long second = b.id;
		if (s.ordered && first > second) {
			first = b.id;
			second = a.id;
		}
		return new Candidate(first, second, total, severity(total), a.office == b.office, signals);
	}

	private Severity severity(double score) {
		if (score >= settings.highThreshold()) {
			return Severity.HIGH;
		}
		return score >= settings.mediumThreshold() ? Severity.MEDIUM : Severity.LOW;
	}

	private double cosine(double normA, Doc b, Scratch s) {
		if (normA == 0) {
			return 0;
		}
		double dot = 0;
		double normB = 0;
		float[] probe = s.probeWeights;
		for (int k = 0; k < b.terms.length; k++) {
			int term = b.terms[k];
			double weight = SQRT_TF[b.tf[k]] * idf[term];
			normB += weight * weight;
			dot += weight * probe[term];
		}
		return normB == 0 ? 0 : Math.min(1, dot / (normA * Math.sqrt(normB)));
	}

	/** The shared terms that add most to the similarity, best first. */
	private String topSharedTerms(Doc b, Scratch s, int limit) {
		int[] best = new int[limit];
		double[] weights = new double[limit];
		int found = 0;
		for (int k = 0; k < b.terms.length; k++) {
			int term = b.terms[k];
			if (s.probeWeights[term] > 0) {
				double weight = SQRT_TF[b.tf[k]] * idf[term] * s.probeWeights[term];
				int at;
				if (found < limit) {
					at = found++;
				}
				else if (weight > weights[limit - 1]) {
					at = limit - 1;
				}
				else {
					continue;
				}
				while (at > 0 && weights[at - 1] < weight) {
					best[at] = best[at - 1];
					weights[at] = weights[at - 1];
					at--;
				}
				best[at] = term;
				weights[at] = weight;
			}
		}
		StringBuilder joined = new StringBuilder();
		for (int i = 0; i < found; i++) {
			joined.append(i == 0 ? "" : ", ").append(terms.get(best[i]));
		}
		return joined.toString();
	}

	private static String twoDecimals(double value) {
		long hundredths = Math.round(value * 100);
		return hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100;
	}

	private static int sharedCountries(Doc a, Doc b) {
		int shared = 0;
		int i = 0;
		int j = 0;
		while (i < a.countries.length && j < b.countries.length) {
			int x = a.countries[i];
			int y = b.countries[j];
			if (x == y) {
				shared++;
				i++;
				j++;
			}
			else if (x < y) {
				i++;
			}
			else {
				j++;
			}
		}
		return shared;
	}

	private String sharedCountryNames(Doc a, Doc b, int shared) {
		StringBuilder codes = new StringBuilder();
		int listed = 0;
		for (int x : a.countries) {
			if (x >= 0 && listed < 5 && Arrays.binarySearch(b.countries, x) >= 0) {
				codes.append(listed++ == 0 ? "" : ", ").append(countryCodes.get(x));
			}
		}
		return shared > listed ? codes + " and " + (shared - listed) + " more" : codes.toString();
	}

	private static double jaccard(int shared, int sizeA, int sizeB) {
		int union = sizeA + sizeB - shared;
		return union == 0 ? 0 : shared / (double) union;
	}

	private static double dice(int shared, int sizeA, int sizeB) {
		return sizeA + sizeB == 0 ? 0 : 2.0 * shared / (sizeA + sizeB);
	}

	private static String decode(long bits, List<String> codes) {
		StringBuilder result = new StringBuilder();
		for (long rest = bits; rest != 0; rest &= rest - 1) {
			int bit = Long.numberOfTrailingZeros(rest);
			if (bit < codes.size()) {
				result.append(result.length() == 0 ? "" : ", ").append(codes.get(bit));
			}
		}
		return result.toString();
	}

	// --- building ---

	private static String text(ScreeningProfile profile) {
		return profile.title() + "\n" + profile.description();
	}

	private Doc indexedDoc(ScreeningProfile profile, Map<String, Integer> counts) {
		int[] countries = profile.countries().stream().mapToInt(this::countryId).sorted().toArray();
		long standards = 0;
		for (String code : profile.standards()) {
			standards |= 1L << standardBit(code);
		}
		int activities = 0;
		for (String code : profile.activityTypes()) {
			activities |= 1 << activityBit(code);
		}
		TreeMap<Integer, Integer> byTerm = new TreeMap<>();
		counts.forEach((term, count) -> byTerm.put(termId(term), count));
		return new Doc(profile, countries, standards, theme(standards, profile), activities,
				nameId(profile.beneficiaryInstitution()), nameId(profile.implementingPartner()), byTerm);
	}

	/** A profile as a probe: nothing new enters the dictionaries, unknown values match nothing. */
	private Doc probeDoc(ScreeningProfile profile, Map<String, Integer> counts) {
		int[] countries = profile.countries().stream().mapToInt(c -> countryIds.getOrDefault(c, -1)).sorted().toArray();
		long standards = 0;
		for (String code : profile.standards()) {
			Integer bit = standardBits.get(code);
			standards |= bit == null ? 0 : 1L << bit;
		}
		int activities = 0;
		for (String code : profile.activityTypes()) {
			Integer bit = activityBits.get(code);
			activities |= bit == null ? 0 : 1 << bit;
		}
		TreeMap<Integer, Integer> byTerm = new TreeMap<>();
		int unknown = -1;
		for (Map.Entry<String, Integer> entry : counts.entrySet()) {
			Integer id = termIds.get(entry.getKey());
			// unknown terms get ids below zero: they count in the probe's norm and match nothing
			byTerm.put(id == null ? unknown-- : id, entry.getValue());
		}
		return new Doc(profile, countries, standards, theme(standards, profile), activities,
				lookupName(profile.beneficiaryInstitution()), lookupName(profile.implementingPartner()), byTerm);
	}

	private float unknownTermsWeight() {
		return similarity.idf(0, slotOf.size());
	}

	private long theme(long standards, ScreeningProfile profile) {
		long theme = standards;
		for (String sector : profile.sectors()) {
			Integer bit = sectorBits.get(sector);
			theme |= bit == null ? 0 : 1L << bit;
		}
		return theme;
	}

	private int countryId(String code) {
		return countryIds.computeIfAbsent(code, c -> {
			countryCodes.add(c);
			postings.add(new TreeMap<>());
			return countryCodes.size() - 1;
		});
	}

	private int standardBit(String code) {
		return standardBits.computeIfAbsent(code, c -> {
			if (standardCodes.size() == SECTOR_BIT_BASE) {
				throw new IllegalStateException("more than " + SECTOR_BIT_BASE + " standards");
			}
			standardCodes.add(c);
			return standardCodes.size() - 1;
		});
	}

	private int activityBit(String code) {
		return activityBits.computeIfAbsent(code, c -> {
			if (activityCodes.size() == 31) {
				throw new IllegalStateException("more than 31 activity types");
			}
			activityCodes.add(c);
			return activityCodes.size() - 1;
		});
	}

	private int nameId(String name) {
		String normalized = analysis.normalizedName(name);
		if (normalized.isEmpty()) {
			return 0;
		}
		return nameIds.computeIfAbsent(normalized, n -> {
			names.add(name.strip());
			return names.size() - 1;
		});
	}

	private int lookupName(String name) {
		String normalized = analysis.normalizedName(name);
		return normalized.isEmpty() ? 0 : nameIds.getOrDefault(normalized, -1);
	}

	private int termId(String term) {
		return termIds.computeIfAbsent(term, t -> {
			terms.add(t);
			int id = terms.size() - 1;
			if (id >= docFreq.length) {
				docFreq = Arrays.copyOf(docFreq, docFreq.length * 2);
				idf = Arrays.copyOf(idf, idf.length * 2);
			}
			return id;
		});
	}

	private int takeFreeSlot() {
		int slot = freeSlots.get(freeSlots.size() - 1);
		freeSlots.removeValue(slot);
		return slot;
	}

	private void removeSlot(int slot) {
		Doc doc = docs[slot];
		for (int country : doc.countries) {
			IntList list = postings.get(country).get(bucket(doc.start));
			list.removeValue(slot);
			if (list.size() == 0) {
				postings.get(country).remove(bucket(doc.start));
			}
		}
		for (int term : doc.terms) {
			docFreq[term]--;
		}
		docs[slot] = null;
		slotOf.remove(doc.id);
		freeSlots.add(slot);
	}

	private void updateIdf(int[] changedTerms) {
		int docCount = slotOf.size();
		if (Math.abs(docCount - idfDocCount) > Math.max(1, idfDocCount / 100)) {
			for (int term = 0; term < terms.size(); term++) {
				idf[term] = similarity.idf(docFreq[term], docCount);
			}
			idfDocCount = docCount;
		}
		else {
			for (int term : changedTerms) {
				idf[term] = similarity.idf(docFreq[term], docCount);
			}
		}
	}

	private static int bucket(int epochDay) {
		return Math.floorDiv(epochDay, BUCKET_DAYS);
	}

	/** One profile as the index holds it: ids and masks instead of text. */
	private static final class Doc {

		final long id;

		final org.coopflow.reference.Office office;

		final int start;

		final int end;

		final int[] countries;

		final long standards;

		final int standardCount;

		final long theme;

		final int activities;

		final int activityCount;

		final int institution;

		final int partner;

		final int[] terms;

		final byte[] tf;

		Doc(ScreeningProfile profile, int[] countries, long standards, long theme, int activities, int institution,
				int partner, TreeMap<Integer, Integer> byTerm) {
			this.id = profile.programmeId();
			this.office = profile.office();
			this.start = (int) profile.start().toEpochDay();
			this.end = (int) profile.end().toEpochDay();
			this.countries = countries;
			this.standards = standards;
			this.standardCount = profile.standards().size();
			this.theme = theme;
			this.activities = activities;
			this.activityCount = profile.activityTypes().size();
			this.institution = institution;
			this.partner = partner;
			this.terms = new int[byTerm.size()];
			this.tf = new byte[byTerm.size()];
			int k = 0;
			for (Map.Entry<Integer, Integer> entry : byTerm.entrySet()) {
				terms[k] = entry.getKey();
				tf[k] = (byte) Math.min(127, entry.getValue());
				k++;
			}
		}

	}

	/** Per-thread work space: the stamps that keep a candidate from being scored twice, the probe's weights. */
	private static final class Scratch {

		int[] stamps = new int[0];

		int stamp;

		float[] probeWeights = new float[0];

		boolean ordered;

		Scratch prepare(ScreeningIndex index) {
			if (stamps.length < index.docs.length) {
				stamps = new int[index.docs.length];
				stamp = 0;
			}
			if (probeWeights.length < index.idf.length) {
				probeWeights = new float[index.idf.length];
			}
			return this;
		}

		int nextStamp() {
			if (++stamp == Integer.MAX_VALUE) {
				Arrays.fill(stamps, 0);
				stamp = 1;
			}
			return stamp;
		}

		/** Spreads the probe's TF-IDF weights over the term ids; @return the probe's norm. */
		double load(Doc probe, float[] idf, float unknownIdf) {
			double norm = 0;
			for (int k = 0; k < probe.terms.length; k++) {
				int term = probe.terms[k];
				double weight = SQRT_TF[probe.tf[k]] * (term >= 0 ? idf[term] : unknownIdf);
				norm += weight * weight;
				if (term >= 0) {
					probeWeights[term] = (float) weight;
				}
			}
			return Math.sqrt(norm);
		}

		void unload(Doc probe) {
			for (int term : probe.terms) {
				if (term >= 0) {
					probeWeights[term] = 0;
				}
			}
		}

	}

}
