package org.coopflow.pledges;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which Member States fund a programme: those whose committed (or partly or fully paid) pledges are
 * allocated to it. Pledged money that is not yet committed does not count, as for the funding itself.
 */
@Service
@Transactional(readOnly = true)
public class PledgeFunders {

	private final JdbcClient jdbc;

	PledgeFunders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** ISO 3166-1 alpha-2 codes, each once, in alphabetical order. */
	public List<String> donorsOfProgramme(long programmeId) {
		return jdbc.sql("""
				SELECT DISTINCT donor FROM pledge
				WHERE allocated_programme_id = :programme AND status IN (:statuses)
				ORDER BY donor""")
			.param("programme", programmeId)
			.param("statuses", PledgeStatus.FUNDING.stream().map(PledgeStatus::name).toList())
			.query(String.class)
			.list();
	}

}
