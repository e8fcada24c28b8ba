package io.firecheck.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The API reads JSON only, and authenticates with bearer tokens, so it needs no CSRF token. A form content type
 * on an /api request without a body (what `curl -d ''` and rest-assured send with a bodiless POST such as a
 * reload) would make quarkus-rest-csrf refuse it for lacking the token the console's forms carry: the type is
 * dropped, as the body it names is empty.
 */
@ApplicationScoped
public class ApiIgnoresFormTypes {
    void register(@Observes Filters filters) {
        // before BodySizeLimit (100): the type is gone before anything reads the request
        filters.register(this::filter, 200);
    }

    private void filter(RoutingContext rc) {
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && rc.request().path().startsWith("/api/") && "0".equals(rc.request().getHeader(HttpHeaders.CONTENT_LENGTH))
                && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
            rc.request().headers().remove(HttpHeaders.CONTENT_TYPE);
        }
        rc.next();
    }
}
