package io.firecheck.security;

import io.firecheck.config.FirecheckConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Either the city's identity provider (issuer and JWKS both set) or the embedded local key, created here
 * on first start: never a mix, so a local token is worthless once the provider is configured.
 */
@ApplicationScoped
public class AuthStartup {
    private static final Logger LOG = Logger.getLogger(AuthStartup.class);

    void start(@Observes @Priority(1) StartupEvent event, FirecheckConfig config) {
        FirecheckConfig.Auth auth = config.auth();
        if (auth.issuer().isPresent() != auth.jwksUrl().isPresent()) {
            throw new IllegalStateException("set both firecheck.auth.issuer and firecheck.auth.jwks-url "
                    + "(FIRECHECK_AUTH_ISSUER, FIRECHECK_AUTH_JWKS_URL) to use an identity provider, or neither to use the local key");
        }
        if (auth.jwksUrl().isPresent()) {
            LOG.infof("Accepting bearer tokens of issuer %s, keys from %s", auth.issuer().get(), auth.jwksUrl().get());
            return;
        }
        Path key = Path.of(auth.localKey());
        LocalKey.loadOrCreate(key);
        LOG.infof("Accepting bearer tokens signed by the local key %s (get one with bin/firecheck token --role ROLE); "
                + "configure the city's identity provider for production (docs/security.md)", key.toAbsolutePath());
    }
}
