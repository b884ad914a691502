package dev.hypersearch.security;

import dev.hypersearch.HypersearchProperties;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may do what, with Spring Security's own components: the resource server's {@link BearerTokenAuthenticationFilter}
 * reads {@code Authorization: Bearer} (RFC 6750) and an opaque-token introspector ({@link TokenIntrospector}) checks
 * it against the token table; the UI's session cookie is loaded by {@link RevalidatingSessionContextRepository}
 * and guarded by Spring's CSRF protection; 401 and 403 are problem+json. The rules by path are in
 * {@link #authorize}: reading needs any token, every other /api method an editor (controllers check ownership),
 * token management and the audit an admin.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfig {

    static final String SESSION_PATH = "/api/session";
    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_EDITOR\nROLE_EDITOR > ROLE_VIEWER");
    }

    /**
     * No observations of Spring Security's own (a timer around each half of the filter chain, one per
     * authentication and per authorization): they cost a request about as much as the filters they time, and
     * {@code http.server.requests} still times every request.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Also keeps Spring Boot from creating its default user with a generated password. */
    @Bean
    AuthenticationManager tokenAuthenticationManager(Tokens tokens) {
        return new ProviderManager(new OpaqueTokenAuthenticationProvider(new TokenIntrospector(tokens)));
    }

    @Bean
    FailedAuthentications failedAuthentications(SecuritySettings settings) {
        return new FailedAuthentications(settings.maxFailedAuthentications(), Clock.systemUTC());
    }

    @Bean
    RevalidatingSessionContextRepository securityContextRepository(Tokens tokens) {
        return new RevalidatingSessionContextRepository(tokens);
    }

    @Bean
    SessionSignIn sessionSignIn(AuthenticationManager manager, RevalidatingSessionContextRepository repository,
                                FailedAuthentications failures) {
        return new SessionSignIn(manager, repository, failures);
    }

    /** Only where there is a web server (a context started without one, as some tests do, has no HttpSecurity). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecuritySettings settings, AuthenticationManager manager,
                                            RevalidatingSessionContextRepository sessions,
                                            FailedAuthentications failures) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        http.cors(cors -> cors.configurationSource(corsSource(settings)));
        http.requestCache(cache -> cache.disable());
        if (!settings.isEnabled()) {
            return http.csrf(AbstractHttpConfigurer::disable)
                    .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                    .build();
        }
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(failures);
        ProblemAccessDeniedHandler denied = new ProblemAccessDeniedHandler();
        http.securityContext(context -> context.securityContextRepository(sessions))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .oauth2ResourceServer(rs -> rs
                        .opaqueToken(opaque -> opaque.authenticationManager(manager))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(SecurityConfig::cannotBeForged))
                .logout(logout -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.DELETE, SESSION_PATH))
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(
                                org.springframework.http.HttpStatus.NO_CONTENT)))
                .addFilterBefore(new FailedAuthenticationLimitFilter(failures), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(SecurityConfig::authorize);
        return http.build();
    }

    /**
     * Only a request the browser authenticates by itself, with the session cookie, can be forged by another site:
     * one that carries its own bearer token cannot, nor one without a session. Signing in needs no CSRF token:
     * it takes a JSON body, which another site's form cannot send and its script cannot without CORS.
     */
    static boolean cannotBeForged(jakarta.servlet.http.HttpServletRequest request) {
        return request.getHeader("Authorization") != null || request.getRequestedSessionId() == null
                || (HttpMethod.POST.matches(request.getMethod()) && SESSION_PATH.equals(request.getServletPath()));
    }

    /**
     * The rules, first match wins. A new endpoint needs no line here when it follows the pattern (GET reads, any
     * other method changes something it owns); EndpointRoleMatrixIT fails for one that does not fit.
     */
    static void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        // Error pages and async (event stream) dispatches continue a request that was already authorized.
        auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers(HttpMethod.POST, SESSION_PATH).permitAll()
                .requestMatchers("/api/tokens", "/api/tokens/**", "/api/audit", "/api/audit/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.GET, "/api/**").hasRole("VIEWER")
                .requestMatchers(HttpMethod.HEAD, "/api/**").hasRole("VIEWER")
                // Previews create nothing: a reader may size a search
                .requestMatchers(HttpMethod.POST, "/api/searches/preview").hasRole("VIEWER")
                // predicting reads a model: viewers may, as they may read everything
                .requestMatchers(HttpMethod.POST, "/api/models/*/predict").hasRole("VIEWER")
                .requestMatchers("/api/**").hasRole("EDITOR")
                .requestMatchers("/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                        "/swagger-ui/**").hasRole("VIEWER")
                // The UI's shell (HTML, scripts, styles: the same for everyone, no data) loads without a token so
                // that it can show its sign-in page; everything it shows comes from /api, which needs one.
                .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.ico").permitAll()
                .anyRequest().denyAll();
    }

    private static CorsConfigurationSource corsSource(SecuritySettings settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!settings.corsOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(settings.corsOrigins());
            cors.addAllowedMethod("*");
            cors.addAllowedHeader("Authorization");
            cors.addAllowedHeader("Content-Type");
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }

    @Bean
    ApplicationRunner firstAdminToken(SecuritySettings settings, HypersearchProperties props, Tokens tokens,
                                      AuditLog audit, Environment environment) {
        return args -> {
            if (!settings.isEnabled()) {
                log.warn("SECURITY IS OFF (hypersearch.security.enabled=false): anyone who can reach this port may"
                        + " read, create and cancel anything. Use this for tests and local experiments only.");
                return;
            }
            if (props.servesApi()) {
                new FirstAdminToken(tokens, audit, settings.adminTokenFile()).ensure(environment.getProperty(FirstAdminToken.ENV));
            }
        };
    }
}
