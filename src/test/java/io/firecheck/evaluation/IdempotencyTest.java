package io.firecheck.evaluation;

import static io.firecheck.TestDocs.at;
import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An inspection id names one inspection of one building: a different document under it is a 409, never hidden. */
@QuarkusTest
class IdempotencyTest {

    static Response post(Object doc) {
        return given().contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations");
    }

    @Test
    void aDifferentDocumentUnderAUsedIdIs409NamingIdAndBuilding() {
        ObjectNode first = TestDocs.tower();
        String id = post(first).then().statusCode(201).extract().path("id");
        String inspectionId = first.get("inspection").get("id").asText();
        ObjectNode other = TestDocs.majorTower("B-OTHER-" + System.nanoTime());
        at(other, "inspection").put("id", inspectionId);
        post(other).then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", allOf(containsString(inspectionId), containsString(first.get("building").get("id").asText())));
        given().get("/api/v1/evaluations/" + id).then().body("buildingId", equalTo(first.get("building").get("id").asText()));
        given().get("/api/v1/supervision-orders?buildingId=" + other.get("building").get("id").asText())
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theSameDocumentWrittenDifferentlyGetsTheStoredResult() {
        ObjectNode doc = TestDocs.tower();
        doc.remove("management");
        String stored = post(doc).then().statusCode(201).extract().asString();
        // key order, spacing and null for an absent section do not make a different document
        ObjectNode reordered = TestDocs.MAPPER.createObjectNode();
        reordered.set("building", doc.get("building"));
        doc.fields().forEachRemaining(f -> reordered.set(f.getKey(), f.getValue()));
        reordered.putNull("management");
        given().contentType(ContentType.JSON).body("  " + json(reordered).replace(",", " ,\n ")).post("/api/v1/evaluations")
                .then().statusCode(200).body(equalTo(stored));
        ObjectNode changed = doc.deepCopy();
        changed.remove("eBikes");
        post(changed).then().statusCode(409);
    }

    @Test
    void aBatchItemWithAConflictingDocumentIsThatItemsProblem() {
        ObjectNode first = TestDocs.tower();
        ObjectNode clash = TestDocs.tower();
        at(clash, "inspection").put("id", first.get("inspection").get("id").asText());
        given().contentType(ContentType.JSON).body(json(List.of(first, clash, first)))
                .post("/api/v1/evaluations/batch").then().statusCode(200)
                .body("status", contains(201, 409, 200))
                .body("[1].problem.detail", containsString(first.get("building").get("id").asText()));
    }
}
