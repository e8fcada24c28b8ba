package io.firecheck.console;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * 退出: removes the session cookie. A POST carrying the page's CSRF token, so that no other site can sign anyone
 * out. A session of the OIDC provider never reaches the method: quarkus-oidc (quarkus.oidc.logout.path) removes
 * its cookie and sends the browser to the provider's end-session endpoint (RP-initiated logout), which ends the
 * provider's session too and sends the browser back to /login?out=1.
 */
@Path("/logout")
public class LogoutPage {
    private final SecurityIdentity identity;

    public LogoutPage(SecurityIdentity identity) {
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout() {
        if (!identity.isAnonymous()) {
            FormAuthenticationMechanism.logout(identity);
        }
        return Response.seeOther(URI.create("/login?out=1")).build();
    }
}
