package io.firecheck.console;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns quarkus-oidc's tenant on exactly when the city's provider is configured (QUARKUS_OIDC_AUTH_SERVER_URL):
 * without one, the web-app tenant would refuse to start. An explicit quarkus.oidc.tenant-enabled still wins
 * (this source's ordinal is below every other).
 */
public class OidcTenantSwitch implements ConfigSourceFactory {
    static final String URL = "quarkus.oidc.auth-server-url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(URL);
        boolean configured = url != null && url.getValue() != null && !url.getValue().isBlank();
        return List.of(new PropertiesConfigSource(Map.of("quarkus.oidc.tenant-enabled", Boolean.toString(configured)),
                "firecheck-oidc-tenant-switch", 10));
    }
}
