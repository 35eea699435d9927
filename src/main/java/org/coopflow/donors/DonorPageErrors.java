package org.coopflow.donors;

import org.coopflow.web.HtmlPageErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** The donor pages' errors as coopflow's HTML error page; every controller of this module is a page. */
@ControllerAdvice(basePackageClasses = DonorPageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DonorPageErrors extends HtmlPageErrors {

}
