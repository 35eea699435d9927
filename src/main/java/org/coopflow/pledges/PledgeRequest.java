package org.coopflow.pledges;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.coopflow.reference.Office;

/**
 * A pledge as a donor announces it. The donor's Member State comes from the signed-in account, never
 * from here. {@code office} is required unless the pledge is earmarked to a programme (whose office
 * then handles it). Without instalments the whole amount is due in one instalment 90 days after the
 * lapse date; without a lapse date the agreement is expected within 180 days. {@code draft} true keeps
 * the pledge as a DRAFT the donor announces later.
 */
@org.springframework.modulith.NamedInterface("api")
public record PledgeRequest(BigDecimal amount, String currency, Earmarking earmarking, String earmarkTarget,
		Long programmeId, Office office, LocalDate lapseDate, List<InstalmentRequest> instalments, Boolean draft,
		String note) {

	@org.springframework.modulith.NamedInterface("api")
	public record InstalmentRequest(LocalDate dueDate, BigDecimal amount) {
	}

}
