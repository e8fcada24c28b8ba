package io.firecheck.security;

import io.firecheck.web.Problems;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The JSON API answers bearer tokens only. A console session cookie is refused there as if absent: the
 * browser sends that cookie by itself, so accepting it would open the API to requests other sites forge,
 * which only the console's own forms are protected against (CSRF tokens).
 */
public class ApiTakesTokensOnly {
    private final CurrentIdentityAssociation identity;

    public ApiTakesTokensOnly(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    /** Whether a request path is the API's, which takes bearer tokens only. */
    public static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api");
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> refuseSessions(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        // a console session (form or OIDC sign-in) comes in a cookie: without any, the identity need not be awaited
        if (!isApi(path) || request.getHeaderString(HttpHeaders.COOKIE) == null) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity().map(id -> id.getAttribute(Caller.CONSOLE_USER_ATTRIBUTE) == null ? null
                : Response.fromResponse(Problems.response(401, "Unauthorized", "the API takes a bearer token, not a console session"))
                        .header("WWW-Authenticate", "Bearer realm=\"firecheck\"").build());
    }
}
