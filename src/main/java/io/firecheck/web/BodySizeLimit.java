package io.firecheck.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.config.FirecheckConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Reads every request body on the event loop, before any worker thread is involved: a slow client then
 * holds a connection, never one of the worker threads that health, reads and evaluations need. The body is
 * limited while it arrives (1 MiB for one document, the batch limit for /batch; declared length or not, the
 * answer is a 413 problem) and must be complete within the body timeout (else 408, connection closed).
 * The REST layer then reads the buffered body without blocking. Bodies held at once share a {@link BodyBudget}:
 * a request whose declared length does not fit is answered 503 with Retry-After before its body is read, and
 * one whose bytes stop fitting while they arrive is answered so at once. What a request took is given back
 * once it is answered; if its client leaves first, the request may still be evaluating with its body, so only
 * a body timeout later. HTTP/2 bodies are checked against the budget by their declared length, not counted.
 */
@ApplicationScoped
public class BodySizeLimit {
    private static final Logger LOG = Logger.getLogger(BodySizeLimit.class);
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    /** Seconds: the bodies held then are mostly answered (a batch of 1,000 takes about a second). */
    static final String BUSY_RETRY_AFTER = "2";

    private final FirecheckConfig.Http config;
    private final ObjectMapper mapper;
    private final BodyBudget budget;

    public BodySizeLimit(FirecheckConfig config, ObjectMapper mapper, BodyBudget budget) {
        this.config = config.http();
        this.mapper = mapper;
        this.budget = budget;
    }

    void register(@Observes Filters filters) {
        filters.register(this::read, 100);
    }

    private void read(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!WITH_BODY.contains(request.method()) || rc.body().buffer() != null) {
            rc.next();
            return;
        }
        long limit = request.path().endsWith("/batch") ? config.maxBatchSize().asLongValue() : config.maxDocumentSize().asLongValue();
        long declared = length(request);
        if (request.version() == HttpVersion.HTTP_2) {
            // an HTTP/2 request cannot be handed on once read (the REST layer pauses it, which Vert.x refuses);
            // its declared length is checked here and the REST layer buffers it on the event loop
            // (quarkus.rest.input-buffer-size), with Quarkus' own limit as the backstop for one sent without
            if (declared > limit) {
                answer(rc, 413, "Content Too Large", tooLarge(limit));
            } else if (declared > 0 && !budget.fits(declared)) {
                busy(rc);
            } else {
                rc.next();
            }
            return;
        }
        Held held = new Held();
        // the end handler runs when the answer is sent, or when the connection closes without one; only POST,
        // PUT and PATCH bodies are counted, and none of their endpoints streams (which would take the close handler)
        rc.addEndHandler(v -> {
            if (rc.response().ended() || !held.handedOn) {
                held.giveBack();
            } else {
                rc.vertx().setTimer(config.bodyTimeout().toMillis(), id -> held.giveBack());
            }
        });
        long deadline = rc.vertx().setTimer(config.bodyTimeout().toMillis(), id -> {
            if (!rc.response().ended()) {
                LOG.debugf("Body of %s %s not complete after %s", request.method(), request.path(), config.bodyTimeout());
                answer(rc, 408, "Request Timeout", "the request body did not arrive within " + config.bodyTimeout().toSeconds()
                        + " s; send it in one go, or split a large batch");
            }
            request.connection().close();
        });
        if (declared > limit) {
            answer(rc, 413, "Content Too Large", tooLarge(limit));
        } else if (declared > 0 && !budget.fits(declared)) {
            busy(rc);
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (rc.response().ended()) {
                return; // answered already: the rest is read and dropped, so the client gets to read the answer
            }
            if (body.length() + chunk.length() > limit) {
                answer(rc, 413, "Content Too Large", tooLarge(limit));
                return;
            }
            if (!held.take(chunk.length())) {
                busy(rc);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            rc.vertx().cancelTimer(deadline);
            if (rc.response().ended()) {
                request.connection().close();
            } else {
                rc.setBody(body);
                held.handedOn = true;
                rc.next();
            }
        });
        request.exceptionHandler(e -> rc.vertx().cancelTimer(deadline));
        request.resume();
    }

    /**
     * What one request took of the budget, given back once. {@code take} and {@code handedOn} are only written
     * on the request's event loop, before the body is handed on; volatile for the timer and end handler.
     */
    private final class Held {
        volatile long bytes;
        volatile boolean handedOn;
        private final AtomicBoolean given = new AtomicBoolean();

        boolean take(long more) {
            if (!budget.take(bytes, more)) {
                return false;
            }
            bytes += more;
            return true;
        }

        void giveBack() {
            if (given.compareAndSet(false, true)) {
                budget.give(bytes);
            }
        }
    }

    private void busy(RoutingContext rc) {
        budget.refused();
        rc.response().putHeader(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER);
        answer(rc, 503, "Service Unavailable", "the service holds as many request bodies as it may ("
                + budget.budget() + " bytes); nothing was stored: retry after " + BUSY_RETRY_AFTER + " s");
    }

    private static String tooLarge(long limit) {
        return "the request body is larger than " + limit + " bytes";
    }

    /** Answers at once; the connection closes when the body has been read and dropped, or at the deadline. */
    private void answer(RoutingContext rc, int status, String title, String detail) {
        String json;
        try {
            json = mapper.writeValueAsString(new Problem("about:blank", title, status, detail, null, null));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (rc.request().version() != HttpVersion.HTTP_2) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close"); // HTTP/2 has no such header
        }
        rc.response().end(json);
    }

    /** The declared Content-Length; -1 when there is none (chunked) or it is not a number. */
    private static long length(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
