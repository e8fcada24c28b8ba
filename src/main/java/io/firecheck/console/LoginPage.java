package io.firecheck.console;

import io.firecheck.security.CurrentCaller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The embedded sign-in: the form posts to Quarkus' form authentication (/j_security_check), which checks the
 * bcrypt hash of the user in PostgreSQL and sets an encrypted session cookie that expires after inactivity.
 */
@Path("/login")
public class LoginPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String message, boolean error);
    }

    private final CurrentCaller caller;
    private final SecurityIdentity identity;

    public LoginPage(CurrentCaller caller, SecurityIdentity identity) {
        this.caller = caller;
        this.identity = identity;
    }

    /** Where form authentication sends a failed sign-in. */
    @GET
    @Path("/error")
    @Produces(MediaType.TEXT_HTML)
    public Response failed() {
        return login("1", null);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") String error, @QueryParam("out") String out) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create(HomePage.start(caller.get()))).build();
        }
        String message = error != null ? "用户名或密码不正确，请重新输入。" : out != null ? "您已安全退出。" : null;
        return Response.ok(Templates.login(message, error != null)).build();
    }
}
