package io.firecheck.console;

import io.quarkus.vertx.http.security.HttpSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How staff sign in to the pages: through the city's OIDC provider (authorization code flow) once one is
 * configured, else with the embedded form against console_user. Exactly one of them guards the pages, so a
 * page without a session always sends the browser to the same place.
 */
@ApplicationScoped
public class ConsoleSignIn {
    /** The pages that need a session; /login/sso is where the provider sends the browser back. */
    static final String[] PAGES = {"/orders", "/orders/*", "/progress", "/progress/*", "/lists", "/lists/*",
            "/evaluations", "/evaluations/*", "/rules", "/rules/*"};
    static final String SSO = "/login/sso";

    private final boolean provider;

    public ConsoleSignIn(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean tenantEnabled) {
        this.provider = authServerUrl.isPresent() && tenantEnabled;
    }

    /** Whether the city's OIDC provider signs staff in (else the embedded form does). */
    public boolean provider() {
        return provider;
    }

    void permissions(@Observes HttpSecurity security) {
        if (provider) {
            security.path(PAGES).authorizationCodeFlow().authenticated();
            security.path(SSO).authorizationCodeFlow().authenticated();
        } else {
            security.path(PAGES).form().authenticated();
        }
    }
}
