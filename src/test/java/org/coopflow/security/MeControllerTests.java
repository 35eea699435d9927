package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.coopflow.CoopflowTest;
import org.coopflow.TestHttp;
import org.coopflow.reference.Office;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

@CoopflowTest
class MeControllerTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void donorIsBoundToTheirMemberState() {
		JsonNode me = TestHttp.api(port).get("/api/me", "donorJapan").json();
		assertThat(me.path("username").asText()).isEqualTo("donorJapan");
		assertThat(me.path("roles").get(0).asText()).isEqualTo("DONOR");
		assertThat(me.path("memberState").asText()).isEqualTo("JP");
		assertThat(me.has("office")).isFalse();
		assertThat(me.path("displayName").asText()).isEqualTo("山田 花子 (Japan)");
	}

	@Test
	void officerAndCoordinatorAreBoundToTheirOffice() {
		JsonNode officer = TestHttp.api(port).get("/api/me", "officerOhchr").json();
		assertThat(officer.path("roles").get(0).asText()).isEqualTo("PROGRAMME_OFFICER");
		assertThat(officer.path("office").asText()).isEqualTo("OHCHR");
		assertThat(officer.has("memberState")).isFalse();

		JsonNode coordinator = TestHttp.api(port).get("/api/me", "coordinatorCpcjd").json();
		assertThat(coordinator.path("roles").get(0).asText()).isEqualTo("COORDINATOR");
		assertThat(coordinator.path("office").asText()).isEqualTo("CPCJD");
	}

	@Test
	void adminIsBoundToNothing() {
		JsonNode admin = TestHttp.api(port).get("/api/me", "admin").json();
		assertThat(admin.path("roles").get(0).asText()).isEqualTo("ADMIN");
		assertThat(admin.has("office")).isFalse();
		assertThat(admin.has("memberState")).isFalse();
	}

	@Test
	void userChangesTheirOwnPassword() {
		accounts.insert("passwordChanger", passwordEncoder.encode("first-password-1"), "Pass Changer",
				Role.PROGRAMME_OFFICER, Office.CPCJD, null);
		TestHttp api = TestHttp.api(port);

		var wrongCurrent = api.send("PUT", "/api/me/password", "passwordChanger", "first-password-1", "application/json",
				"{\"currentPassword\": \"nope\", \"newPassword\": \"second-password-2\"}");
		assertThat(wrongCurrent.status()).isEqualTo(400);
		assertThat(wrongCurrent.json().path("errors").get(0).path("field").asText()).isEqualTo("currentPassword");

		TestHttp browser = TestHttp.browser(port);
		browser.signIn("passwordChanger", "first-password-1");
		assertThat(browser.browse("/").status()).isEqualTo(200);
		var changed = api.send("PUT", "/api/me/password", "passwordChanger", "first-password-1", "application/json",
				"{\"currentPassword\": \"first-password-1\", \"newPassword\": \"second-password-2\"}");
		assertThat(changed.status()).isEqualTo(204);
		assertThat(browser.browse("/").status()).as("the person's sign-in sessions end").isEqualTo(302);
		assertThat(api.send("GET", "/api/me", "passwordChanger", "first-password-1", null, null).status()).isEqualTo(401);
		assertThat(api.send("GET", "/api/me", "passwordChanger", "second-password-2", null, null).status()).isEqualTo(200);
		assertThat(accounts.findByUsername("passwordChanger").orElseThrow().passwordHash()).startsWith("{bcrypt}");
	}

}
