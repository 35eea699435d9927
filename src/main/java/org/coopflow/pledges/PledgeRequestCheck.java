package org.coopflow.pledges;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.coopflow.pledges.PledgeRepository.Instalment;
import org.coopflow.pledges.PledgeRepository.Rate;
import org.coopflow.pledges.PledgeRequest.InstalmentRequest;
import org.coopflow.programmes.FundingLedger;
import org.coopflow.reference.Currencies;
import org.coopflow.reference.ExchangeRates;
import org.coopflow.reference.Office;
import org.coopflow.reference.ReferenceCodes;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Check a pledge request": every problem of a request at once, each naming its field, so that a person
 * can fix them in one go; what passes comes back with its USD rate and instalment schedule.
 */
@Component
class PledgeRequestCheck {

	static final int MAX_INSTALMENTS = 36;

	static final int DEFAULT_LAPSE_DAYS = 180;

	static final int DEFAULT_DUE_DAYS_AFTER_LAPSE = 90;

	/** A request that passed: what intake and revisions record. */
	record Checked(BigDecimal amount, String currency, Rate rate, Earmarking earmarking, String earmarkTarget,
			Long programmeId, Office office, LocalDate lapseDate, List<Instalment> instalments) {
	}

	private final ExchangeRates rates;

	private final FundingLedger ledger;

	private final Clock clock;

	private final PledgeMoney money;

	PledgeRequestCheck(ExchangeRates rates, FundingLedger ledger, Clock clock, PledgeMoney money) {
		this.rates = rates;
		this.ledger = ledger;
		this.clock = clock;
		this.money = money;
	}

