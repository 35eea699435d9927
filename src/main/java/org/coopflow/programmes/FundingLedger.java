package org.coopflow.programmes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.coopflow.shared.ConflictException;
import org.coopflow.shared.NotFoundException;
import org.coopflow.reference.Currencies;
import org.coopflow.reference.ExchangeRates;
import org.coopflow.reference.Office;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The funding entries of programmes, as the pledges module reports them. Entries are only ever added:
 * a pledge moving from pledged to committed adds a negative PLEDGED and a positive COMMITTED entry,
 * a cancellation adds the negatives of what the pledge had recorded. When committed funding reaches
 * the budget, {@link FundingTargetReached} tells the funding proposal process.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class FundingLedger {

	@org.springframework.modulith.NamedInterface("api")
	public enum Stage {

		PLEDGED, COMMITTED, RECEIVED

	}

	/** What a pledge needs to know of the programme it funds. */
	@org.springframework.modulith.NamedInterface("api")
	public record Target(long programmeId, Office office, String title, ProgrammeStatus status, String currency,
			List<String> countries, List<String> standards) {

		public boolean acceptsFunding() {
			return status == ProgrammeStatus.OPEN_FOR_FUNDING || status == ProgrammeStatus.PARTIALLY_FUNDED
					|| status == ProgrammeStatus.FUNDED;
		}

	}

	private final ProgrammeRepository programmes;

	private final JdbcClient jdbc;

	private final ExchangeRates rates;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FundingLedger(ProgrammeRepository programmes, JdbcClient jdbc, ExchangeRates rates,
			ApplicationEventPublisher events, Clock clock) {
		this.programmes = programmes;
		this.clock = clock;
		this.jdbc = jdbc;
		this.rates = rates;
		this.events = events;
	}

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<Target> target(long programmeId) {
		return programmes.find(programmeId).map(FundingLedger::target);
	}

	/**
	 * The programmes, by id, read together rather than one {@link #target} each: what a page of pledges
	 * names. Ids of no programme have no entry.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<Long, Target> targets(Collection<Long> programmeIds) {
		return programmes.findAll(programmeIds.stream().distinct().toList())
			.stream()
			.collect(Collectors.toMap(ProgrammeView::id, FundingLedger::target, (a, b) -> a));
	}

	/**
	 * The programmes of the office that receive funds and promote the standard and cover the country,
	 * where one is given: those a pledge so earmarked may fund. The newest 200, newest first.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<Target> targetsFor(Office office, String standard, String country) {
		StringBuilder sql = new StringBuilder("SELECT p.id FROM programme p WHERE p.office_code = :office"
				+ " AND p.status IN ('OPEN_FOR_FUNDING', 'PARTIALLY_FUNDED', 'FUNDED')");
		if (standard != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM programme_standard s WHERE s.programme_id = p.id"
					+ " AND s.standard_code = :standard)");
		}
		if (country != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM programme_country c WHERE c.programme_id = p.id"
					+ " AND c.country_code = :country)");
		}
		var query = jdbc.sql(sql.append(" ORDER BY p.id DESC LIMIT 200").toString()).param("office", office.name());
		if (standard != null) {
			query = query.param("standard", standard);
		}
		if (country != null) {
			query = query.param("country", country);
		}
		List<Long> ids = query.query(Long.class).list();
		return programmes.findAll(ids)
			.stream()
			.sorted(java.util.Comparator.comparingLong(ProgrammeView::id).reversed())
			.map(FundingLedger::target)
			.filter(Target::acceptsFunding)
			.toList();
	}

	private static Target target(ProgrammeView p) {
		return new Target(p.id(), p.office(), p.title(), p.status(), p.budget().currency(), p.countries(), p.standards());
	}

	/**
	 * Adds an entry in the programme's currency: the pledge's own amount when the currencies agree,
	 * otherwise its stored USD amount at the programme currency's rate of the month the pledge used
	 * (while that is not entered, the latest of the two months before: a missing rate does not stop a
	 * donor; the entry keeps the rate it used when the month's rate comes).
	 * @param amount in the pledge currency, negative to reverse
	 */
	public void record(long programmeId, String pledgeRef, Stage stage, BigDecimal amount, String currency,
			BigDecimal amountUsd, LocalDate rateDay) {
		ProgrammeView programme = programmes.find(programmeId)
			.orElseThrow(() -> new NotFoundException("Programme " + programmeId + " does not exist."));
		String programmeCurrency = programme.budget().currency();
		BigDecimal inProgrammeCurrency;
		if (programmeCurrency.equals(currency)) {
			inProgrammeCurrency = amount.setScale(2, RoundingMode.HALF_EVEN);
		}
		else {
			BigDecimal unitsPerUsd = rates.recent(programmeCurrency, rateDay)
				.orElseThrow(() -> new ConflictException("There is no UN operational rate for " + programmeCurrency
						+ " in " + rateDay.toString().substring(0, 7) + " nor in the two months before, the currency of programme "
						+ programmeId + "; an officer must enter it before this pledge can fund the programme."))
				.unitsPerUsd();
			inProgrammeCurrency = amountUsd.multiply(unitsPerUsd).setScale(2, RoundingMode.HALF_EVEN);
		}
		add(programme, pledgeRef, stage, inProgrammeCurrency, amountUsd);
	}

	/**
	 * A pledge was re-rated (its month's rate replaced a provisional one): what it counts at
	 * {@code stage} becomes {@code amountUsd}, by adding the difference; a stage at which it counts
	 * nothing (never recorded, released, or moved on to the next stage) stays as it is. In the
	 * programme's currency the new USD amount is converted at that currency's rate of the month
	 * ({@code rateDay}), or, while that is missing, at the rate the entries already used.
	 */
	public void restate(long programmeId, String pledgeRef, Stage stage, BigDecimal amount, String currency,
			BigDecimal amountUsd, LocalDate rateDay) {
		record Sum(BigDecimal amount, BigDecimal amountUsd) {
		}
		Sum recorded = jdbc.sql("""
				SELECT COALESCE(SUM(amount), 0), COALESCE(SUM(amount_usd), 0) FROM programme_funding_entry
				WHERE programme_id = ? AND pledge_ref = ? AND stage = ?""")
			.params(programmeId, pledgeRef, stage.name())
			.query((rs, row) -> new Sum(rs.getBigDecimal(1), rs.getBigDecimal(2)))
			.single();
		if (recorded.amountUsd().signum() == 0) {
			return;
		}
		ProgrammeView programme = programmes.find(programmeId)
			.orElseThrow(() -> new NotFoundException("Programme " + programmeId + " does not exist."));
		String programmeCurrency = programme.budget().currency();
		BigDecimal usd = Currencies.roundUsd(amountUsd);
		BigDecimal inProgrammeCurrency = programmeCurrency.equals(currency) ? amount.setScale(2, RoundingMode.HALF_EVEN)
				: rates.unitsPerUsd(programmeCurrency, rateDay)
					.map(unitsPerUsd -> usd.multiply(unitsPerUsd))
					.orElseGet(() -> usd.multiply(recorded.amount()).divide(recorded.amountUsd(), 2, RoundingMode.HALF_EVEN))
					.setScale(2, RoundingMode.HALF_EVEN);
		BigDecimal difference = inProgrammeCurrency.subtract(recorded.amount());
		BigDecimal differenceUsd = usd.subtract(recorded.amountUsd());
		if (difference.signum() != 0 || differenceUsd.signum() != 0) {
			add(programme, pledgeRef, stage, difference, differenceUsd);
		}
	}

	private void add(ProgrammeView programme, String pledgeRef, Stage stage, BigDecimal inProgrammeCurrency,
			BigDecimal amountUsd) {
		long programmeId = programme.id();
		BigDecimal committedAfter = write(programmeId, pledgeRef, stage, inProgrammeCurrency, Currencies.roundUsd(amountUsd));
		if (stage == Stage.COMMITTED) {
			// the sum as this transaction's own update left it: a pledge committed at the same moment waits
			// for this one's commit, so exactly one of the two sees the budget crossed
			BigDecimal budget = programme.budget().amount();
			BigDecimal committedBefore = committedAfter.subtract(inProgrammeCurrency);
			if (committedBefore.compareTo(budget) < 0 && committedAfter.compareTo(budget) >= 0) {
				events.publishEvent(new FundingTargetReached(programmeId));
			}
		}
	}

	/**
	 * Writes one entry and adds it to the programme's running sums (committed in its currency and in
	 * dollars, received in dollars) in the same transaction, which the portfolio reads instead of the
	 * ledger. {@code x = x + delta} is evaluated on the row as it is when locked, so two entries written
	 * to one programme at once both count (the second waits for the first's commit; on Galera one of two
	 * conflicting commits fails its certification and is retried like a deadlock).
	 * @return the programme's committed sum in its currency after this entry, for a COMMITTED entry
	 */
	private BigDecimal write(long programmeId, String pledgeRef, Stage stage, BigDecimal amount, BigDecimal amountUsd) {
		jdbc.sql("""
				INSERT INTO programme_funding_entry (programme_id, pledge_ref, stage, amount, amount_usd, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(programmeId, pledgeRef, stage.name(), amount, amountUsd, Timestamp.from(clock.instant()))
			.update();
		switch (stage) {
			case COMMITTED -> {
				jdbc.sql("""
						UPDATE programme SET committed_amount = committed_amount + ?, committed_usd = committed_usd + ?
						WHERE id = ?""")
					.params(amount, amountUsd, programmeId)
					.update();
				return jdbc.sql("SELECT committed_amount FROM programme WHERE id = ?")
					.param(programmeId)
					.query(BigDecimal.class)
					.single();
			}
			case RECEIVED -> jdbc.sql("UPDATE programme SET received_usd = received_usd + ? WHERE id = ?")
				.params(amountUsd, programmeId)
				.update();
			case PLEDGED -> {
				// pledged money is in no running sum: the portfolio shows committed and received funds
			}
		}
		return null;
	}

	/** Reverses every entry the pledge recorded for the programme, stage by stage. */
	public void release(long programmeId, String pledgeRef) {
		record Sum(String stage, BigDecimal amount, BigDecimal amountUsd) {
		}
		var sums = jdbc.sql("""
				SELECT stage, SUM(amount), SUM(amount_usd) FROM programme_funding_entry
				WHERE programme_id = ? AND pledge_ref = ? GROUP BY stage""")
			.params(programmeId, pledgeRef)
			.query((rs, row) -> new Sum(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
			.list();
		for (Sum sum : sums) {
			if (sum.amount().signum() != 0 || sum.amountUsd().signum() != 0) {
				write(programmeId, pledgeRef, Stage.valueOf(sum.stage()), sum.amount().negate(), sum.amountUsd().negate());
			}
		}
	}

}
