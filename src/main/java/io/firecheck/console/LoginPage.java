package io.firecheck.console;

import io.firecheck.security.CurrentCaller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The sign-in page. With the embedded users its form posts to Quarkus' form authentication (/j_security_check,
 * guarded by {@link SignInForm}), which checks the bcrypt hash of the user in PostgreSQL and sets an encrypted
 * session cookie. With the city's OIDC provider it links to {@code /login/sso}, where the code flow starts.
 */
@Path("/login")
public class LoginPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String message, boolean error, boolean provider, String action);
    }

    private final CurrentCaller caller;
    private final SecurityIdentity identity;
    private final ConsoleSignIn signIn;
    private final RoutingContext routing;

    public LoginPage(CurrentCaller caller, SecurityIdentity identity, ConsoleSignIn signIn, RoutingContext routing) {
        this.caller = caller;
        this.identity = identity;
        this.signIn = signIn;
        this.routing = routing;
    }

    /** Where form authentication sends a failed sign-in. */
    @GET
    @Path("/error")
    @Produces(MediaType.TEXT_HTML)
    public Response failed() {
        return login("1", null, null);
    }

    /** The provider sends the browser back here (the code flow's redirect path); then on to the user's start page. */
    @GET
    @Path("/sso")
    public Response signedInThroughProvider() {
        return Response.seeOther(URI.create(HomePage.start(caller.get()))).build();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") String error, @QueryParam("out") String out, @QueryParam("expired") String expired) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create(HomePage.start(caller.get()))).build();
        }
        String message = error != null ? "用户名或密码不正确，请重新输入。"
                : expired != null ? "登录页面已过期或来源不明，请重新登录。"
                : out != null ? "您已安全退出。" : null;
        String action = SignInForm.POST_LOCATION + "?" + ConsoleCsrf.NAME + "=" + ConsoleCsrf.loginToken(ConsoleCsrf.token(routing));
        return Response.ok(Templates.login(message, error != null || expired != null, signIn.provider(), action)).build();
    }
}
