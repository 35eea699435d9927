package org.coopflow.donors;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.coopflow.pledges.PledgeService;
import org.coopflow.pledges.PledgeView;
import org.coopflow.pledges.PledgeView.InstalmentView;
import org.coopflow.reference.Amounts;
import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.coopflow.security.WaitingWork;
import org.springframework.stereotype.Component;

/**
 * A donor's home page lists the instalments of their Member State's pledges that are overdue or due in
 * the next 60 days, oldest due first: what the donor must see to. It shows the first ten and says how many
 * there are; only the pledges that owe something by then are read, however many the Member State has.
 */
@Component
class InstalmentsWaiting implements WaitingWork {

	private static final int DAYS_AHEAD = 60;

	/** The instalments the home page shows; the heading counts them all. */
	static final int SHOWN = 10;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

	private final PledgeService pledges;

	private final Clock clock;

	InstalmentsWaiting(PledgeService pledges, Clock clock) {
		this.pledges = pledges;
		this.clock = clock;
	}

	private record Due(PledgeView pledge, InstalmentView instalment) {
	}

	@Override
	public Optional<Section> of(CoopflowUser user) {
		if (user.getRole() != Role.DONOR) {
			return Optional.empty();
		}
		// the day the pledges' overdue marks are taken on
		LocalDate horizon = LocalDate.now(clock).plusDays(DAYS_AHEAD);
		List<Due> due = new ArrayList<>();
		for (PledgeView pledge : pledges.owingInstalmentsDueBy(user, horizon)) {
			for (InstalmentView instalment : pledge.instalments()) {
				BigDecimal paid = instalment.paidAmount() == null ? BigDecimal.ZERO : instalment.paidAmount();
				if (paid.compareTo(instalment.amount()) < 0
						&& (instalment.overdue() || !instalment.dueDate().isAfter(horizon))) {
					due.add(new Due(pledge, instalment));
				}
			}
		}
		List<Item> items = due.stream()
			.sorted(Comparator.comparing((Due d) -> d.instalment().dueDate()).thenComparing(d -> d.pledge().id()))
			.limit(SHOWN)
			.map(d -> new Item("Instalment " + d.instalment().seq() + " of your pledge " + d.pledge().id() + " to "
					+ d.pledge().office().label() + ": "
					+ Amounts.format(d.pledge().currency(), d.instalment().amount()),
					"/donor/pledges?pledge=" + d.pledge().id() + "#pledge-" + d.pledge().id(),
					(d.instalment().overdue() ? "overdue since " : "due on ") + DAY.format(d.instalment().dueDate()),
					d.instalment().overdue()))
			.toList();
		String heading = due.isEmpty() ? "Instalments due" : "Instalments due: " + due.size();
		return Optional.of(new Section("instalments", 10, heading,
				"No instalment is overdue or due in the next " + DAYS_AHEAD + " days.", items, "My pledges",
				"/donor/pledges"));
	}

}
