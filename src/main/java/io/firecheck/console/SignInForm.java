package io.firecheck.console;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Guards the embedded sign-in (Quarkus' form authentication at /j_security_check) before Quarkus reads it:
 * <ul>
 * <li>login CSRF: the form's action carries {@link ConsoleCsrf#loginToken}, derived from the browser's
 * SameSite=Strict CSRF cookie. Another site cannot post a sign-in as its own user into a staff member's browser:
 * the cookie does not come along, and the site cannot read it to forge the value. A post without it goes back
 * to the sign-in page and signs no one in. The token travels in the query string because the form mechanism
 * reads the body itself; it is a digest, not the cookie's value, so it reveals nothing of the other forms' token.</li>
 * <li>a wrong name or password goes back to the sign-in page with its message, as the form mechanism's own
 * error redirect does not reach a browser in this mixed bearer/form set-up (it answers a bare 401).</li>
 * <li>the session's absolute lifetime ({@link SessionLifetime}): stamped at sign-in, enforced on every other request.</li>
 * </ul>
 */
@ApplicationScoped
public class SignInForm {
    static final String POST_LOCATION = "/j_security_check";
    static final String EXPIRED = "/login?expired=1";
    static final String FAILED = "/login?error=1";

    private final SessionLifetime lifetime;

    public SignInForm(SessionLifetime lifetime) {
        this.lifetime = lifetime;
    }

    void register(@Observes Filters filters) {
        filters.register(this::guard, SecurityHandlerPriorities.AUTHENTICATION + 50);
    }

    void guard(RoutingContext rc) {
        if (rc.request().method() != HttpMethod.POST || !POST_LOCATION.equals(rc.normalizedPath())) {
            lifetime.enforce(rc);
            rc.next();
            return;
        }
        Cookie cookie = rc.request().getCookie(ConsoleCsrf.NAME);
        String sent = rc.request().getParam(ConsoleCsrf.NAME);
        if (cookie == null || sent == null || !ConsoleCsrf.same(ConsoleCsrf.loginToken(cookie.getValue()), sent)) {
            redirect(rc, EXPIRED);
            return;
        }
        rc.addHeadersEndHandler(v -> {
            if (rc.response().getStatusCode() == 401) {
                rc.response().setStatusCode(302).putHeader("Location", FAILED);
            } else if (rc.response().getStatusCode() == 302) {
                lifetime.issue(rc);
            }
        });
        rc.next();
    }

    private static void redirect(RoutingContext rc, String location) {
        rc.response().setStatusCode(303).putHeader("Location", location).end();
    }
}
