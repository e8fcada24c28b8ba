package io.firecheck.users;

import io.firecheck.security.Caller;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A console user's identity carries their jurisdiction, as a token carries its claim, so that
 * {@link io.firecheck.security.CurrentCaller} scopes page requests exactly like API requests. Tokens
 * (bearer or the identity provider's) keep their claims; a session signed in through the OIDC provider
 * is marked as a console session all the same, so that the API refuses it like a form session.
 */
@ApplicationScoped
public class JurisdictionAugmentor implements SecurityIdentityAugmentor {
    private final Lookup lookup;

    public JurisdictionAugmentor(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getCredential(IdTokenCredential.class) != null) {
            // signed in through the OIDC provider: a console session, whose claims say the rest
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(Caller.CONSOLE_USER_ATTRIBUTE, Boolean.TRUE).build());
        }
        if (identity.isAnonymous() || identity.getPrincipal() instanceof JsonWebToken) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(Caller.CONSOLE_USER_ATTRIBUTE, Boolean.TRUE);
            ConsoleUser user = lookup.user(identity.getPrincipal().getName());
            if (user == null) {
                // never read a missing row as city-wide
                throw new AuthenticationFailedException("no console user " + identity.getPrincipal().getName());
            }
            if (user.jurisdiction != null) {
                builder.addAttribute(Caller.JURISDICTION_ATTRIBUTE, user.jurisdiction);
            }
            return builder.build();
        });
    }

    @ApplicationScoped
    public static class Lookup {
        private final EntityManager em;

        public Lookup(EntityManager em) {
            this.em = em;
        }

        @Transactional
        ConsoleUser user(String name) {
            ConsoleUser user = em.find(ConsoleUser.class, name);
            if (user != null) {
                em.detach(user);
            }
            return user;
        }
    }
}
