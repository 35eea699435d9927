package org.coopflow.overlap;

import org.coopflow.overlap.screening.ScreeningSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The screening's weights and thresholds ({@code coopflow.overlap.*}) and its background thread. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScreeningSettings.class)
class OverlapConfiguration {

	/**
	 * One thread screens in the background (after edits and imports, and whole-portfolio runs), so that
	 * screenings never compete with each other for the index; the portfolio screening parallelises
	 * inside itself.
	 */
	@Bean
	ThreadPoolTaskExecutor overlapScreeningExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setQueueCapacity(10_000);
		executor.setThreadNamePrefix("overlap-screening-");
		executor.setWaitForTasksToCompleteOnShutdown(false);
		return executor;
	}

}
