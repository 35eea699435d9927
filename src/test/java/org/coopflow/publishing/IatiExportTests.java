package org.coopflow.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.coopflow.activities.Activities;
import org.coopflow.pledges.PledgeFlow;
import org.coopflow.pledges.PledgeService;
import org.coopflow.programmes.ProgrammeCatalogue;
import org.coopflow.programmes.ProgrammeView;
import org.coopflow.programmes.Scope;
import org.coopflow.reference.Currencies;
import org.coopflow.results.ResultsFramework;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The export over stand-ins for the other modules: it reads programmes batch by batch until none is left,
 * writes the valid ones, lists the others, and says when there is nothing to publish at all (the schema
 * wants at least one activity).
 */
class IatiExportTests {

	private final ProgrammeCatalogue programmes = mock(ProgrammeCatalogue.class);

	private final PledgeService pledges = mock(PledgeService.class);

	private final Activities activities = mock(Activities.class);

	private final Currencies currencies = mock(Currencies.class);

	private final ResultsFramework results = mock(ResultsFramework.class);

	private IatiExport export;

	@BeforeEach
	void setUp() {
		when(currencies.minorUnits(anyString())).thenReturn(2);
		when(pledges.flowsOf(any())).thenReturn(List.of());
		when(activities.expendituresOf(any())).thenReturn(List.of());
		when(activities.implementationViews(any())).thenReturn(List.of());
		IatiSettings settings = new IatiSettings(IatiActivityProperties.settings().offices(), IatiActivityProperties.settings().donors(),
				"10", 2);
		when(results.withResults(any())).thenReturn(java.util.Set.of());
		export = new IatiExport(programmes, pledges, activities, results, settings, currencies,
				Clock.fixed(Instant.parse("2026-12-05T09:00:00Z"), ZoneOffset.UTC));
	}

	private static ProgrammeView programme(long id, Scope scope, List<String> countries) {
		ProgrammeView p = IatiActivityProperties.programme(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 6, 30),
				new BigDecimal("30000.00"), countries, List.of("15130"));
		return new ProgrammeView(id, p.office(), p.title() + " " + id, p.description(), scope, p.countries(), p.standards(),
				p.activityTypes(), p.sectors(), null, null, p.plannedStart(), p.plannedEnd(), p.budget(),
				p.fundingDeadlineDays(), null, p.status(), null, p.createdBy(), p.createdAt(), p.updatedBy(), p.updatedAt(), 0);
	}

	@Test
	void programmesAreReadInBatchesAndOnlyTheValidOnesWritten() throws Exception {
		when(programmes.batchAfter(any(), eq(IatiExport.PUBLISHED), eq(0L), eq(2)))
			.thenReturn(List.of(programme(1, Scope.NATIONAL, List.of("KE")), programme(2, Scope.REGIONAL, List.of())));
		when(programmes.batchAfter(any(), eq(IatiExport.PUBLISHED), eq(2L), eq(2)))
			.thenReturn(List.of(programme(5, Scope.GLOBAL, List.of())));
		when(programmes.batchAfter(any(), eq(IatiExport.PUBLISHED), eq(5L), eq(2))).thenReturn(List.of());
		when(pledges.flowsOf(List.of(1L, 2L))).thenReturn(List.of(new PledgeFlow(9, 1, "NO", PledgeFlow.Kind.ANNOUNCED,
				new BigDecimal("1000.000"), "USD", LocalDate.of(2026, 11, 1))));

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.write(null, out);
		byte[] file = out.toByteArray();
		IatiFileCheck.validate(file);
		assertThat(IatiFileCheck.problems(file)).isEmpty();
		String xml = new String(file, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(xml).contains("<iati-identifier>XM-DAC-41128-1</iati-identifier>",
				"<iati-identifier>XM-DAC-41128-5</iati-identifier>", "<recipient-region code=\"998\" vocabulary=\"1\"/>",
				"<value currency=\"USD\" value-date=\"2026-11-01\">1000.00</value>")
			.doesNotContain("XM-DAC-41128-2<");
		// 18 months of planning: two budget periods, of 12 and 6 months
		assertThat(xml.split("<budget ", -1)).hasSize(1 + 2 + 2);

		assertThat(export.problems(null)).singleElement().satisfies(problem -> {
			assertThat(problem.programmeId()).isEqualTo(2);
			assertThat(problem.rules()).extracting(IatiProblem.Rule::rule).containsExactly("3.7.1");
		});
		assertThat(export.anyPublishable(null)).isTrue();
	}

	@Test
	void nothingToPublishIsSaid() {
		when(programmes.batchAfter(any(), any(), anyLong(), anyInt())).thenReturn(List.of());
		assertThat(export.anyPublishable(null)).isFalse();

		when(programmes.batchAfter(any(), any(), eq(0L), anyInt())).thenReturn(List.of(programme(3, Scope.REGIONAL, List.of())));
		assertThat(export.anyPublishable(null)).isFalse();
	}

}
