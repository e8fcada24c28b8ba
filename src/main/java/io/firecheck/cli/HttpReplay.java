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
import java.util.List;

/** Evaluates a fixture on a running service (dry run: nothing is stored there). */
final class HttpReplay {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper;
    private final URI endpoint;
    private final String token;

    /** token: a bearer token with the client role (--token or FIRECHECK_TOKEN); null sends none. */
    HttpReplay(ObjectMapper mapper, String baseUrl, String token) {
        this.mapper = mapper;
        this.token = token;
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/evaluations?dryRun=true");
    }

    Replay.Observed evaluate(Fixture fixture) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json");
            if (token != null && !token.isBlank()) {
                builder.header("Authorization", "Bearer " + token.strip());
            }
            HttpRequest request = builder
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
            return new Replay.Observed(r.path("classification").asText(), ids, r.path("determination").path("method").asText(),
                    counted, notAssessed, corrected, scope.path("category").asText(),
                    scope.path("highRiseClass").isNumber() ? scope.path("highRiseClass").asInt() : null,
                    scope.path("superHighRise").asBoolean(), scope.path("crowded").asBoolean(),
                    r.path("determination").path("exclusion").isNull() ? null : r.path("determination").path("exclusion").asText());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
