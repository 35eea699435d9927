package org.coopflow.overlap;

import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Lets tests of other modules raise an alert on two new programmes as {@link TestAlerts} does. */
public final class TestAlertsAccess {

	private TestAlertsAccess() {
	}

	/** Two programmes, one of each office, in the country and standard, and an open alert on them. */
	public static long raiseBetweenOffices(int port, ApplicationContext context, String cpcjdTitle, String ohchrTitle,
			String country, String standard) {
		TestAlerts test = new TestAlerts(port, context.getBean(OverlapAlerts.class),
				context.getBean(TransactionTemplate.class));
		long cpcjd = test.programme("officerCpcjd", cpcjdTitle, country, standard);
		long ohchr = test.programme("officerOhchr", ohchrTitle, country, standard);
		return test.raise(cpcjd, ohchr, Set.of("CPCJD", "OHCHR"), "HIGH", country, standard);
	}

}
