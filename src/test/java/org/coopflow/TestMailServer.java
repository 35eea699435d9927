package org.coopflow;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One GreenMail SMTP server for the whole test JVM, which every test application context sends its mail
 * to. The outbox relay's schedule is slowed to an hour so that tests relay when they choose, unless a
 * test that starts coopflow itself sets another interval. Registered in {@code META-INF/spring.factories}.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static GreenMail server;

	public static synchronized GreenMail get() {
		if (server == null) {
			server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "greenmail-stop"));
		}
		return server;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		GreenMail mail = get();
		java.util.Map<String, Object> properties = new java.util.HashMap<>(
				java.util.Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", mail.getSmtp().getPort()));
		if (!context.getEnvironment().containsProperty("coopflow.notifications.poll-interval")) {
			properties.put("coopflow.notifications.poll-interval", "PT1H");
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testMailServer", properties));
	}

}
