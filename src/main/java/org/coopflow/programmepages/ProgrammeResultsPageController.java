package org.coopflow.programmepages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.coopflow.results.ActualRequest;
import org.coopflow.results.ActualsRecording;
import org.coopflow.results.BaselineRequest;
import org.coopflow.results.IndicatorRequest;
import org.coopflow.results.IndicatorView;
import org.coopflow.results.Measure;
import org.coopflow.results.PeriodRequest;
import org.coopflow.results.ResultPlanning;
import org.coopflow.results.ResultRequest;
import org.coopflow.results.ResultType;
import org.coopflow.results.ResultsFramework;
import org.coopflow.results.TargetRequest;
import org.coopflow.security.CoopflowUser;
import org.coopflow.shared.ConflictException;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.coopflow.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The results forms of a programme's page: a result, an indicator with its first period, a further period,
 * a period's target and its actual, each the same use case as the API's. The page is shown again with what was done,
 * or with every problem named.
 */
@Controller
class ProgrammeResultsPageController {

	private final ResultPlanning planning;

	private final ActualsRecording actuals;

	private final ResultsFramework framework;

	ProgrammeResultsPageController(ResultPlanning planning, ActualsRecording actuals, ResultsFramework framework) {
		this.planning = planning;
		this.actuals = actuals;
		this.framework = framework;
	}

	@PostMapping("/programmes/{id}/results")
	String addResult(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		return attempt(user, id, redirect, () -> {
			ResultType parsed = type.isBlank() ? null : ResultType.valueOf(type);
			planning.addResult(user, id, new ResultRequest(parsed, title, description, List.of(), reason));
			return "The result “" + title.strip() + "” was added.";
		});
	}

	@PostMapping("/programmes/{id}/results/{resultId}/indicators")
	String addIndicator(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id, @PathVariable long resultId,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "UNIT") Measure measure,
			@RequestParam(defaultValue = "false") boolean descending, @RequestParam(defaultValue = "") String baselineYear,
			@RequestParam(defaultValue = "") String baseline, @RequestParam(defaultValue = "") String baselineComment,
			@RequestParam(defaultValue = "") String start, @RequestParam(defaultValue = "") String end,
			@RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		return attempt(user, id, redirect, () -> {
			List<InvalidField> errors = new ArrayList<>();
			BaselineRequest baselineRequest = baselineYear.isBlank() && baseline.isBlank() ? null
					: new BaselineRequest(year(baselineYear, errors), null, number(measure, baseline, "baseline", errors),
							text(measure, baseline), baselineComment, null);
			PeriodRequest period = new PeriodRequest(date(start, "start", errors), date(end, "end", errors),
					number(measure, target, "target", errors), text(measure, target), null);
			throwIfAny(errors);
			planning.addIndicator(user, id, resultId, new IndicatorRequest(title, null, measure, !descending,
					baselineRequest, List.of(period), reason));
			return "The indicator “" + title.strip() + "” was added.";
		});
	}

	@PostMapping("/programmes/{id}/results/{resultId}/indicators/{indicatorId}/periods")
	String addPeriod(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id, @PathVariable long resultId,
			@PathVariable long indicatorId, @RequestParam(defaultValue = "") String start,
			@RequestParam(defaultValue = "") String end, @RequestParam(defaultValue = "") String target,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		return attempt(user, id, redirect, () -> {
			Measure measure = indicator(id, indicatorId).measure();
			List<InvalidField> errors = new ArrayList<>();
			PeriodRequest period = new PeriodRequest(date(start, "start", errors), date(end, "end", errors),
					number(measure, target, "target", errors), text(measure, target), reason);
			throwIfAny(errors);
			planning.addPeriod(user, id, resultId, indicatorId, period);
			return "The period from " + start + " to " + end + " was added.";
		});
	}

	@PostMapping("/programmes/{id}/results/{resultId}/indicators/{indicatorId}/periods/{periodId}/target")
	String changeTarget(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id, @PathVariable long resultId,
			@PathVariable long indicatorId, @PathVariable long periodId, @RequestParam(defaultValue = "") String target,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		return attempt(user, id, redirect, () -> {
			IndicatorView indicator = indicator(id, indicatorId);
			List<InvalidField> errors = new ArrayList<>();
			BigDecimal value = number(indicator.measure(), target, "value", errors);
			throwIfAny(errors);
			planning.changeTarget(user, id, resultId, indicatorId, periodId, null,
					new TargetRequest(value, text(indicator.measure(), target), reason));
			return "The target of “" + indicator.title() + "” was changed.";
		});
	}

	@PostMapping("/programmes/{id}/results/{resultId}/indicators/{indicatorId}/periods/{periodId}/actual")
	String recordActual(@AuthenticationPrincipal CoopflowUser user, @PathVariable long id, @PathVariable long resultId,
			@PathVariable long indicatorId, @PathVariable long periodId, @RequestParam(defaultValue = "") String actual,
			@RequestParam(defaultValue = "") String comment, @RequestParam(defaultValue = "") String missingReason,
			RedirectAttributes redirect) {
		return attempt(user, id, redirect, () -> {
			IndicatorView indicator = indicator(id, indicatorId);
			List<InvalidField> errors = new ArrayList<>();
			BigDecimal value = number(indicator.measure(), actual, "value", errors);
			throwIfAny(errors);
			actuals.record(user, id, resultId, indicatorId, periodId, null,
					new ActualRequest(value, text(indicator.measure(), actual), comment, missingReason));
			return "The actual of “" + indicator.title() + "” was recorded.";
		});
	}

	/** Does the change and says what was done, or names every problem; the page is shown again either way. */
	private String attempt(CoopflowUser user, long id, RedirectAttributes redirect, Supplier<String> change) {
		OfficerPages.require(user);
		try {
			redirect.addFlashAttribute("notice", change.get());
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", "Nothing was saved: " + e.errors()
				.stream()
				.map(error -> error.field() + " " + error.reason())
				.collect(Collectors.joining("; ")) + ".");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", "Nothing was saved: " + e.getMessage());
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("problem", "Nothing was saved: choose the type of result.");
		}
		return "redirect:/programmes/" + id + "#results";
	}

	private IndicatorView indicator(long programmeId, long indicatorId) {
		return framework.indicator(indicatorId)
			.filter(indicator -> indicator.programmeId() == programmeId)
			.orElseThrow(() -> new NotFoundException("Indicator " + indicatorId + " does not exist."));
	}

	private static BigDecimal number(Measure measure, String raw, String field, List<InvalidField> errors) {
		if (measure.isQualitative() || raw.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(raw.strip());
		}
		catch (NumberFormatException e) {
			errors.add(new InvalidField(field, "must be a number such as 40 or 12.5"));
			return null;
		}
	}

	private static String text(Measure measure, String raw) {
		return measure.isQualitative() && !raw.isBlank() ? raw.strip() : null;
	}

	private static Integer year(String raw, List<InvalidField> errors) {
		try {
			return raw.isBlank() ? null : Integer.valueOf(raw.strip());
		}
		catch (NumberFormatException e) {
			errors.add(new InvalidField("baselineYear", "must be a year such as 2026"));
			return null;
		}
	}

	private static LocalDate date(String raw, String field, List<InvalidField> errors) {
		try {
			return raw.isBlank() ? null : LocalDate.parse(raw.strip());
		}
		catch (DateTimeParseException e) {
			errors.add(new InvalidField(field, "must be a date as YYYY-MM-DD"));
			return null;
		}
	}

	private static void throwIfAny(List<InvalidField> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
