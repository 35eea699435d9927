package org.coopflow.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * How much guessing a sign-in tolerates ({@code coopflow.security.sign-in.*}). After
 * {@code failuresPerAccount} failed sign-ins for one username, or {@code failuresPerAddress} from one
 * client address, every further attempt is refused for {@code baseDelay}, doubled with each further
 * failure up to {@code maxDelay}. A counter is forgotten {@code forgetAfter} after its last failure;
 * at most {@code maxTracked} usernames and as many addresses are tracked, so that a flood of invented
 * names cannot fill the memory.
 */
@Validated
@ConfigurationProperties("coopflow.security.sign-in")
record SignInThrottleSettings(
		@DefaultValue("5") @Min(1) int failuresPerAccount,
		@DefaultValue("50") @Min(1) int failuresPerAddress,
		@DefaultValue("PT5S") Duration baseDelay,
		@DefaultValue("PT15M") Duration maxDelay,
		@DefaultValue("PT1H") Duration forgetAfter,
		@DefaultValue("100000") @Min(1) int maxTracked) {

	SignInThrottleSettings {
		if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
			throw new IllegalArgumentException("coopflow.security.sign-in: need 0 < base-delay <= max-delay");
		}
		if (forgetAfter.compareTo(maxDelay) < 0) {
			// a counter forgotten while its delay runs would lift the delay early
			throw new IllegalArgumentException("coopflow.security.sign-in: forget-after must not be shorter than max-delay");
		}
	}

}
