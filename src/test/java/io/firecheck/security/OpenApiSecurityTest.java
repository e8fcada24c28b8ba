package io.firecheck.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document declares the bearer scheme, and every operation says which roles may call it. */
@QuarkusTest
class OpenApiSecurityTest {
    @Test
    void everyApiOperationNamesItsRoles() {
        JsonPath doc = TestTokens.anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertEquals("bearer", doc.getString("components.securitySchemes.bearer.scheme"));
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                @SuppressWarnings("unchecked")
                List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) op.getValue().get("security");
                String where = op.getKey() + " " + path.getKey();
                assertTrue(security != null && !security.isEmpty(), where + " declares no security");
                List<String> roles = security.get(0).get("bearer");
                assertFalse(roles == null || roles.isEmpty(), where + " names no role");
                assertTrue(Roles.ALL.containsAll(roles), where + ": " + roles);
                operations++;
            }
        }
        assertTrue(operations >= 14, "operations found: " + operations);
        assertEquals(List.of(Roles.AUDITOR), doc.getList("paths.'/api/v1/audit'.get.security[0].bearer"));
    }
}
