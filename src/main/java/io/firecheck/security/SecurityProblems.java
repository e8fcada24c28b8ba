package io.firecheck.security;

import io.firecheck.web.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problem+json. A refused write is also announced for the audit log; a refused read is not,
 * so that the log records attempts to change things rather than every page view.
 */
public class SecurityProblems {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Event<AccessDenied> denied;
    private final Instance<CurrentCaller> caller;

    public SecurityProblems(Event<AccessDenied> denied, Instance<CurrentCaller> caller) {
        this.denied = denied;
        this.caller = caller;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, ContainerRequestContext request) {
        return unauthenticated(request, "a bearer token is required: Authorization: Bearer <token>", "");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, ContainerRequestContext request) {
        return unauthenticated(request, "the bearer token is invalid or expired", ", error=\"invalid_token\"");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().startsWith("io.quarkus")
                ? "the token's roles do not allow this request" : e.getMessage();
        return refused(request, callerOrAnonymous(), 403, "Forbidden", detail);
    }

    @ServerExceptionMapper
    public Response outOfJurisdiction(OutOfJurisdictionException e, ContainerRequestContext request) {
        return refused(request, callerOrAnonymous(), 403, "Forbidden", e.getMessage());
    }

    private Response unauthenticated(ContainerRequestContext request, String detail, String error) {
        return Response.fromResponse(refused(request, CurrentCaller.ANONYMOUS, 401, "Unauthorized", detail))
                .header("WWW-Authenticate", "Bearer realm=\"firecheck\"" + error).build();
    }

    private Response refused(ContainerRequestContext request, Caller who, int status, String title, String detail) {
        if (WRITES.contains(request.getMethod())) {
            denied.fire(new AccessDenied(who, request.getMethod() + " /" + request.getUriInfo().getPath().replaceFirst("^/", ""),
                    status + " " + title));
        }
        return Problems.response(status, title, detail);
    }

    private Caller callerOrAnonymous() {
        try {
            return caller.get().get();
        } catch (RuntimeException e) {
            return CurrentCaller.ANONYMOUS; // the token itself was refused (an empty jurisdiction claim)
        }
    }
}
