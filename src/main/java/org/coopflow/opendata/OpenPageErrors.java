package org.coopflow.opendata;

import org.coopflow.web.HtmlPageErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The open pages' errors as coopflow's HTML error page: a person who follows an old link or edits the
 * address gets a page, not problem+json. The open API beside them keeps answering problem+json.
 */
@ControllerAdvice(assignableTypes = OpenPagesController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenPageErrors extends HtmlPageErrors {

}
