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

/** Evaluates a fixture on a running service (dry run: nothing is stored there). */
final class HttpReplay {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper;
    private final URI endpoint;

    HttpReplay(ObjectMapper mapper, String baseUrl) {
        this.mapper = mapper;
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/evaluations?dryRun=true");
    }

    Replay.Observed evaluate(Fixture fixture) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(fixture.document()))).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            JsonNode r = mapper.readTree(response.body());
            JsonNode findings = r.path("findings");
            List<String> ids = new ArrayList<>();
            List<String> corrected = new ArrayList<>();
            findings.forEach(f -> {
                ids.add(f.path("ruleId").asText());
                if (f.path("correctedOnSite").asBoolean()) {
                    corrected.add(f.path("ruleId").asText());
                }
            });
            List<String> notAssessed = new ArrayList<>();
            r.path("notAssessed").forEach(n -> notAssessed.add(n.path("ruleId").asText()));
            List<String> counted = new ArrayList<>();
            r.path("determination").path("countedElements").forEach(c -> counted.add(c.asText()));
            JsonNode scope = r.path("scope");
            JsonNode d = r.path("determination");
            Map<String, Fixture.Required> required = new LinkedHashMap<>();
            scope.path("requiredSystems").forEach(s -> required.put(s.path("system").asText(), new Fixture.Required(
                    s.path("required").isBoolean() ? s.path("required").asBoolean() : null, s.path("source").asText())));
            Map<String, String> levels = new LinkedHashMap<>();
            Map<String, String> evidence = new LinkedHashMap<>();
            findings.forEach(f -> {
                levels.put(f.path("ruleId").asText(), f.path("level").asText());
                evidence.put(f.path("ruleId").asText(), f.path("evidence").asText());
            });
            Map<String, List<String>> missing = new LinkedHashMap<>();
            r.path("notAssessed").forEach(n -> missing.put(n.path("ruleId").asText(), texts(n.path("missing"))));
            return new Replay.Observed(r.path("classification").asText(), ids, d.path("method").asText(),
                    counted, notAssessed, corrected, scope.path("category").asText(),
                    scope.path("highRiseClass").isNumber() ? scope.path("highRiseClass").asInt() : null,
                    scope.path("superHighRise").asBoolean(), scope.path("crowded").asBoolean(),
                    d.path("exclusion").isNull() ? null : d.path("exclusion").asText(),
                    d.path("mayBeMajor").asBoolean(), texts(d.path("mayBeMajorIf")),
                    d.path("basis").path("standard").asText(), d.path("basis").path("provisional").asBoolean(),
                    required, levels, missing, evidence);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
