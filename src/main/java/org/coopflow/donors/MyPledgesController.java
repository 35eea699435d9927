package org.coopflow.donors;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.coopflow.pledges.Earmarking;
import org.coopflow.pledges.PledgeService;
import org.coopflow.programmes.FundingLedger;
import org.coopflow.pledges.PledgeStatus;
import org.coopflow.pledges.PledgeView;
import org.coopflow.pledges.PledgeView.InstalmentView;
import org.coopflow.pledges.PledgeView.PledgeEventView;
import org.coopflow.reference.CountryNames;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.UserDirectory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The donor's Member State's pledges, newest first, {@value #PAGE_SIZE} a page, each with its timeline and
 * its instalment schedule; an overdue instalment says so in words, not only in colour. A Member State that
 * has pledged for decades has tens of thousands of pledges: the page shows a bounded number of them, and
 * reads what their cards show together, in as many queries for twenty cards as for one
 * (MyPledgesStatementsTests; src/test/java/org/coopflow/web/bench).
 */
@Controller
class MyPledgesController {

	static final int PAGE_SIZE = 20;

	private final PledgeService pledges;

	private final TimelineWords timelineWords;

	private final UserDirectory people;

	MyPledgesController(PledgeService pledges, TimelineWords timelineWords, UserDirectory people) {
		this.pledges = pledges;
		this.timelineWords = timelineWords;
		this.people = people;
	}

	/** One pledge as its section shows it, with its status, earmark and timeline in words. */
	record PledgeCard(PledgeView pledge, String status, String earmark, List<Schedule> schedule,
			List<Step> timeline) {
	}

	record Schedule(InstalmentView instalment, String state) {
	}

	/** {@code actor}: the name of whoever took the step, as the user directory has it. */
	record Step(PledgeEventView event, String kind, String status, String actor, String detail) {
	}

	@GetMapping("/donor/pledges")
	String pledges(@AuthenticationPrincipal CoopflowUser user, @RequestParam(required = false) Integer page,
			@RequestParam(name = "pledge", required = false) Long shown, Model model) {
		// a link to one pledge (?pledge=ID#pledge-ID, from the home page's instalments) opens the page it is on
		int pageNumber = page != null ? Math.max(page, 0) : shown != null ? pledges.pageOf(user, shown, PAGE_SIZE) : 0;
		PledgeService.Page found = pledges.search(user, null, null, null, pageNumber, PAGE_SIZE);
		// a page costs the same few queries however many pledges it shows: the programmes, timelines and
		// people the cards name are read for all of them at once
		List<Long> ids = found.content().stream().map(PledgeView::id).toList();
		Map<Long, List<PledgeEventView>> timelines = pledges.timelines(user, ids);
		TimelineWords.Words details = timelineWords.of(timelines.values()
			.stream()
			.flatMap(List::stream)
			.map(PledgeEventView::detail)
			.toList(), found.content()
				.stream()
				.filter(pledge -> pledge.earmarking() == Earmarking.PROGRAMME && pledge.programmeId() != null)
				.map(PledgeView::programmeId)
				.toList());
		Map<String, String> names = new HashMap<>();
		Function<PledgeView, String> earmark = pledge -> switch (pledge.earmarking()) {
			case NONE -> "Not earmarked";
			case STANDARD -> "Standard: " + details.title(pledge.earmarkTarget());
			case COUNTRY -> "Country: " + CountryNames.name(pledge.earmarkTarget());
			case PROGRAMME -> "Programme: " + details.programme(pledge.programmeId())
				.map(FundingLedger.Target::title)
				.orElse("programme " + pledge.programmeId());
		};
		model.addAttribute("cards", found.content()
			.stream()
			.map(pledge -> new PledgeCard(pledge, pledge.status().label(), earmark.apply(pledge),
					pledge.instalments().stream().map(instalment -> new Schedule(instalment, state(pledge.status(), instalment))).toList(),
					timelines.getOrDefault(pledge.id(), List.of())
						.stream()
						.map(event -> new Step(event, words(event.kind()), event.status().label(),
								event.actor() == null ? null : names.computeIfAbsent(event.actor(), people::nameOf),
								details.of(event.detail(), pledge.currency())))
						.toList()))
			.toList());
		model.addAttribute("total", found.totalElements());
		model.addAttribute("page", pageNumber);
		model.addAttribute("first", (long) pageNumber * PAGE_SIZE + 1);
		model.addAttribute("hasNext", (long) (pageNumber + 1) * PAGE_SIZE < found.totalElements());
		return "donor/pledges";
	}

	/**
	 * What an instalment's row says about it. A pledge that ended unpaid (withdrawn, cancelled, lapsed) owes
	 * nothing any more, and a draft nothing yet: neither has an instalment "due".
	 */
	static String state(PledgeStatus status, InstalmentView instalment) {
		if (instalment.paidAmount() != null && instalment.paidAmount().compareTo(instalment.amount()) >= 0) {
			return "Paid";
		}
		if (status == PledgeStatus.WITHDRAWN || status == PledgeStatus.CANCELLED || status == PledgeStatus.LAPSED) {
			return "Not due: the pledge is " + status.label().toLowerCase(Locale.ROOT);
		}
		if (status == PledgeStatus.DRAFT) {
			return "Planned: the pledge is a draft";
		}
		if (instalment.overdue()) {
			return "Overdue";
		}
		return instalment.paidAmount() != null && instalment.paidAmount().signum() > 0 ? "Partly paid" : "Due";
	}

	/** An event's kind or a status as words: {@code PARTIALLY_PAID} is "Partially paid". */
	static String words(String constant) {
		String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
