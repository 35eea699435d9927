package org.coopflow.reference;

import org.coopflow.web.HtmlPageErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** The standards and rates pages' errors as coopflow's HTML error page; the module's API answers with problem+json. */
@ControllerAdvice(assignableTypes = { StandardsPageController.class, ExchangeRatesPageController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReferencePageErrors extends HtmlPageErrors {

}
