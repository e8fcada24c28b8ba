package io.firecheck.console;

import io.firecheck.config.FirecheckConfig;
import io.firecheck.security.ApiTakesTokensOnly;
import io.firecheck.security.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The absolute lifetime of an embedded (form) session, which Quarkus ends after inactivity only: at sign-in the
 * browser gets a second cookie stamped with the time and the user's name and signed (HMAC) with the session key; a
 * session cookie without a valid stamp, or with one older than firecheck.console.session-lifetime, is dropped before
 * Quarkus reads it, so the user is back at the sign-in page. The name binds the stamp to its session: a fresh stamp
 * of one account beside another account's session (a stolen one, kept alive past its lifetime) is refused once the
 * session says whose it is. Every instance of a cluster checks the stamp with the same key
 * (QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY), as it decrypts the session with it.
 */
@ApplicationScoped
public class SessionLifetime {
    static final String STAMP = "firecheck-signed-in";

    private final Duration lifetime;
    private final String sessionCookie;
    private final String usernameField;
    private final SecretKeySpec key;
    private final CurrentIdentityAssociation identity;

    public SessionLifetime(FirecheckConfig config, CurrentIdentityAssociation identity,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String sessionCookie,
            @ConfigProperty(name = "quarkus.http.auth.form.username-parameter", defaultValue = "j_username") String usernameField,
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        this.lifetime = config.console().sessionLifetime();
        this.identity = identity;
        this.sessionCookie = sessionCookie;
        this.usernameField = usernameField;
        byte[] secret = sessionKey.map(k -> ("firecheck-session-stamp:" + k).getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Who signed in when: what a valid stamp says. */
    record Stamp(Instant signedIn, String user) {
    }

    /**
     * After a successful sign-in: the stamp of now and the name signed in with (the form's, which the session's
     * principal is; the form mechanism has read the body by now).
     */
    void issue(RoutingContext rc) {
        rc.response().addCookie(Cookie.cookie(STAMP, stamp(Instant.now(), rc.request().getFormAttribute(usernameField)))
                .setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(rc.request().isSSL()));
    }

    /** Before authentication: a session past its lifetime (or without a valid stamp) is removed, in the request and the browser. */
    void enforce(RoutingContext rc) {
        if (hasSession(rc) && read(rc).filter(s -> s.signedIn().plus(lifetime).isAfter(Instant.now())).isEmpty()) {
            drop(rc);
        }
    }

    /**
     * After authentication: a console session whose stamp names someone else goes back to the sign-in page, both
     * cookies removed, and its request does nothing. /api takes no sessions (security/ApiTakesTokensOnly).
     */
    @ServerRequestFilter(preMatching = true)
    public Uni<Response> sameUser(ContainerRequestContext request, RoutingContext rc) {
        String path = request.getUriInfo().getPath();
        if (!hasSession(rc) || ApiTakesTokensOnly.isApi(path)) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity().map(id -> {
            if (id.isAnonymous() || id.getAttribute(Caller.CONSOLE_USER_ATTRIBUTE) == null
                    || read(rc).map(Stamp::user).filter(id.getPrincipal().getName()::equals).isPresent()) {
                return null;
            }
            drop(rc);
            return Response.status(Response.Status.FOUND).location(URI.create("/login")).build();
        });
    }

    String stamp(Instant signedIn, String user) {
        String signed = signedIn.getEpochSecond() + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(user.getBytes(StandardCharsets.UTF_8));
        return signed + "." + mac(signed);
    }

    private boolean hasSession(RoutingContext rc) {
        Cookie session = rc.request().getCookie(sessionCookie);
        return session != null && !session.getValue().isEmpty();
    }

    /** The request's stamp if the service signed it. */
    private Optional<Stamp> read(RoutingContext rc) {
        Cookie stamp = rc.request().getCookie(STAMP);
        String[] parts = stamp == null ? new String[0] : stamp.getValue().split("\\.", 3);
        if (parts.length != 3 || !parts[0].matches("\\d{1,12}") || !parts[1].matches("[A-Za-z0-9_-]*")
                || !ConsoleCsrf.same(mac(parts[0] + "." + parts[1]), parts[2])) {
            return Optional.empty();
        }
        return Optional.of(new Stamp(Instant.ofEpochSecond(Long.parseLong(parts[0])),
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)));
    }

    private void drop(RoutingContext rc) {
        for (String name : new String[] {sessionCookie, STAMP}) {
            Cookie removed = rc.response().removeCookie(name, true);
            if (removed != null) {
                removed.setPath("/"); // where both were set, so that the browser drops them
            }
        }
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
