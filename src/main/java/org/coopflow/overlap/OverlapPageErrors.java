package org.coopflow.overlap;

import org.coopflow.web.HtmlPageErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The overlap pages' errors as coopflow's HTML error page. Scoped to the pages' controller, since the
 * API's controllers in this module answer with problem+json.
 */
@ControllerAdvice(assignableTypes = OverlapPagesController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OverlapPageErrors extends HtmlPageErrors {

}
