package io.firecheck.web;

import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Over-limit bodies are a 413 or 400 problem+json, whether sent with a Content-Length or chunked, and are
 * refused while they are read or parsed, before any document is built.
 */
@QuarkusTest
class BodyLimitsTest {
    static final String BATCH = "/api/v1/evaluations/batch";

    /** Posted both ways: with a Content-Length, and chunked (an InputStream body has no known length). */
    static ValidatableResponse[] postBothWays(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new ValidatableResponse[] {
            given().contentType(ContentType.JSON).body(bytes).post(path).then(),
            given().contentType(ContentType.JSON).body(new ByteArrayInputStream(bytes)).post(path).then()};
    }

    static void problem(String path, String body, int status, String detail) {
        for (ValidatableResponse r : postBothWays(path, body)) {
            r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                    .body(containsString(detail));
        }
    }

    @Test
    void aBatchOverItsSizeIs413() {
        // the 17 MB batch of empty objects
        problem(BATCH, "[" + "{},".repeat(17 * 1024 * 1024 / 3) + "{}]", 413, "larger than");
    }

    @Test
    void aBatchOfMoreThanAThousandItemsIs413BeforeAnyIsBuilt() {
        // small enough for the size limit; 1,001 items is one too many
        problem(BATCH, "[" + "{},".repeat(1000) + "{}]", 413, "at most 1000 documents");
        problem(BATCH, "[" + "{},".repeat(2_000_000) + "{}]", 413, "at most 1000 documents");
    }

    @Test
    void aThousandItemsAreAccepted() {
        given().contentType(ContentType.JSON).body("[" + "{},".repeat(999) + "{}]").post(BATCH).then().statusCode(200)
                .body("size()", equalTo(1000)).body("[999].status", equalTo(400));
    }

    @Test
    void deepNestingIs400WhileParsing() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        problem("/api/v1/evaluations", deep, 400, "nesting depth");
        problem(BATCH, deep, 400, "nesting depth");
        String deepInDocument = json(TestDocs.tower()).replaceFirst("\\{", "{\"x\":" + "[".repeat(40) + "]".repeat(40) + ",");
        problem("/api/v1/evaluations", deepInDocument, 400, "nesting depth");
    }

    @Test
    void aBatchItemOverTheDocumentSizeIsThatItemsProblem() {
        String big = json(TestDocs.tower()).replaceFirst("\\{", "{\"padding\":\"" + "x".repeat(1024 * 1024) + "\",");
        given().contentType(ContentType.JSON).body("[" + json(TestDocs.tower()) + "," + big + "]").post(BATCH).then()
                .statusCode(200).body("status", org.hamcrest.Matchers.contains(201, 413));
    }

    @Test
    void trailingContentAfterTheBatchIs400() {
        problem(BATCH, "[{}] [{}]", 400, "after the batch");
    }
}
