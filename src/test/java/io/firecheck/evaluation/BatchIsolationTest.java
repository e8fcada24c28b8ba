package io.firecheck.evaluation;

import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** One item that fails unexpectedly is that item's problem; the items before and after it are still stored. */
@QuarkusTest
class BatchIsolationTest {

    /** A real database fault for one building: a trigger that refuses its row. */
    static void sql(String statement) throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String schema = ConfigProvider.getConfig().getValue("firecheck.database.schema", String.class);
        try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema); // the URL need not name the schema
            s.execute(statement);
        }
    }

    @Test
    void anUnexpectedErrorInOneItemLeavesTheOthersStored() throws Exception {
        String doomed = "BOOM-" + System.nanoTime();
        sql("""
                CREATE OR REPLACE FUNCTION refuse_doomed() RETURNS trigger AS $$
                BEGIN
                  IF NEW.building_id LIKE 'BOOM-%' THEN RAISE EXCEPTION 'refused by test trigger'; END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""");
        sql("CREATE TRIGGER refuse_doomed BEFORE INSERT ON evaluation FOR EACH ROW EXECUTE FUNCTION refuse_doomed()");
        try {
            ObjectNode first = TestDocs.tower();
            ObjectNode bad = TestDocs.tower(doomed);
            ObjectNode absentDoors = TestDocs.tower();
            ((ObjectNode) absentDoors.get("evacuation")).remove("stairwellFireDoors");
            ObjectNode nullLighting = TestDocs.tower();
            ((ObjectNode) nullLighting.get("evacuation")).putNull("emergencyLightingAndSigns");
            String ids = given().contentType(ContentType.JSON).body(json(List.of(first, bad, absentDoors, nullLighting)))
                    .post("/api/v1/evaluations/batch").then().statusCode(200)
                    .body("status", contains(201, 500, 201, 201))
                    .body("[1].problem.status", equalTo(500))
                    .body("[2].result.notAssessed.ruleId", org.hamcrest.Matchers.hasItem("EVAC-DOORS-DAMAGED"))
                    .body("[3].result.notAssessed.ruleId", org.hamcrest.Matchers.hasItem("EVAC-LIGHTING-DAMAGED"))
                    .extract().path("location").toString();
            for (ObjectNode stored : List.of(first, absentDoors, nullLighting)) {
                String building = stored.get("building").get("id").asText();
                given().get("/api/v1/buildings/" + building + "/evaluations").then().statusCode(200).body("total", equalTo(1));
            }
            given().get("/api/v1/buildings/" + doomed + "/evaluations").then().statusCode(200).body("total", equalTo(0));
        } finally {
            sql("DROP TRIGGER IF EXISTS refuse_doomed ON evaluation");
        }
    }
}
