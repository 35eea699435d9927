package org.coopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;

import org.coopflow.CoopflowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * With the demo data set (password 'demo' for everyone), coopflow listens on 127.0.0.1 unless
 * server.address is set explicitly, and then it says in the log which accounts anyone can use.
 */
@CoopflowTest
@ExtendWith(OutputCaptureExtension.class)
class DemoExposureTests {

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	ServletWebServerApplicationContext context;

	@Autowired
	AccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void theDemoDataSetListensOnThisMachineOnly(CapturedOutput output) throws Exception {
		assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
		var tomcat = (TomcatWebServer) context.getWebServer();
		var bound = (InetAddress) tomcat.getTomcat().getConnector().getProperty("address");
		assertThat(bound.isLoopbackAddress()).as("bound to %s", bound).isTrue();

		var exposure = new DemoExposure(environment, accounts, passwordEncoder);
		assertThat(exposure.addressSetExplicitly()).isFalse();
		assertThat(exposure.warnIfReachable()).isEmpty();
		assertThat(output.getOut()).doesNotContain("anyone who reaches it");
	}

	@Test
	void anAddressFromTheEnvironmentIsWarnedAboutNamingTheDemoAccounts(CapturedOutput output) {
		StandardEnvironment exposed = copyWith(
				new SystemEnvironmentPropertySource("systemEnvironment", Map.of("SERVER_ADDRESS", "0.0.0.0")));
		assertThat(new DemoExposure(exposed, accounts, passwordEncoder).warnIfReachable()).contains("admin",
				"officerCpcjd", "donorNorway");
		assertThat(output.getOut()).contains("WARN")
			.contains("server.address=0.0.0.0")
			.contains("anyone who reaches it can sign in as")
			.contains("admin")
			.contains("officerCpcjd");
	}

	@Test
	void anAddressOnTheCommandLineCountsAsExplicit() {
		StandardEnvironment exposed = copyWith(new SimpleCommandLinePropertySource("--server.address=192.0.2.1"));
		assertThat(new DemoExposure(exposed, accounts, passwordEncoder).addressSetExplicitly()).isTrue();
	}

	@Test
	void demoPasswordsLeftInADatabaseRunWithoutTheDemoProfileAreWarnedAbout(CapturedOutput output) {
		StandardEnvironment production = copyWith(
				new SystemEnvironmentPropertySource("systemEnvironment", Map.of("SPRING_LIQUIBASE_CONTEXTS", "coopflow")));
		production.getPropertySources()
			.stream()
			.map(PropertySource::getName)
			.filter(name -> name.contains("application-demo.yaml"))
			.toList()
			.forEach(production.getPropertySources()::remove);
		assertThat(production.getProperty("server.address")).as("listens on every interface").isNull();
		assertThat(new DemoExposure(production, accounts, passwordEncoder).warnIfReachable()).contains("admin",
				"officerCpcjd");
		assertThat(output.getOut()).contains("server.address=(every interface)");
	}

	@Test
	void accountsWhosePasswordsWereChangedAreNotNamed() {
		StandardEnvironment exposed = copyWith(
				new SystemEnvironmentPropertySource("systemEnvironment", Map.of("SERVER_ADDRESS", "0.0.0.0")));
		PasswordEncoder nothingMatches = new PasswordEncoder() {

			@Override
			public String encode(CharSequence raw) {
				return "x";
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				return false;
			}
		};
		assertThat(new DemoExposure(exposed, accounts, nothingMatches).warnIfReachable()).isEmpty();
	}

	/** The running application's settings, with one source of higher precedence in front. */
	private StandardEnvironment copyWith(PropertySource<?> first) {
		StandardEnvironment copy = new StandardEnvironment();
		copy.getPropertySources().forEach(source -> copy.getPropertySources().remove(source.getName()));
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (!"configurationProperties".equals(source.getName())) {
				copy.getPropertySources().addLast(source);
			}
		}
		copy.getPropertySources().remove(first.getName());
		copy.getPropertySources().addFirst(first);
		return copy;
	}

}
