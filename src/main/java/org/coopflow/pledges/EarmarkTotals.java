package org.coopflow.pledges;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coopflow.security.CoopflowUser;
import org.coopflow.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A donor's pledges summed in USD, as stored with each pledge at the rate it used (never today's
 * rate), by year of announcement and earmark. Counts the pledges that stand: announced and not
 * withdrawn, cancelled or lapsed.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class EarmarkTotals {

	/** Announced and not withdrawn, cancelled or lapsed. */
	private static final Set<PledgeStatus> STANDING = EnumSet.of(PledgeStatus.PLEDGED, PledgeStatus.COMMITTED,
			PledgeStatus.PARTIALLY_PAID, PledgeStatus.PAID);

	private final JdbcClient jdbc;

	EarmarkTotals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code programmeId} is set for pledges earmarked to a programme, {@code earmarkTarget} otherwise. */
	@org.springframework.modulith.NamedInterface("api")
	public record Line(int year, Earmarking earmarking, String earmarkTarget, Long programmeId, BigDecimal amountUsd) {
	}

	/** The signed-in donor's Member State's totals, in order of year. */
	public List<Line> ofMemberState(CoopflowUser donor) {
		if (donor.getRole() != Role.DONOR) {
			throw new AccessDeniedException("Only a donor has a Member State's pledge totals");
		}
		Map<List<Object>, Line> lines = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT earmarking, earmark_target, programme_id, COALESCE(announced_at, created_at) AS announced, amount_usd
				FROM pledge WHERE donor = :donor AND status IN (:statuses)
				ORDER BY announced""")
			.param("donor", donor.getMemberState())
			.param("statuses", STANDING.stream().map(Enum::name).toList())
			.query(rs -> {
				int year = rs.getTimestamp("announced").toInstant().atZone(ZoneOffset.UTC).getYear();
				Earmarking earmarking = Earmarking.valueOf(rs.getString("earmarking"));
				Long programmeId = earmarking == Earmarking.PROGRAMME ? rs.getObject("programme_id", Long.class) : null;
				String target = earmarking == Earmarking.PROGRAMME ? null : rs.getString("earmark_target");
				List<Object> key = Arrays.asList(year, earmarking, target, programmeId);
				lines.merge(key, new Line(year, earmarking, target, programmeId, rs.getBigDecimal("amount_usd")),
						(a, b) -> new Line(year, earmarking, target, programmeId, a.amountUsd().add(b.amountUsd())));
			});
		return List.copyOf(lines.values());
	}

}
