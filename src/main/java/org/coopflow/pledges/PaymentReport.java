package org.coopflow.pledges;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A transfer as a donor reports it (or an officer records one seen on the bank statement). */
@org.springframework.modulith.NamedInterface("api")
public record PaymentReport(BigDecimal amount, LocalDate paidOn, String reference, String note) {
}
