package org.coopflow.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo data set's users all have the password 'demo', so application-demo.yaml binds coopflow to
 * 127.0.0.1. Whoever sets {@code server.address} anywhere else (SERVER_ADDRESS, --server.address,
 * another profile's file), or runs a database with such accounts without the demo profile, opens it
 * to others, and hears in the log which accounts anyone can use.
 */
@Component
class DemoExposure {

	static final String DEMO_PASSWORD = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoExposure.class);

	private static final ConfigurationPropertyName SERVER_ADDRESS = ConfigurationPropertyName.of("server.address");

	/** Where the demo profile's own default comes from, as Boot names the source. */
	private static final String DEMO_DEFAULTS = "class path resource [application-demo.yaml]";

	private final Environment environment;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	DemoExposure(Environment environment, AccountRepository accounts, PasswordEncoder passwordEncoder) {
		this.environment = environment;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
	}

	/**
	 * Checks once coopflow is ready, on a thread of its own: the check is a BCrypt comparison per enabled
	 * account (about 80 ms of a core each at cost 10), which as an ApplicationRunner held readiness back
	 * by that much for every account in the database. The warning reaches the log a moment after "Started".
	 */
	@EventListener(ApplicationReadyEvent.class)
	void checkWhenReady() {
		Thread check = new Thread(this::warnIfReachable, "demo-exposure");
		check.setDaemon(true);
		check.start();
	}

	/** @return the accounts named in the warning; empty when there was nothing to warn about */
	List<String> warnIfReachable() {
		if (!reachableFromOthers()) {
			return List.of();
		}
		List<String> known = accounts.findAllEnabled()
			.stream()
			.filter(account -> passwordEncoder.matches(DEMO_PASSWORD, account.passwordHash()))
			.map(Account::username)
			.toList();
		if (!known.isEmpty()) {
			log.warn("""
					coopflow listens on server.address={} with demo accounts: anyone who reaches it can sign in \
					as {} with the password '{}'. Change those passwords, or run the demo profile without \
					server.address to listen on 127.0.0.1 only.""",
					environment.getProperty("server.address", "(every interface)"), String.join(", ", known),
					DEMO_PASSWORD);
		}
		return known;
	}

	/**
	 * Everywhere but on the demo profile's own 127.0.0.1: a database that once loaded the demo data set
	 * keeps its accounts when later run without the demo profile, on every interface.
	 */
	private boolean reachableFromOthers() {
		String address = environment.getProperty("server.address");
		return address == null || address.isBlank() || addressSetExplicitly();
	}

	/** True when the value in force comes from anywhere but application-demo.yaml's default. */
	boolean addressSetExplicitly() {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(SERVER_ADDRESS);
			if (property != null) {
				Object underlying = source.getUnderlyingSource();
				String name = underlying instanceof PropertySource<?> propertySource
						? propertySource.getName() : String.valueOf(underlying);
				return !name.contains(DEMO_DEFAULTS);
			}
		}
		return false;
	}

}
