package io.firecheck.console;

import io.firecheck.config.FirecheckConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
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

/**
 * The absolute lifetime of an embedded (form) session, which Quarkus ends after inactivity only: at sign-in the
 * browser gets a second cookie stamped with the time and signed (HMAC) with the session key; a session cookie
 * without a valid stamp, or with one older than firecheck.console.session-lifetime, is dropped before Quarkus
 * reads it, so the user is back at the sign-in page. Every instance of a cluster checks the stamp with the same
 * key (QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY), as it decrypts the session with it.
 */
@ApplicationScoped
public class SessionLifetime {
    static final String STAMP = "firecheck-signed-in";

    private final Duration lifetime;
    private final String sessionCookie;
    private final SecretKeySpec key;

    public SessionLifetime(FirecheckConfig config,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String sessionCookie,
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        this.lifetime = config.console().sessionLifetime();
        this.sessionCookie = sessionCookie;
        byte[] secret = sessionKey.map(k -> ("firecheck-session-stamp:" + k).getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** After a successful sign-in: the stamp of now. */
    void issue(RoutingContext rc) {
        rc.response().addCookie(Cookie.cookie(STAMP, stamp(Instant.now())).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(rc.request().isSSL()));
    }

    /** Before authentication: a session past its lifetime (or without a valid stamp) is removed, in the request and the browser. */
    void enforce(RoutingContext rc) {
        Cookie session = rc.request().getCookie(sessionCookie);
        if (session == null || session.getValue().isEmpty() || valid(rc.request().getCookie(STAMP))) {
            return;
        }
        for (String name : new String[] {sessionCookie, STAMP}) {
            Cookie removed = rc.response().removeCookie(name, true);
            if (removed != null) {
                removed.setPath("/"); // where both were set, so that the browser drops them
            }
        }
    }

    String stamp(Instant signedIn) {
        String seconds = Long.toString(signedIn.getEpochSecond());
        return seconds + "." + mac(seconds);
    }

    private boolean valid(Cookie stamp) {
        if (stamp == null) {
            return false;
        }
        String[] parts = stamp.getValue().split("\\.", 2);
        if (parts.length != 2 || !parts[0].matches("\\d{1,12}") || !ConsoleCsrf.same(mac(parts[0]), parts[1])) {
            return false;
        }
        return Instant.ofEpochSecond(Long.parseLong(parts[0])).plus(lifetime).isAfter(Instant.now());
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
