package io.firecheck.console;

import io.firecheck.security.Caller;
import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /}: the page of the user's daily work, or the sign-in page. */
@Path("/")
public class HomePage {
    private final CurrentCaller caller;

    public HomePage(CurrentCaller caller) {
        this.caller = caller;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create(start(caller.get()))).build();
    }

    static String start(Caller c) {
        if (c.has(Roles.OFFICER) || c.has(Roles.SUPERVISOR) || c.has(Roles.AUDITOR)) {
            return "/orders";
        }
        if (c.has(Roles.CLIENT)) {
            return "/evaluations";
        }
        if (c.has(Roles.RULE_AUTHOR)) {
            return "/rules";
        }
        return "/login";
    }
}
