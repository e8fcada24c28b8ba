package io.firecheck.orders;

import static io.firecheck.TestDocs.at;
import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.firecheck.security.Roles;
import io.firecheck.security.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SupervisionOrderTest {
    static final String ORDERS = "/api/v1/supervision-orders";

    @Inject
    OrderService orderService;
    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;

    static String newBuilding() {
        return "SO-" + UUID.randomUUID().toString().substring(0, 12);
    }

    static Response evaluate(ObjectNode doc) {
        return given().contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations");
    }

    static String openOrder(String building) {
        Response r = evaluate(TestDocs.majorTower(building));
        r.then().statusCode(201).body("classification", equalTo("MAJOR_HAZARD"));
        return r.path("supervisionOrder.id");
    }

    /** The actor is the token's name: a supervisor (who may also close) called {@code actor}. */
    static Response move(String orderId, String to, String actor) {
        return TestTokens.as(actor, null, Roles.SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("to", to, "note", "note for " + to))
                .post(ORDERS + "/" + orderId + "/transitions");
    }

    static void recordMeasures(String orderId) {
        TestTokens.as("owner-li", null, Roles.OFFICER).contentType(ContentType.JSON)
                .body(Map.of("responsibleUnit", "某物业公司", "responsiblePerson", "李四", "rectificationPlan", "增设喷淋系统",
                        "measures", "委托设计施工", "funding", "维修基金 120 万元", "interimSafetyMeasures", "增加巡查、配备灭火器"))
                .put(ORDERS + "/" + orderId + "/measures").then().statusCode(200).body("measuresMissing.size()", equalTo(0));
    }

    @Test
    void aMajorHazardOpensAnOrderWithDueDateAndHazards() {
        String building = newBuilding();
        Response r = evaluate(TestDocs.majorTower(building));
        String today90 = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(90).toString();
        r.then().statusCode(201)
                .body("supervisionOrder.number", matchesPattern("DB-\\d{4}-\\d{6}"))
                .body("supervisionOrder.status", equalTo("OPEN"))
                .body("supervisionOrder.dueDate", equalTo(today90));
        String id = r.path("supervisionOrder.id");
        given().get(ORDERS + "/" + id).then().statusCode(200)
                .body("buildingId", equalTo(building))
                .body("jurisdiction", equalTo("天河区·沙河街道"))
                .body("status", equalTo("OPEN"))
                .body("overdue", equalTo(false))
                .body("hazards.ruleId", contains("SYS-REQUIRED-MISSING"))
                .body("hazards[0].evidence", containsString("未设置自动喷水灭火系统"))
                .body("determination.method", equalTo("DIRECT"))
                .body("measuresMissing", hasItem("rectificationPlan"))
                .body("evaluations.role", contains("OPENED"))
                .body("evaluations[0].evaluationId", equalTo(r.path("id")))
                .body("history.kind", contains("OPENED"));
        // the stored evaluation carries the order reference too
        given().get("/api/v1/evaluations/" + r.path("id")).then().body("supervisionOrder.id", equalTo(id));
    }

    @Test
    void anOrderCanBeDrivenToClosedWithItsHistory() {
        String id = openOrder(newBuilding());
        recordMeasures(id);
        move(id, "RECTIFYING", "张三").then().statusCode(200).body("status", equalTo("RECTIFYING"));
        move(id, "PENDING_ACCEPTANCE", "张三").then().statusCode(200);
        move(id, "CLOSED", "王五（大队长）").then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedAt", notNullValue());
        given().get(ORDERS + "/" + id).then()
                .body("history.kind", contains("OPENED", "MEASURES_RECORDED", "TRANSITION", "TRANSITION", "TRANSITION"))
                .body("history.findAll { it.kind == 'TRANSITION' }.to", contains("RECTIFYING", "PENDING_ACCEPTANCE", "CLOSED"))
                .body("history.findAll { it.kind == 'TRANSITION' }.by", contains("张三", "张三", "王五（大队长）"))
                .body("history[4].note", equalTo("note for CLOSED"))
                .body("history[4].at", notNullValue());
    }

    @Test
    void forbiddenTransitionsAre409() {
        String id = openOrder(newBuilding());
        move(id, "CLOSED", "x").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("may only move to RECTIFYING"));
        move(id, "PENDING_ACCEPTANCE", "x").then().statusCode(409);
        move(id, "OPEN", "x").then().statusCode(409);
        // the owner's written measures come before rectification starts
        move(id, "RECTIFYING", "x").then().statusCode(409).body("detail", containsString("rectificationPlan"));
        recordMeasures(id);
        move(id, "RECTIFYING", "x").then().statusCode(200);
        move(id, "RECTIFYING", "x").then().statusCode(409);
        move(id, "CLOSED", "x").then().statusCode(409);
        move(id, "PENDING_ACCEPTANCE", "x").then().statusCode(200);
        move(id, "RECTIFYING", "x").then().statusCode(409);
        move(id, "CLOSED", "x").then().statusCode(200);
        for (String to : List.of("OPEN", "RECTIFYING", "PENDING_ACCEPTANCE", "CLOSED")) {
            move(id, to, "x").then().statusCode(409);
        }
        given().get(ORDERS + "/" + id).then().body("status", equalTo("CLOSED"));
    }

    @Test
    void transitionsNeedAValidStatusAndAKnownOrderAndTakeNoActorFromTheBody() {
        String id = openOrder(newBuilding());
        given().contentType(ContentType.JSON).body(Map.of("to", "RECTIFYING", "by", "someone else"))
                .post(ORDERS + "/" + id + "/transitions")
                .then().statusCode(400).body("violations.field", contains("by"))
                .body("violations[0].message", containsString("unknown field"));
        given().contentType(ContentType.JSON).body(Map.of("to", "RECTIFYING"))
                .post(ORDERS + "/" + id + "/transitions").then().statusCode(409).body("detail", containsString("measures"));
        given().contentType(ContentType.JSON).body(Map.of("to", "DONE")).post(ORDERS + "/" + id + "/transitions")
                .then().statusCode(400).body("violations.field", contains("to"));
        given().contentType(ContentType.JSON).body(Map.of("note", "n")).post(ORDERS + "/" + id + "/transitions")
                .then().statusCode(400).body("violations.field", contains("to"));
        given().contentType(ContentType.JSON).body(Map.of("responsiblePerson", "李".repeat(201)))
                .put(ORDERS + "/" + id + "/measures").then().statusCode(400)
                .body("violations.field", contains("responsiblePerson"));
        move(UUID.randomUUID().toString(), "RECTIFYING", "x").then().statusCode(404).contentType("application/problem+json");
        move("nope", "RECTIFYING", "x").then().statusCode(404);
        given().get(ORDERS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aLaterMajorEvaluationUpdatesTheSameOrderAndKeepsHistory() {
        String building = newBuilding();
        String id = openOrder(building);
        ObjectNode again = TestDocs.majorTower(building);
        at(again, "evacuation").put("routesOrExitsBlocked", true);
        evaluate(again).then().statusCode(201).body("supervisionOrder.id", equalTo(id));
        given().get(ORDERS + "/" + id).then()
                .body("hazards.ruleId", contains("SYS-REQUIRED-MISSING", "EVAC-BLOCKED"))
                .body("hazardHistory.size()", equalTo(2))
                .body("hazardHistory[0].hazards.ruleId", contains("SYS-REQUIRED-MISSING"))
                .body("evaluations.role", contains("OPENED", "UPDATED"));
        given().queryParam("buildingId", building).get(ORDERS).then().body("total", equalTo(1));
    }

    @Test
    void aReinspectionThatIsNoLongerMajorAwaitsAcceptance() {
        String building = newBuilding();
        String id = openOrder(building);
        Response re = evaluate(TestDocs.tower(building));
        re.then().statusCode(201).body("classification", equalTo("COMPLIANT"))
                .body("supervisionOrder.id", equalTo(id))
                .body("supervisionOrder.status", equalTo("PENDING_ACCEPTANCE"));
        given().get(ORDERS + "/" + id).then().body("status", equalTo("PENDING_ACCEPTANCE"))
                .body("evaluations.role", contains("OPENED", "RE_INSPECTION"))
                .body("evaluations[1].evaluationId", equalTo(re.path("id")))
                .body("history[1].by", equalTo("system"))
                .body("history[1].to", equalTo("PENDING_ACCEPTANCE"))
                // what the system writes is Chinese for staff, with the English beside it for clients
                .body("history[0].note", containsString("判定为重大火灾隐患（直接判定）"))
                .body("history[0].noteEn", containsString("determined a major fire hazard (DIRECT)"))
                .body("history[1].note", containsString("结论为未发现火灾隐患，待督办单位验收销案"))
                .body("history[1].noteEn", containsString("classified COMPLIANT; awaiting acceptance"))
                .body("determination.method", equalTo("DIRECT"))
                .body("determination.thresholdRuleZh", containsString("任意"));
        // only a person closes it
        move(id, "CLOSED", "验收人 赵六").then().statusCode(200)
                .body("history[2].note", equalTo("note for CLOSED")).body("history[2].noteEn", nullValue());
        // after closing, a new major hazard opens a new order
        String second = openOrder(building);
        assertTrue(!second.equals(id));
        given().queryParam("buildingId", building).get(ORDERS).then().body("total", equalTo(2));
    }

    @Test
    void aMajorHazardFoundAgainWhileAwaitingAcceptanceReturnsTheOrderToRectifying() {
        String building = newBuilding();
        String id = openOrder(building);
        ObjectNode fixed = TestDocs.tower(building);
        at(fixed, "inspection").put("date", "2026-11-21");
        evaluate(fixed).then().body("supervisionOrder.status", equalTo("PENDING_ACCEPTANCE"));
        ObjectNode again = TestDocs.majorTower(building);
        at(again, "inspection").put("date", "2026-11-22");
        at(again, "evacuation").put("exitsProvided", 3);
        evaluate(again).then().body("supervisionOrder.id", equalTo(id)).body("supervisionOrder.status", equalTo("RECTIFYING"));
        given().get(ORDERS + "/" + id).then()
                .body("hazards.ruleId", contains("EVAC-EXITS-SHORT", "SYS-REQUIRED-MISSING"))
                .body("history.findAll { it.kind == 'TRANSITION' }.to", contains("PENDING_ACCEPTANCE", "RECTIFYING"))
                .body("evaluations.role", contains("OPENED", "RE_INSPECTION", "UPDATED"));
    }

    @Test
    void aLateReportOfAnOlderInspectionDoesNotMoveTheOrder() {
        String building = newBuilding();
        String id = openOrder(building);
        ObjectNode older = TestDocs.tower(building);
        at(older, "inspection").put("date", "2026-10-01");
        evaluate(older).then().statusCode(201).body("supervisionOrder.status", equalTo("OPEN"));
        given().get(ORDERS + "/" + id).then().body("status", equalTo("OPEN"))
                .body("evaluations.role", contains("OPENED", "LATE_REPORT"));
    }

    @Test
    void concurrentMajorEvaluationsOfOneBuildingShareOneOrder() throws Exception {
        String building = newBuilding();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Response> responses = new ArrayList<>();
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String body = json(TestDocs.majorTower(building));
                calls.add(() -> given().contentType(ContentType.JSON).body(body).post("/api/v1/evaluations"));
            }
            for (Future<Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        responses.forEach(r -> assertEquals(201, r.statusCode(), r.asString()));
        assertEquals(1, responses.stream().map(r -> (String) r.path("supervisionOrder.id")).distinct().count());
        given().queryParam("buildingId", building).get(ORDERS).then().body("total", equalTo(1));
        String id = responses.get(0).path("supervisionOrder.id");
        given().get(ORDERS + "/" + id).then().body("evaluations.size()", equalTo(12));
    }

    @Test
    void overdueOrdersAreEscalatedExactlyOnce() {
        String id = openOrder(newBuilding());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE supervision_order SET due_date = CURRENT_DATE - 3 WHERE id = :id")
                .setParameter("id", UUID.fromString(id)).executeUpdate());
        List<UUID> first = orderService.escalateOverdue();
        assertTrue(first.contains(UUID.fromString(id)));
        assertTrue(!orderService.escalateOverdue().contains(UUID.fromString(id)), "escalated twice");
        given().get(ORDERS + "/" + id).then().body("overdue", equalTo(true)).body("escalatedAt", notNullValue())
                .body("history.kind", contains("OPENED", "ESCALATED"))
                .body("history[1].note", equalTo("已过整改期限仍未销案，升级至督办单位"))
                .body("history[1].noteEn", containsString("escalated to the supervising office"));
        given().queryParam("overdue", "true").queryParam("size", 200).get(ORDERS).then()
                .body("items.id", hasItem(id)).body("items.overdue", everyItem(equalTo(true)));
        given().queryParam("overdue", "false").queryParam("size", 200).get(ORDERS).then()
                .body("items.id", not(hasItem(id)));
    }

    /** Another instance holds the escalation lock: this one skips its pass instead of escalating too. */
    @Test
    void escalationSkipsWhileAnotherInstanceHoldsTheLock() throws Exception {
        String id = openOrder(newBuilding());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE supervision_order SET due_date = CURRENT_DATE - 1 WHERE id = :id")
                .setParameter("id", UUID.fromString(id)).executeUpdate());
        try (Connection other = dataSource.getConnection(); Statement st = other.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + OrderService.ESCALATION_LOCK + ")");
            assertEquals(List.of(), orderService.escalateOverdue());
            st.execute("SELECT pg_advisory_unlock(" + OrderService.ESCALATION_LOCK + ")");
        }
        assertTrue(orderService.escalateOverdue().contains(UUID.fromString(id)));
    }

    @Test
    void listingFiltersAndPages() {
        String building = newBuilding();
        String id = openOrder(building);
        given().queryParam("status", "OPEN").queryParam("buildingId", building).get(ORDERS).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id))
                .body("items[0].hazardRuleIds", contains("SYS-REQUIRED-MISSING"))
                .body("items[0].escalatedAt", nullValue());
        given().queryParam("status", "CLOSED").queryParam("buildingId", building).get(ORDERS).then().body("total", equalTo(0));
        given().queryParam("jurisdiction", "天河区·沙河街道").queryParam("size", 1).get(ORDERS).then()
                .body("items.size()", equalTo(1)).body("size", equalTo(1));
        given().queryParam("jurisdiction", "nowhere").get(ORDERS).then().body("total", equalTo(0));
        given().queryParam("status", "FINISHED").get(ORDERS).then().statusCode(400).body("violations.field", contains("status"));
        given().queryParam("overdue", "maybe").get(ORDERS).then().statusCode(400).body("violations.field", contains("overdue"));
    }
}