	/**
	 * @param recording the pledge will be recorded in this transaction: its rate is read under the lock
	 * that orders it with the entry of the month's rate ({@link ExchangeRates#forRating})
	 * @throws InvalidInputException naming every field that is wrong
	 */
	Checked check(PledgeRequest request, boolean recording) {
		ReferenceCodes.Snapshot codes = rates.codes();
		List<InvalidField> errors = new ArrayList<>();
		LocalDate today = LocalDate.now(clock);
		String currency = request.currency() == null ? null : request.currency().trim();
		ExchangeRates.Rating rating = null;
		if (currency == null || currency.isEmpty()) {
			errors.add(new InvalidField("currency", "is required: an ISO 4217 code such as USD, EUR or NOK"));
			currency = null;
		}
		else if (!money.isMoney(currency)) {
			errors.add(new InvalidField("currency", "'" + currency + "' is not an ISO 4217 currency money is pledged in"));
			currency = null;
		}
		else {
			rating = (recording ? rates.forRating(currency, today) : rates.recent(currency, today)).orElse(null);
			if (rating == null) {
				YearMonth month = YearMonth.from(today);
				errors.add(new InvalidField("currency", "there is no UN operational rate for " + currency + " in " + month
						+ " nor in the " + ExchangeRates.PROVISIONAL_MONTHS + " months before (" + month.minusMonths(1) + ", "
						+ month.minusMonths(ExchangeRates.PROVISIONAL_MONTHS)
						+ "); pledge in USD or ask the office to enter the rate"));
			}
		}
		// a wrong currency does not hide what is wrong with the amount; only its decimals need the currency
		BigDecimal amount = currency == null ? PledgeMoney.checkAmountWithoutCurrency(request.amount(), "amount", errors)
				: money.checkAmount(request.amount(), currency, "amount", errors);
		Earmarking earmarking = request.earmarking() == null ? Earmarking.NONE : request.earmarking();
		String target = request.earmarkTarget() == null ? null : request.earmarkTarget().trim();
		Long programmeId = null;
		Office office = request.office();
		switch (earmarking) {
			case NONE -> {
				if (target != null || request.programmeId() != null) {
					errors.add(new InvalidField("earmarking", "is NONE, so leave earmarkTarget and programmeId empty"));
				}
			}
			case STANDARD -> {
				if (target == null || !codes.isStandard(target)) {
					errors.add(new InvalidField("earmarkTarget", "must be a standard of the catalogue, e.g. SMR-PRISONERS"));
				}
			}
			case COUNTRY -> {
				if (target == null || !codes.isCountry(target)) {
					errors.add(new InvalidField("earmarkTarget", "must be an ISO 3166-1 alpha-2 country code, e.g. KE"));
				}
			}
			case PROGRAMME -> {
				if (request.programmeId() == null) {
					errors.add(new InvalidField("programmeId", "is required when the pledge is earmarked to a programme"));
				}
				else {
					Optional<FundingLedger.Target> programme = ledger.target(request.programmeId())
						.filter(p -> p.status().isOpenForFunding());
					if (programme.isEmpty()) {
						errors.add(new InvalidField("programmeId",
								"programme " + request.programmeId() + " is not open for funding"));
					}
					else {
						programmeId = request.programmeId();
						target = String.valueOf(programmeId);
						if (office != null && office != programme.get().office()) {
							errors.add(new InvalidField("office", "programme " + programmeId + " belongs to "
									+ programme.get().office() + "; leave office empty or give " + programme.get().office()));
						}
						office = programme.get().office();
					}
				}
			}
		}
		if (earmarking != Earmarking.PROGRAMME && request.programmeId() != null && earmarking != Earmarking.NONE) {
			errors.add(new InvalidField("programmeId", "is only for pledges earmarked to a PROGRAMME"));
		}
		if (office == null && earmarking != Earmarking.PROGRAMME) {
			errors.add(new InvalidField("office", "is required unless the pledge is earmarked to a programme: CPCJD or OHCHR"));
		}
		LocalDate lapseDate = request.lapseDate() == null ? today.plusDays(DEFAULT_LAPSE_DAYS) : request.lapseDate();
		if (!lapseDate.isAfter(today)) {
			errors.add(new InvalidField("lapseDate", "must be after today: the date by which the agreement must be signed"));
		}
		else if (lapseDate.isAfter(today.plusYears(5))) {
			errors.add(new InvalidField("lapseDate", "must be within five years"));
		}
		List<Instalment> instalments = checkInstalments(request.instalments(), amount, currency, lapseDate, today, errors);
		if (request.note() != null && request.note().length() > 2000) {
			errors.add(new InvalidField("note", "must be at most 2000 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		// a provisional rating waits for its own month's rate, which re-rates it (ProvisionalRates)
		BigDecimal unitsPerUsd = Currencies.rate(rating.unitsPerUsd());
		Rate rate = new Rate(unitsPerUsd, rating.rateMonth().atDay(1), Currencies.toUsd(amount, rating.unitsPerUsd()),
				rating.provisional() ? today.withDayOfMonth(1) : null);
		return new Checked(amount, currency, rate, earmarking, target, programmeId, office, lapseDate, instalments);
	}

	/** The problems alone, without recording anything; the rate rows are locked where a pledge is recorded. */
	@Transactional(readOnly = true)
	List<InvalidField> problems(PledgeRequest request) {
		try {
			check(request, false);
			return List.of();
		}
		catch (InvalidInputException e) {
			return e.errors();
		}
	}

	private List<Instalment> checkInstalments(List<InstalmentRequest> requested, BigDecimal amount, String currency,
			LocalDate lapseDate, LocalDate today, List<InvalidField> errors) {
		if (requested == null || requested.isEmpty()) {
			return amount == null ? List.of()
					: List.of(new Instalment(1, lapseDate.plusDays(DEFAULT_DUE_DAYS_AFTER_LAPSE), amount));
		}
		if (requested.size() > MAX_INSTALMENTS) {
			errors.add(new InvalidField("instalments", "at most " + MAX_INSTALMENTS + " instalments"));
			return List.of();
		}
		List<InstalmentRequest> sorted = new ArrayList<>();
		BigDecimal sum = BigDecimal.ZERO;
		boolean complete = true;
		for (int i = 0; i < requested.size(); i++) {
			InstalmentRequest instalment = requested.get(i);
			String field = "instalments[" + i + "]";
			if (instalment == null) {
				errors.add(new InvalidField(field, "is empty"));
				complete = false;
				continue;
			}
			if (instalment.dueDate() == null) {
				errors.add(new InvalidField(field + ".dueDate", "is required"));
				complete = false;
			}
			else if (instalment.dueDate().isBefore(today)) {
				errors.add(new InvalidField(field + ".dueDate", "cannot be in the past"));
			}
			BigDecimal value = currency == null ? null : money.checkAmount(instalment.amount(), currency, field + ".amount", errors);
			if (value == null) {
				complete = false;
			}
			else {
				sum = sum.add(value);
			}
			sorted.add(instalment);
		}
		if (complete && amount != null && sum.compareTo(amount) != 0) {
			errors.add(new InvalidField("instalments", "add up to " + money.text(sum, currency) + " but the pledge is "
					+ money.text(amount, currency) + "; they must sum to the pledge"));
		}
		if (!complete) {
			return List.of();
		}
		sorted.sort(Comparator.comparing(InstalmentRequest::dueDate));
		List<Instalment> instalments = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			instalments.add(new Instalment(i + 1, sorted.get(i).dueDate(), sorted.get(i).amount()));
		}
		return instalments;
	}

}
