package org.coopflow.programmes;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.coopflow.security.CoopflowUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the donor pages read of the portfolio: the programmes a user may fund, each with its funding
 * status, and the standards pledged programmes promote. Same rules as the API: a donor finds only
 * programmes open for funding.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class FundingOpportunities {

	private final ProgrammeService programmes;

	private final ProgrammeFunding funding;

	private final JdbcClient jdbc;

	FundingOpportunities(ProgrammeService programmes, ProgrammeFunding funding, JdbcClient jdbc) {
		this.programmes = programmes;
		this.funding = funding;
		this.jdbc = jdbc;
	}

	@org.springframework.modulith.NamedInterface("api")
	public record Opportunity(ProgrammeView programme, FundingStatus funding) {
	}

	@org.springframework.modulith.NamedInterface("api")
	public record Found(List<Opportunity> content, long totalElements) {
	}

	/** One page of programmes, filtered by a standard's code and a country's code (null: any). */
	public Found search(CoopflowUser user, String standard, String country, int page, int size) {
		ProgrammeRepository.Page found = programmes.search(user,
				new ProgrammeFilter(null, country, standard, null, null), page, size);
		return new Found(found.content()
			.stream()
			.map(programme -> new Opportunity(programme, funding.status(user, programme.id())))
			.toList(), found.totalElements());
	}

	/**
	 * The standards each programme promotes, whatever its status now: a pledge keeps counting under the
	 * standards of its programme after the programme closed for funding.
	 */
	public Map<Long, List<String>> standardsPromotedBy(Collection<Long> programmeIds) {
		Map<Long, TreeSet<String>> standards = new HashMap<>();
		if (!programmeIds.isEmpty()) {
			jdbc.sql("SELECT programme_id, standard_code FROM programme_standard WHERE programme_id IN (:ids)")
				.param("ids", programmeIds)
				.query(rs -> {
					standards.computeIfAbsent(rs.getLong(1), id -> new TreeSet<>()).add(rs.getString(2));
				});
		}
		Map<Long, List<String>> result = new HashMap<>();
		standards.forEach((id, codes) -> result.put(id, List.copyOf(codes)));
		return result;
	}

}
