package io.firecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.replay.Fixture;
import io.firecheck.replay.Replay;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates fixtures on a running service (dry runs: nothing is stored there). */
final class HttpReplay {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper mapper;
    private final String base;
    private final String token;

    /** token: a bearer token with the client role (--token or FIRECHECK_TOKEN); null sends none. */
    HttpReplay(ObjectMapper mapper, String baseUrl, String token) {
        this.mapper = mapper;
        this.base = baseUrl.replaceAll("/+$", "");
        this.token = token;
    }

    /** The service's active rule set; the first call, so a wrong URL fails here with one line. */
    JsonNode ruleSet() {
        HttpResponse<String> response = send(request("/api/v1/rules").timeout(Duration.ofSeconds(10)).GET());
        if (response.statusCode() != 200) {
            throw new Replay.Aborted(base + "/api/v1/rules answered HTTP " + response.statusCode() + ": "
                    + response.body().replaceAll("\\s+", " "), null);
        }
        return read(response.body());
    }

    Replay.Observed evaluate(Fixture fixture) {
        HttpResponse<String> response;
        try {
            response = send(request("/api/v1/evaluations?dryRun=true").timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(fixture.document()))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e.getOriginalMessage(), e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        JsonNode r = read(response.body());
        List<String> ids = new ArrayList<>();
        List<String> corrected = new ArrayList<>();
        r.path("findings").forEach(f -> {
            ids.add(f.path("ruleId").asText());
            if (f.path("correctedOnSite").asBoolean()) {
                corrected.add(f.path("ruleId").asText());
            }
        });
        List<String> notAssessed = new ArrayList<>();
        r.path("notAssessed").forEach(n -> notAssessed.add(n.path("ruleId").asText()));
        List<String> counted = new ArrayList<>();
        JsonNode d = r.path("determination");
        d.path("countedElements").forEach(c -> counted.add(c.asText()));
        JsonNode scope = r.path("scope");
        Map<String, Fixture.Required> required = new LinkedHashMap<>();
        scope.path("requiredSystems").forEach(s -> required.put(s.path("system").asText(), new Fixture.Required(
                s.path("required").isBoolean() ? s.path("required").asBoolean() : null, s.path("source").asText())));
        Map<String, String> levels = new LinkedHashMap<>();
        Map<String, String> evidence = new LinkedHashMap<>();
        r.path("findings").forEach(f -> {
            levels.put(f.path("ruleId").asText(), f.path("level").asText());
            evidence.put(f.path("ruleId").asText(), f.path("evidence").asText());
        });
        Map<String, List<String>> missing = new LinkedHashMap<>();
        r.path("notAssessed").forEach(n -> missing.put(n.path("ruleId").asText(), texts(n.path("missing"))));
        return new Replay.Observed(r.path("classification").asText(), ids, d.path("method").asText(),
                counted, notAssessed, corrected, scope.path("category").asText(),
                scope.path("highRiseClass").isNumber() ? scope.path("highRiseClass").asInt() : null,
                scope.path("superHighRise").asBoolean(), scope.path("crowded").asBoolean(),
                d.path("exclusion").isTextual() ? d.path("exclusion").asText() : null,
                d.path("mayBeMajor").asBoolean(), texts(d.path("mayBeMajorIf")),
                d.path("basis").path("standard").asText(), d.path("basis").path("provisional").asBoolean(),
                required, levels, missing, evidence);
    }

    /** Every call to the service starts here (one place for headers). */
    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token.strip());
        }
        return builder;
    }

    /** A connection failure stops the whole replay: every later fixture would fail the same way. */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Replay.Aborted("服务不可达 cannot reach " + base + " (" + why(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Replay.Aborted("interrupted", e);
        }
    }

    private static String why(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private JsonNode read(String body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("the service answered something that is not JSON: " + e.getMessage(), e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
