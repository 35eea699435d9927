package org.coopflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.coopflow.programmes.FundingProposalProcess;

/**
 * A person in Tasklist: signed in through the login page, the Tasklist page opened (which starts
 * Camunda's single sign-on session), and Camunda's XSRF token at hand, so that calls go through the
 * same API Tasklist's own pages use.
 */
public final class TasklistUser {

	public static final String TASKLIST_API = "/camunda/api/engine/engine/default";

	public final TestHttp browser;

	private final String xsrf;

	public TasklistUser(int port, String user) {
		browser = TestHttp.browser(port);
		browser.signIn(user, TestHttp.DEMO_PASSWORD);
		TestHttp.Response page = browser.browse("/camunda/app/tasklist/default/");
		assertThat(page.status()).isEqualTo(200);
		xsrf = page.cookie("XSRF-TOKEN");
	}

	public JsonNode get(String path) {
		TestHttp.Response response = browser.browse(TASKLIST_API + path);
		assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
		return response.json();
	}

	public TestHttp.Response post(String path, String body) {
		return browser.sendWithHeader("POST", TASKLIST_API + path, "X-XSRF-TOKEN", xsrf, "application/json", body);
	}

	/** The tasks this person sees of the programme's funding proposal process. */
	public JsonNode tasksOf(long programmeId) {
		return tasksOf(FundingProposalProcess.businessKey(programmeId));
	}

	/** The tasks this person sees of the process instance with the business key. */
	public JsonNode tasksOf(String businessKey) {
		return get("/task?processInstanceBusinessKey=" + businessKey);
	}

}
