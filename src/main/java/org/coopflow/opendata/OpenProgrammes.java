package org.coopflow.opendata;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.coopflow.activities.Activities;
import org.coopflow.pledges.PledgeService;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeFilter;
import org.coopflow.programmes.ProgrammeStatus;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.reference.CountryNames;
import org.coopflow.reference.Office;
import org.coopflow.reference.StandardsCatalogue;
import org.coopflow.results.ResultView;
import org.coopflow.results.ResultsFramework;
import org.coopflow.shared.NotFoundException;
import org.coopflow.shared.PageView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the published programmes and builds what is shown of them. Published are the programmes from
 * approval on: open for funding, partly funded, funded and closed. A draft, a proposal under review, a
 * rejected, withdrawn or cancelled programme is answered as if it did not exist.
 */
@Service
@Transactional(readOnly = true)
class OpenProgrammes {

	static final Set<ProgrammeStatus> PUBLISHED = EnumSet.of(ProgrammeStatus.OPEN_FOR_FUNDING,
			ProgrammeStatus.PARTIALLY_FUNDED, ProgrammeStatus.FUNDED, ProgrammeStatus.CLOSED);

	static final int MAX_PAGE_SIZE = 100;

	private final ProgrammeCatalogue programmes;

	private final PledgeService pledges;

	private final Activities activities;

	private final StandardsCatalogue standards;

	private final ResultsFramework results;

	OpenProgrammes(ProgrammeCatalogue programmes, PledgeService pledges, Activities activities,
			StandardsCatalogue standards, ResultsFramework results) {
		this.results = results;
		this.programmes = programmes;
		this.pledges = pledges;
		this.activities = activities;
		this.standards = standards;
	}

	/** The search's criteria; null means any. */
	record Search(Office office, String country, String standard, ProgrammeStatus status, String text) {

		ProgrammeFilter filter() {
			Set<ProgrammeStatus> statuses = status == null ? PUBLISHED
					: PUBLISHED.contains(status) ? EnumSet.of(status) : EnumSet.noneOf(ProgrammeStatus.class);
			return new ProgrammeFilter(office, country, standard, statuses, text);
		}

	}

	PageView<OpenProgramme> page(Search search, int page, int size) {
		ProgrammeFilter filter = search.filter();
		if (filter.statuses().isEmpty()) {
			return PageView.of(List.of(), page, size, 0);
		}
		PageView<ProgrammeView> found = programmes.search(filter, page, size);
		return new PageView<>(found.content().stream().map(this::open).toList(), found.page());
	}

	OpenProgramme get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("No published programme " + id + "."));
	}

	Optional<OpenProgramme> find(long id) {
		return programmes.find(id).filter(p -> PUBLISHED.contains(p.status())).map(this::open);
	}

	private OpenProgramme open(ProgrammeView p) {
		ProgrammeCatalogue.Funding funding = programmes.funding(p.id());
		Activities.Spending spending = activities.spending(p.id());
		String currency = p.budget().currency();
		List<OpenProgramme.Named> fundedBy = pledges.donorsOfProgramme(p.id())
			.stream()
			.distinct()
			.sorted()
			.map(code -> new OpenProgramme.Named(code, CountryNames.name(code)))
			.toList();
		Instant lastModified = Stream.of(p.updatedAt(), funding.changedAt(), spending.changedAt(), results.changedAt(p.id()))
			.filter(java.util.Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(p.createdAt());
		return new OpenProgramme(p.id(), p.office().name(), p.office().label(), p.title(), p.description(),
				p.scope().label(),
				p.countries().stream().map(c -> new OpenProgramme.Named(c, CountryNames.name(c))).toList(),
				p.standards().stream().map(s -> new OpenProgramme.Named(s, standards.title(s))).toList(), p.sectors(),
				p.activityTypes().stream().map(t -> new OpenProgramme.Named(t.name(), t.label())).toList(),
				p.beneficiaryInstitution(), p.implementingPartner(), p.plannedStart(), p.plannedEnd(), p.status().name(),
				p.status().label(), new OpenProgramme.Amount(p.budget().amount(), currency),
				new OpenProgramme.Funding(currency, funding.committed(), funding.received(), fundedBy),
				new OpenProgramme.Amount(spending.spent(), currency),
				results.of(p.id()).stream().map(OpenProgrammes::result).toList(), lastModified);
	}

	private static OpenProgramme.Result result(ResultView r) {
		return new OpenProgramme.Result(r.type().label(), r.title(), r.description(), r.indicators()
			.stream()
			.map(i -> new OpenProgramme.Indicator(i.title(), i.measure().label(), i.ascending(),
					i.baseline() == null ? null
							: new OpenProgramme.Baseline(i.baseline().year(), i.baseline().date(), i.baseline().value(),
									i.baseline().text()),
					i.periods()
						.stream()
						.map(p -> new OpenProgramme.Period(p.start(), p.end(), p.targetValue(), p.targetText(),
								p.actualValue(), p.actualText(), p.assessment().label()))
						.toList()))
			.toList());
	}

}
