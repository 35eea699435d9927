package org.coopflow.programmes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads programmes for other modules' own bookkeeping (overlap screening keeps an index of the whole
 * portfolio), without a signed-in user: what a person may see is decided where people ask.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class ProgrammeCatalogue {

	private final ProgrammeRepository programmes;

	ProgrammeCatalogue(ProgrammeRepository programmes) {
		this.programmes = programmes;
	}

	public Optional<ProgrammeView> find(long id) {
		return programmes.find(id);
	}

	public List<ProgrammeView> findAll(List<Long> ids) {
		return programmes.findAll(ids);
	}

	/**
	 * The next {@code limit} programmes of the statuses (of the office, or of both when null) after
	 * {@code afterId}, by id; an empty list when there are no more. Read the portfolio batch by batch with it.
	 */
	public List<ProgrammeView> batchAfter(org.coopflow.reference.Office office, java.util.Set<ProgrammeStatus> statuses,
			long afterId, int limit) {
		return programmes.batchAfter(office, statuses, afterId, limit);
	}

	/** Those of the ids whose programmes (still) exist. */
	public List<Long> existing(List<Long> ids) {
		return programmes.existing(ids);
	}

	/** Funds received for the programme so far, in its currency (confirmed payments of the pledges funding it). */
	public java.math.BigDecimal received(long id) {
		return programmes.received(id);
	}

	/** One page of the programmes matching the filter, by id, whoever asks: the caller decides what it shows. */
	public org.coopflow.shared.PageView<ProgrammeView> search(ProgrammeFilter filter, int page, int size) {
		ProgrammeRepository.Page found = programmes.search(filter, page, size);
		return org.coopflow.shared.PageView.of(found.content(), page, size, found.totalElements());
	}

	/**
	 * What the programme's funding ledger says in the programme's currency: funds committed by agreements,
	 * funds received, and when the last entry was made (null before the first).
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record Funding(java.math.BigDecimal committed, java.math.BigDecimal received, Instant changedAt) {
	}

	public Funding funding(long id) {
		return programmes.funding(id);
	}

	/**
	 * When any programme or its funding last changed (a programme edited or moving on, a pledge announced,
	 * agreed, paid or withdrawn); null while there is none. What is published from them cannot be newer.
	 */
	public Instant lastChange() {
		return programmes.lastChange();
	}

	/** Ids of programmes changed at or after {@code since}; every programme's id when null. */
	public List<Long> changedSince(Instant since) {
		return programmes.changedSince(since);
	}

}
