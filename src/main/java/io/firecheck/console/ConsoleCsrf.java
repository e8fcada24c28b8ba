package io.firecheck.console;

import io.firecheck.web.Problems;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * CSRF protection of the console's forms by double-submit: a random token in an HttpOnly, SameSite=Strict
 * cookie and in a hidden field of every form ({@code inject:console.csrfToken}); a POST to a page whose field
 * does not match its cookie is refused with 400 and changes nothing.
 *
 * Written here rather than taken from quarkus-rest-csrf because that filter covers every REST endpoint: it
 * refuses a bodyless POST to /api that merely carries a form content type (curl -d '', rest-assured's
 * default), and /api needs no such token, since it takes bearer tokens only (security/ApiTakesTokensOnly).
 */
public class ConsoleCsrf {
    public static final String NAME = "csrf-token";
    private static final String TOKEN_KEY = "firecheck.csrf-token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    /** A safe request settles the token its page's forms carry, before anything is rendered. */
    @ServerRequestFilter
    @WithFormRead
    public Response verify(ResteasyReactiveContainerRequestContext request, RoutingContext rc) {
        String path = rc.request().path();
        if (path.startsWith("/api/") || path.startsWith("/q/")) {
            return null;
        }
        if (SAFE.contains(request.getMethod())) {
            token(rc);
            return null;
        }
        Cookie cookie = rc.request().getCookie(NAME);
        Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormParameter(NAME, true, false);
        if (cookie == null || !(field instanceof String sent) || !same(cookie.getValue(), sent)) {
            return Problems.response(400, "Bad Request", "表单已过期或来源不明（缺少有效的 CSRF 令牌），未做任何更改。请刷新页面后重新提交。");
        }
        rc.put(TOKEN_KEY, cookie.getValue());
        return null;
    }

    /** The browser's token if it holds a well-formed one, else a new one sent as the cookie. */
    static String token(RoutingContext rc) {
        String token = rc.get(TOKEN_KEY);
        if (token != null) {
            return token;
        }
        Cookie cookie = rc.request().getCookie(NAME);
        if (cookie != null && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
            token = cookie.getValue();
        } else {
            byte[] bytes = new byte[TOKEN_BYTES];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            rc.response().addCookie(Cookie.cookie(NAME, token).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setSecure(rc.request().isSSL()));
        }
        rc.put(TOKEN_KEY, token);
        return token;
    }

    /** The sign-in form's token (console/SignInForm): a digest of the browser's token, as it goes in a URL. */
    static String loginToken(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("sign-in:" + token).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
