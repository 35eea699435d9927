package org.coopflow.publishing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.stream.XMLStreamException;

import org.coopflow.activities.Activities;
import org.coopflow.activities.ExpenditureView;
import org.coopflow.activities.ImplementationView;
import org.coopflow.activities.ProgrammeDocument;
import org.coopflow.pledges.PledgeFlow;
import org.coopflow.pledges.PledgeService;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.publishing.IatiRules.Violation;
import org.coopflow.reference.Currencies;
import org.coopflow.reference.Office;
import org.coopflow.results.ResultsFramework;
import org.springframework.stereotype.Service;

/**
 * The IATI activity file of the programmes from approval on, of one office or both. Programmes are read
 * {@code coopflow.iati.batch-size} at a time by id, with their pledges' money, expenditures and
 * implementations in one query each per batch; each programme becomes one {@link IatiActivity}, is checked
 * against the rules and codelists, and is written at once or left out and listed in {@link #problems}. So
 * the memory used is that of one batch, however large the portfolio.
 */
@Service
public class IatiExport {

	/** Approved programmes: open for funding and every status after it (a cancelled one was approved). */
	static final Set<ProgrammeStatus> PUBLISHED = EnumSet.of(ProgrammeStatus.OPEN_FOR_FUNDING,
			ProgrammeStatus.PARTIALLY_FUNDED, ProgrammeStatus.FUNDED, ProgrammeStatus.CLOSED, ProgrammeStatus.CANCELLED);

	private final ProgrammeCatalogue programmes;

	private final PledgeService pledges;

	private final Activities activities;

	private final ResultsFramework results;

	private final IatiSettings settings;

	private final ActivityMapping mapping;

	private final IatiRules rules = new IatiRules(Codelists.get());

	private final Clock clock;

	IatiExport(ProgrammeCatalogue programmes, PledgeService pledges, Activities activities, ResultsFramework results,
			IatiSettings settings, Currencies currencies, Clock clock) {
		this.programmes = programmes;
		this.results = results;
		this.pledges = pledges;
		this.activities = activities;
		this.settings = settings;
		this.mapping = new ActivityMapping(settings, currencies::minorUnits);
		this.clock = clock;
	}

	/** What to do with each activity built: written when {@code broken} is empty; false stops the reading. */
	private interface Each {

		boolean accept(IatiActivity activity, ProgrammeView programme, List<Violation> broken) throws XMLStreamException;

	}

	/**
	 * Whether the file would hold an activity at all: the IATI schema wants at least one, so an office with
	 * nothing to publish gets no file. Reads until the first publishable programme (usually in the first batch).
	 */
	public boolean anyPublishable(Office office) {
		boolean[] found = { false };
		try {
			each(office, (activity, programme, broken) -> {
				found[0] = broken.isEmpty();
				return !found[0];
			});
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException(e);
		}
		return found[0];
	}

	/**
	 * When anything the file is made of last changed: programmes and their funding, spending, documents,
	 * implementations, results. Null while nothing was ever recorded. The file cannot be newer, so a client
	 * holding a copy from then or later need not fetch it again.
	 */
	public java.time.Instant lastChange() {
		return java.util.stream.Stream.of(programmes.lastChange(), activities.lastChange(), results.lastChange())
			.filter(java.util.Objects::nonNull)
			.max(java.time.Instant::compareTo)
			.orElse(null);
	}

	/** Streams the file to {@code out}, programme by programme; what breaks a rule is left out. */
	public void write(Office office, OutputStream out) throws IOException {
		// the JDK's StAX writer hands its stream one byte at a time; each would be a call into the servlet stream
		OutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
		try (IatiXml file = IatiXml.open(buffered, clock.instant())) {
			int[] written = { 0 };
			each(office, (activity, programme, broken) -> {
				if (broken.isEmpty()) {
					file.write(activity);
					if (++written[0] % settings.batchSize() == 0) {
						file.flush();
					}
				}
				return true;
			});
		}
		catch (XMLStreamException e) {
			throw new IOException("The IATI file could not be written", e);
		}
		buffered.flush();
	}

	/** The programmes {@link #write} leaves out, each with the rules it breaks. */
	public List<IatiProblem> problems(Office office) {
		List<IatiProblem> problems = new ArrayList<>();
		try {
			each(office, (activity, programme, broken) -> {
				if (!broken.isEmpty()) {
					problems.add(new IatiProblem(programme.id(), programme.office(), programme.status(),
							activity.identifier(), programme.title(),
							broken.stream().map(v -> new IatiProblem.Rule(v.rule(), v.message())).toList()));
				}
				return true;
			});
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException(e);
		}
		return problems;
	}

	private void each(Office office, Each each) throws XMLStreamException {
		// "now" of the rules: the engine's clock dates pledges and spending, the wall clock dates changes to
		// programmes (last-updated-datetime); they differ only while the demo loader or a test moves the
		// engine's clock, and then neither may make a programme's own dates look like the future
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		LocalDate wallDay = LocalDate.now(ZoneOffset.UTC);
		if (wallDay.isAfter(today)) {
			today = wallDay;
		}
		long after = 0;
		while (true) {
			List<ProgrammeView> batch = programmes.batchAfter(office, PUBLISHED, after, settings.batchSize());
			if (batch.isEmpty()) {
				return;
			}
			List<Long> ids = batch.stream().map(ProgrammeView::id).toList();
			Map<Long, List<PledgeFlow>> flows = pledges.flowsOf(ids)
				.stream()
				.collect(Collectors.groupingBy(PledgeFlow::programmeId));
			Map<Long, List<ExpenditureView>> spending = activities.expendituresOf(ids)
				.stream()
				.collect(Collectors.groupingBy(ExpenditureView::programmeId));
			Map<Long, ImplementationView> implementations = activities.implementationViews(ids)
				.stream()
				.collect(Collectors.toMap(ImplementationView::programmeId, Function.identity()));
			Map<Long, List<ProgrammeDocument>> documents = activities.documentsOf(ids)
				.stream()
				.collect(Collectors.groupingBy(ProgrammeDocument::programmeId));
			// most programmes have no results framework: one query finds those that do, each is read alone
			java.util.Set<Long> withResults = results.withResults(ids);
			for (ProgrammeView programme : batch) {
				long id = programme.id();
				IatiActivity activity = mapping.of(programme, flows.getOrDefault(id, List.of()),
						spending.getOrDefault(id, List.of()), implementations.get(id), documents.getOrDefault(id, List.of()),
						withResults.contains(id) ? results.of(id) : List.of());
				if (!each.accept(activity, programme, rules.check(activity, today))) {
					return;
				}
			}
			after = ids.get(ids.size() - 1);
		}
	}

}
