package io.firecheck.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an over-size body with problem+json before it is read: 1 MiB for one document, the batch
 * limit (quarkus.http.limits.max-body-size, which Quarkus also enforces with a bare 413 on bodies sent
 * without a Content-Length) for the batch endpoint.
 */
@ApplicationScoped
public class BodySizeLimit {
    private static final String BODY = "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
            + "\"detail\":\"the request body is larger than %d bytes\"}";

    public static final long SINGLE_LIMIT = 1024 * 1024;

    void register(@Observes Filters filters,
                  @ConfigProperty(name = "quarkus.http.limits.max-body-size") io.quarkus.runtime.configuration.MemorySize max) {
        long batchLimit = max.asLongValue();
        filters.register(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long limit = rc.request().path().endsWith("/batch") ? batchLimit : SINGLE_LIMIT;
            if (length != null && parse(length) > limit) {
                rc.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(BODY.formatted(limit));
                return;
            }
            rc.next();
        }, 100);
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
