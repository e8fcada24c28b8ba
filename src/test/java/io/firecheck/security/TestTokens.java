package io.firecheck.security;

import static io.restassured.RestAssured.given;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real tokens signed by the service's local key, for API tests. */
public final class TestTokens {
    private static final String AUTHORIZATION = "Authorization";
    private static String cityWide;

    private TestTokens() {
    }

    public static String token(String name, String jurisdiction, String... roles) {
        return LocalTokens.sign(key(), name, List.of(roles), jurisdiction, LocalTokens.DEFAULT_TTL);
    }

    /**
     * Every role, no jurisdiction: what an API test sends unless it says otherwise. The roles are also in
     * Keycloak's claim, so that a test profile reading roles from there gets them too.
     */
    public static synchronized String cityWide() {
        if (cityWide == null) {
            cityWide = sign(LocalTokens.claims("api-test", Roles.ALL, null, LocalTokens.DEFAULT_TTL)
                    .claim("realm_access", java.util.Map.of("roles", Roles.ALL)));
        }
        return cityWide;
    }

    /** Any claims, signed by the service's key: for expired or otherwise unusual tokens. */
    public static String sign(io.smallrye.jwt.build.JwtClaimsBuilder claims) {
        return LocalTokens.sign(key(), claims);
    }

    public static RequestSpecification as(String token) {
        return given().header(AUTHORIZATION, "Bearer " + token);
    }

    public static RequestSpecification as(String name, String jurisdiction, String... roles) {
        return as(token(name, jurisdiction, roles));
    }

    /** A request that really carries no token, despite the default. */
    public static RequestSpecification anonymous() {
        return given().filter(new Ordered(Integer.MAX_VALUE, r -> r.removeHeader(AUTHORIZATION)));
    }

    /** Adds the city-wide token to a request that has no Authorization header of its own. */
    static OrderedFilter defaultToken() {
        return new Ordered(Integer.MIN_VALUE, r -> {
            if (!r.getHeaders().hasHeaderWithName(AUTHORIZATION)) {
                r.header(AUTHORIZATION, "Bearer " + cityWide());
            }
        });
    }

    static boolean isDefaultToken(io.restassured.filter.Filter f) {
        return f instanceof Ordered o && o.order() == Integer.MIN_VALUE;
    }

    static Path key() {
        return Path.of(ConfigProvider.getConfig().getValue(LocalTokens.KEY_PROPERTY, String.class));
    }

    private record Ordered(int order, java.util.function.Consumer<FilterableRequestSpecification> change) implements OrderedFilter {
        @Override
        public int getOrder() {
            return order;
        }

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
            change.accept(request);
            return ctx.next(request, response);
        }
    }
}
