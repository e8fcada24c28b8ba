package io.firecheck.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * A small OpenID Connect provider for the tests, standing in for the city's (no container needed): discovery,
 * an authorization endpoint that signs in at once the user named by {@code login_hint} and redirects back with a
 * code, a token endpoint that answers ID and access tokens signed with its own RSA key, its JWKS, and an
 * end-session endpoint that counts its calls and redirects back. Its users carry the claims the service reads:
 * roles in {@code groups}, the jurisdiction in {@code jurisdiction}.
 */
public class FakeOidcProvider implements QuarkusTestResourceLifecycleManager {
    static final String CLIENT_ID = "firecheck";
    static final String CLIENT_SECRET = "test-client-secret";
    static final String REALM = "/realms/fire";
    /** login_hint → preferred_username, roles, jurisdiction (empty: city-wide) */
    static final Map<String, List<String>> USERS = Map.of(
            "tianhe-officer", List.of("王五", "officer", "天河区"),
            "city-supervisor", List.of("赵六", "supervisor", ""));

    private HttpServer server;
    private KeyPair key;
    private String issuer;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private final AtomicInteger endSessions = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            key = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
        server.createContext(REALM + "/.well-known/openid-configuration", ex -> json(ex, discovery()));
        server.createContext(REALM + "/authorize", this::authorize);
        server.createContext(REALM + "/token", this::token);
        server.createContext(REALM + "/jwks", ex -> json(ex, jwks()));
        server.createContext(REALM + "/logout", this::endSession);
        server.createContext(REALM + "/end-sessions", ex -> json(ex, "{\"count\":" + endSessions.get() + "}"));
        server.start();
        return Map.of("quarkus.oidc.auth-server-url", issuer, "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", CLIENT_SECRET);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String discovery() {
        return """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","end_session_endpoint":"%1$s/logout","response_types_supported":["code"],
                 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"]}
                """.formatted(issuer);
    }

    private String jwks() {
        try {
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) key.getPublic());
            jwk.setKeyId("fake-1");
            return new JsonWebKeySet(jwk).toJson();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs in the user of login_hint at once (the provider's own sign-in page is not the service's concern). */
    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        String user = q.get("login_hint");
        if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type")) || user == null || !USERS.containsKey(user)) {
            send(ex, 400, "text/plain", "bad authorization request: " + q);
            return;
        }
        String code = UUID.randomUUID().toString();
        Map<String, String> grant = new HashMap<>(q);
        codes.put(code, grant);
        redirect(ex, q.get("redirect_uri") + (q.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code
                + "&state=" + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> form = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        boolean client = basic.equals(ex.getRequestHeaders().getFirst("Authorization"))
                || CLIENT_ID.equals(form.get("client_id")) && CLIENT_SECRET.equals(form.get("client_secret"));
        Map<String, String> grant = codes.remove(String.valueOf(form.get("code")));
        if (!client || grant == null || !"authorization_code".equals(form.get("grant_type"))
                || !grant.get("redirect_uri").equals(form.get("redirect_uri"))) {
            send(ex, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        List<String> user = USERS.get(grant.get("login_hint"));
        String idToken = sign(claims(grant.get("login_hint"), user, CLIENT_ID, grant.get("nonce")));
        String accessToken = sign(claims(grant.get("login_hint"), user, "account", null));
        json(ex, "{\"access_token\":\"" + accessToken + "\",\"id_token\":\"" + idToken
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private void endSession(HttpExchange ex) throws IOException {
        endSessions.incrementAndGet();
        String back = query(ex.getRequestURI().getRawQuery()).get("post_logout_redirect_uri");
        if (back == null) {
            send(ex, 200, "text/plain", "signed out");
        } else {
            redirect(ex, back);
        }
    }

    private JwtClaims claims(String subject, List<String> user, String audience, String nonce) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(issuer);
        c.setAudience(audience);
        c.setSubject(subject);
        c.setIssuedAtToNow();
        c.setExpirationTimeMinutesInTheFuture(5);
        c.setClaim("preferred_username", user.get(0));
        c.setStringListClaim("groups", user.get(1));
        if (!user.get(2).isEmpty()) {
            c.setClaim("jurisdiction", user.get(2));
        }
        if (nonce != null) {
            c.setClaim("nonce", nonce);
        }
        return c;
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivate());
        jws.setKeyIdHeaderValue("fake-1");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private static void json(HttpExchange ex, String body) throws IOException {
        send(ex, 200, "application/json", body);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
