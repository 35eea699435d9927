package org.coopflow.security;

import static org.springframework.http.HttpMethod.GET;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two ways in. API clients ({@code /api}, {@code /engine-rest}, {@code /actuator}) send HTTP Basic
 * credentials with every request and get no session; on {@code /api} they may send a personal API token
 * instead ({@link ApiTokenFilter}). People sign in once at {@code /login} for
 * coopflow's pages and Camunda's webapps; Camunda picks that sign-in up through
 * {@link CamundaWebFilters}. Both check passwords behind {@link SignInThrottle}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInThrottleSettings.class)
class SecurityConfiguration {

	/**
	 * coopflow's pages load their styles, scripts and pictures from coopflow only, with no inline code
	 * (charts are inline SVG markup, which needs no source), post forms only to coopflow, and are never
	 * framed.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private static final String[] CAMUNDA_WORKERS = { Role.PROGRAMME_OFFICER.name(), Role.COORDINATOR.name(),
			Role.ADMIN.name() };

	/** An administrator signed in with their password (Basic or a session), not let in by an API token. */
	private static AuthorizationDecision administratorWithPassword(Supplier<Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication who = authentication.get();
		return new AuthorizationDecision(who != null && !(who instanceof ApiTokenAuthentication)
				&& who.getAuthorities().stream().anyMatch(a -> ("ROLE_" + Role.ADMIN.name()).equals(a.getAuthority())));
	}

	/**
	 * Plain path patterns: Camunda's webapps and REST API are servlets of their own, which Spring MVC's
	 * default matchers (bound to the DispatcherServlet) would never match.
	 */
	private static RequestMatcher paths(String... patterns) {
		return paths(null, patterns);
	}

	private static RequestMatcher paths(HttpMethod method, String... patterns) {
		return new OrRequestMatcher(Arrays.stream(patterns)
			.map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(method, pattern))
			.toList());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// stores {bcrypt}...; the prefix lets a later release move to a stronger hash without a reset
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SignInThrottle signInThrottle(SignInThrottleSettings settings) {
		return new SignInThrottle(settings, Ticker.systemTicker());
	}

