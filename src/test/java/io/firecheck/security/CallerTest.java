package io.firecheck.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {
    final Caller tianhe = new Caller("officer-1", Set.of(Roles.OFFICER), "天河区");

    @Test
    void aJurisdictionCoversItselfAndItsSubDistrictsOnly() {
        assertTrue(tianhe.covers("天河区"));
        assertTrue(tianhe.covers("天河区·沙河街道"));
        assertFalse(tianhe.covers("天河区外"), "a longer name is another district, not a sub-district");
        assertFalse(tianhe.covers("越秀区·天河区"));
        assertFalse(tianhe.covers(null));
    }

    @Test
    void noJurisdictionIsCityWide() {
        Caller city = new Caller("chief", Set.of(Roles.SUPERVISOR), null);
        assertTrue(city.cityWide());
        assertTrue(city.covers("越秀区·北京街道"));
    }

    @Test
    void likeWildcardsInAJurisdictionAreLiteral() {
        assertEquals("50!%!_a!!b·%", io.firecheck.persistence.Jurisdictions.parameters("scope", "50%_a!b").get("scopeSubAreas"));
    }
}
