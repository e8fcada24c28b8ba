package io.firecheck.security;

import io.firecheck.web.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problem+json. A refused write is also announced for the audit log, before the answer
 * leaves; a refused read is not, so that the log records attempts to change things rather than page views.
 */
public class SecurityProblems {
    private static final Logger LOG = Logger.getLogger(SecurityProblems.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Event<AccessDenied> denied;
    private final Instance<CurrentCaller> caller;

    public SecurityProblems(Event<AccessDenied> denied, Instance<CurrentCaller> caller) {
        this.denied = denied;
        this.caller = caller;
    }

    @ServerExceptionMapper
    public Uni<Response> unauthorized(UnauthorizedException e, ContainerRequestContext request) {
        return unauthenticated(request, "a bearer token is required: Authorization: Bearer <token>", "");
    }

    @ServerExceptionMapper
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, ContainerRequestContext request) {
        return unauthenticated(request, "the bearer token is invalid or expired", ", error=\"invalid_token\"");
    }

    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, ContainerRequestContext request) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().startsWith("io.quarkus")
                ? "the token's roles do not allow this request" : e.getMessage();
        return refused(request, callerOrAnonymous(), Problems.response(403, "Forbidden", detail));
    }

    @ServerExceptionMapper
    public Uni<Response> outOfJurisdiction(OutOfJurisdictionException e, ContainerRequestContext request) {
        return refused(request, callerOrAnonymous(), Problems.response(403, "Forbidden", e.getMessage()));
    }

    private Uni<Response> unauthenticated(ContainerRequestContext request, String detail, String error) {
        return refused(request, CurrentCaller.ANONYMOUS, Response.fromResponse(Problems.response(401, "Unauthorized", detail))
                .header("WWW-Authenticate", "Bearer realm=\"firecheck\"" + error).build());
    }

    /**
     * Security checks may run on the I/O thread, where the database must not be touched: the audit entry is
     * written on a worker thread, and the answer waits for it.
     */
    private Uni<Response> refused(ContainerRequestContext request, Caller who, Response response) {
        if (!WRITES.contains(request.getMethod())) {
            return Uni.createFrom().item(response);
        }
        AccessDenied event = new AccessDenied(who, request.getMethod() + " /" + request.getUriInfo().getPath().replaceFirst("^/", ""),
                response.getStatus() + " " + response.getStatusInfo().getReasonPhrase());
        return Uni.createFrom().item(() -> {
            try {
                denied.fire(event);
            } catch (RuntimeException e) {
                LOG.error("Could not audit a refused request: " + event, e);
            }
            return response;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Caller callerOrAnonymous() {
        try {
            return caller.get().get();
        } catch (RuntimeException e) {
            return CurrentCaller.ANONYMOUS; // the token itself was refused (an empty jurisdiction claim)
        }
    }
}