	/** The password check of both chains: coopflow's users, behind the throttle. */
	private static AuthenticationManager signIn(UserDetailsService users, PasswordEncoder passwordEncoder,
			SignInThrottle throttle, AuthenticationEventPublisher events) {
		var passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		var manager = new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	/**
	 * Open data: anyone reads the published programmes without signing in, and only reads. No session,
	 * no cookie, no credentials looked at (a wrong password sent along changes nothing here); the open
	 * module decides what is published and limits each address's rate.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain openDataSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
		return http.securityMatcher(paths("/open", "/open/**"))
			// the open controllers map GET only; any other method is answered 405 there
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.requireExplicitSave(true))
			// nothing here changes anything: there is nothing to forge
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, UserDetailsService users,
			PasswordEncoder passwordEncoder, SignInThrottle throttle, AuthenticationEventPublisher events,
			ApiTokens tokens) throws Exception {
		return http.securityMatcher(paths("/api/**", "/engine-rest/**", "/actuator/**"))
			// personal API tokens (Bearer) for /api/** only; checked before Basic, and without a password hash
			.addFilterBefore(new ApiTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
			// no CSRF token here: a browser's remembered Basic credentials must not serve another site's form
			.addFilterBefore(new CrossSiteApiRequests(problems), ApiTokenFilter.class)
			.authenticationManager(signIn(users, passwordEncoder, throttle, events))
			.authorizeHttpRequests(requests -> requests
				// status only, without details, for load balancers and orchestrators
				.requestMatchers(paths(GET, "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"))
				.permitAll()
				.requestMatchers(paths("/actuator/**"))
				.hasRole(Role.ADMIN.name())
				// the list of engine names is public in Camunda's own REST API too
				.requestMatchers(paths(GET, "/engine-rest/engine", "/engine-rest/engine/"))
				.permitAll()
				// tells whether any user's password is right: a guessing tool outside the throttle
				.requestMatchers(paths("/engine-rest/identity/verify", "/engine-rest/engine/*/identity/verify"))
				.hasRole(Role.ADMIN.name())
				.requestMatchers(paths("/engine-rest/**"))
				.hasAnyRole(CAMUNDA_WORKERS)
				// rates of exchange are entered by officers and administrators; everyone reads them
				.requestMatchers(paths(HttpMethod.PUT, "/api/exchange-rates/**"), paths(HttpMethod.POST, "/api/exchange-rates/**"))
				.hasAnyRole(Role.PROGRAMME_OFFICER.name(), Role.ADMIN.name())
				// the standards catalogue: everyone reads it, administrators add standards, correct their words and
				// remove one nothing names, with their password: a leaked API token must not fill the catalogue,
				// reword it or empty it
				.requestMatchers(paths(HttpMethod.PUT, "/api/standards", "/api/standards/**"),
						paths(HttpMethod.POST, "/api/standards", "/api/standards/**"),
						paths(HttpMethod.DELETE, "/api/standards", "/api/standards/**"))
				.access(SecurityConfiguration::administratorWithPassword)
				// coopflow's users: administrators add, disable and enable them
				.requestMatchers(paths("/api/users", "/api/users/**"))
				.hasRole(Role.ADMIN.name())
				// the IATI file is the offices' publication: staff fetch it to publish, donors read the registry
				.requestMatchers(paths("/api/iati/**"))
				.hasAnyRole(Role.PROGRAMME_OFFICER.name(), Role.COORDINATOR.name(), Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// no session and no cookie: credentials come with each request, so there is nothing to forge
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, UserDetailsService users, PasswordEncoder passwordEncoder,
			SignInThrottle throttle, AuthenticationEventPublisher events) throws Exception {
		var failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setDefaultFailureUrl("/login?error");
		failures.setExceptionMappings(Map.of(SignInThrottledException.class.getName(), "/login?wait",
				// the password was never checked: the users' table did not answer
				InternalAuthenticationServiceException.class.getName(), "/login?unavailable"));
		return http.authenticationManager(signIn(users, passwordEncoder, throttle, events))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(paths("/login", "/error", "/css/**", "/favicon.ico"))
				.permitAll()
				.requestMatchers(paths("/camunda/app/cockpit/**", "/camunda/app/admin/**", "/camunda/api/cockpit/**"))
				.hasRole(Role.ADMIN.name())
				.requestMatchers(paths("/camunda/**"))
				.hasAnyRole(CAMUNDA_WORKERS)
				// administering users and the standards catalogue
				.requestMatchers(paths("/users", "/users/**", "/standards", "/standards/**"))
				.hasRole(Role.ADMIN.name())
				// a donor's pages speak for the donor's Member State; no other role has one
				.requestMatchers(paths("/donor/**"))
				.hasRole(Role.DONOR.name())
				// the overlap pages; which alerts an officer sees, OverlapAlerts decides (their office's)
				.requestMatchers(paths("/overlap-alerts", "/overlap-alerts/**"))
				.hasAnyRole(Role.COORDINATOR.name(), Role.ADMIN.name(), Role.PROGRAMME_OFFICER.name())
				// the implementation pages; only the owning office's officers plan and spend there
				.requestMatchers(paths("/implementation", "/implementation/**"))
				.hasAnyRole(Role.COORDINATOR.name(), Role.ADMIN.name(), Role.PROGRAMME_OFFICER.name())
				// the programme pages; only the owning office's officers write there (the programmes module decides)
				.requestMatchers(paths("/programmes", "/programmes/**"))
				.hasAnyRole(Role.COORDINATOR.name(), Role.ADMIN.name(), Role.PROGRAMME_OFFICER.name())
				// the rates page: officers and administrators enter rates, coordinators read them
				.requestMatchers(paths(HttpMethod.POST, "/exchange-rates", "/exchange-rates/**"))
				.hasAnyRole(Role.PROGRAMME_OFFICER.name(), Role.ADMIN.name())
				.requestMatchers(paths("/exchange-rates", "/exchange-rates/**"))
				.hasAnyRole(Role.COORDINATOR.name(), Role.ADMIN.name(), Role.PROGRAMME_OFFICER.name())
				// the portfolio is the offices' view; a donor follows its own pledges' reports instead
				.requestMatchers(paths("/portfolio"))
				.hasAnyRole(Role.COORDINATOR.name(), Role.ADMIN.name(), Role.PROGRAMME_OFFICER.name())
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failures).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			// Camunda's webapps guard themselves with their own XSRF-TOKEN cookie and X-XSRF-TOKEN
			// header; Spring's token stays in the session under other names for coopflow's own pages
			.csrf(csrf -> csrf.ignoringRequestMatchers(paths("/camunda/**")))
			// Camunda's webapps send their own Content-Security-Policy (nonces for their scripts), and
			// Swagger UI needs inline styles; coopflow's policy is for coopflow's pages
			.headers(headers -> headers
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
						new NegatedRequestMatcher(paths("/camunda/**", "/swagger-ui/**", "/swagger-ui.html")),
						new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

}
