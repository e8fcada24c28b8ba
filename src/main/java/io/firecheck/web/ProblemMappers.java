package io.firecheck.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.firecheck.inspection.InvalidDocumentException;
import io.firecheck.inspection.Violation;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the service as problem+json; client mistakes name the JSON field. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidDocument(InvalidDocumentException e) {
        return Problems.invalid("Invalid inspection document", e.violations());
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class})
    public Response unreadableJson(JsonProcessingException e) {
        return Problems.invalid("Unreadable JSON", List.of(violation(e)));
    }

    @ServerExceptionMapper
    public Response forbiddenTransition(io.firecheck.orders.ForbiddenTransitionException e) {
        return Problems.response(409, "Conflict", e.getMessage());
    }

    @ServerExceptionMapper
    public Response orderNotFound(io.firecheck.orders.OrderNotFoundException e) {
        return Problems.response(404, "Not Found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response constraintViolation(jakarta.validation.ConstraintViolationException e) {
        return Problems.invalid("Invalid request", e.getConstraintViolations().stream()
                .map(v -> new Violation(io.firecheck.inspection.DocumentChecks.jsonPath(v.getPropertyPath(), 2), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Violation::field)).toList());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        return Problems.response(status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Problem problem = unexpectedProblem(e);
        Response response = Problems.response(problem);
        return problem.status() == 503 ? Response.fromResponse(response).header("Retry-After", RETRY_AFTER_SECONDS).build() : response;
    }

    static final String RETRY_AFTER_SECONDS = "5";

    /**
     * An error nobody expected, as a problem: 503 when the database is unreachable (retry later), 500
     * otherwise. Also used for one item of a batch, so that it fails alone.
     */
    public static Problem unexpectedProblem(RuntimeException e) {
        if (databaseUnavailable(e)) {
            LOG.warn("Database unavailable: " + e.getMessage());
            return new Problem("about:blank", "Service Unavailable", 503,
                    "the database cannot be reached; nothing was stored, retry later with the same inspection id", null, null);
        }
        LOG.error("Unexpected error", e);
        return new Problem("about:blank", "Internal Server Error", 500,
                "The request could not be completed; it has been logged.", null, null);
    }

    /**
     * Connection failures (SQLState class 08), shutdowns (57P), a query cancelled by its timeout (57014) and
     * a pool that could not hand out a connection in time are transient: the client should retry.
     */
    public static boolean databaseUnavailable(Throwable e) {
        return databaseUnavailable(e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /** Causes and suppressed exceptions too: a commit that loses the connection is reported as a suppressed XAException. */
    private static boolean databaseUnavailable(Throwable t, java.util.Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLTimeoutException
                || t instanceof java.sql.SQLException && String.valueOf(t.getMessage()).toLowerCase().contains("acquisition timeout")) {
            return true;
        }
        if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                && ("57014".equals(sql.getSQLState()) || sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (databaseUnavailable(s, seen)) {
                return true;
            }
        }
        return databaseUnavailable(t.getCause(), seen);
    }

    public static Violation violation(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return new Violation("$", "malformed JSON" + where + ": " + e.getOriginalMessage());
        }
        String path = path(mapping.getPath());
        if (String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
            return new Violation(path, "malformed JSON: the document ends before this value is complete");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new Violation(path, "unknown field `" + u.getPropertyName() + "` (check the spelling against inspection-document.md)");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return new Violation(path, "`" + f.getValue() + "` is not one of " + allowed);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new Violation(path, "must be " + describe(m.getTargetType()));
        }
        return new Violation(path, e.getOriginalMessage());
    }

    private static String describe(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a valid date such as 2026-11-20";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "$" : out.toString();
    }
}
