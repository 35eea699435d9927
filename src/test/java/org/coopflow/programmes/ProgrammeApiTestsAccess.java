package org.coopflow.programmes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Lets tests of other modules build the same valid programme body as {@link ProgrammeApiTests}. */
public final class ProgrammeApiTestsAccess {

	private ProgrammeApiTestsAccess() {
	}

	public static ObjectNode draft(ObjectMapper json, String title) {
		return ProgrammeApiTests.draft(json, title);
	}

}
