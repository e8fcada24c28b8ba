package io.firecheck.security;

import io.firecheck.config.FirecheckConfig;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The verified token or the signed-in console user of the current request, as a {@link Caller}. */
@RequestScoped
public class CurrentCaller {
    static final Caller ANONYMOUS = new Caller("anonymous", Set.of(), null);

    private final SecurityIdentity identity;
    private final String jurisdictionClaim;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity, FirecheckConfig config) {
        this.identity = identity;
        this.jurisdictionClaim = config.auth().jurisdictionClaim();
    }

    public Caller get() {
        if (caller == null) {
            caller = identity.isAnonymous() ? ANONYMOUS
                    : new Caller(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()), jurisdiction());
        }
        return caller;
    }

    /**
     * A token's from its claim: a bearer token, or the ID token of a console session signed in through the
     * OIDC provider (both are the principal); an embedded console user's from the user table.
     */
    private String jurisdiction() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return jurisdiction(token, jurisdictionClaim);
        }
        return identity.getAttribute(Caller.JURISDICTION_ATTRIBUTE);
    }

    /**
     * The claim may be nested ("org/jurisdiction"). A token that carries the claim empty is refused rather
     * than read as city-wide: only the absence of the claim means city-wide.
     */
    static String jurisdiction(JsonWebToken token, String claimPath) {
        String[] path = claimPath.split("/");
        Object value = token.getClaim(path[0]);
        for (int i = 1; i < path.length && value != null; i++) {
            value = value instanceof JsonObject o ? o.get(path[i]) : null;
        }
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        String text = value instanceof JsonString s ? s.getString() : value instanceof String s ? s : null;
        if (text == null || text.isBlank()) {
            throw new ForbiddenException("the token's " + claimPath + " claim must be a jurisdiction name; leave it out for city-wide access");
        }
        return text.strip();
    }
}
