package io.firecheck.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonColumnsTest {
    record Line(String file, int line) {
    }

    /** As strict as the service's own mapper, which rejects unknown fields in requests. */
    private final ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void aRowWrittenByAnOlderVersionWithAFieldSinceRemovedStillReads() {
        String stored = "{\"file\":\"shafts.drl\",\"line\":3,\"message\":\"removed since\"}";
        assertEquals(new Line("shafts.drl", 3), JsonColumns.read(strict, stored, Line.class));
        assertEquals(List.of(new Line("a.drl", 1)), JsonColumns.read(strict, "[{\"file\":\"a.drl\",\"line\":1,\"old\":true}]",
                new TypeReference<List<Line>>() { }));
        assertNull(JsonColumns.read(strict, null, new TypeReference<List<Line>>() { }));
    }
}
