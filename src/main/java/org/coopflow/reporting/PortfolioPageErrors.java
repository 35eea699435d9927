package org.coopflow.reporting;

import org.coopflow.web.HtmlPageErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** The portfolio page's errors as coopflow's HTML error page; the module's API answers with problem+json. */
@ControllerAdvice(assignableTypes = PortfolioPageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortfolioPageErrors extends HtmlPageErrors {

}
