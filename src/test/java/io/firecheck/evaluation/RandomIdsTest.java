package io.firecheck.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomIdsTest {
    @Test
    void idsAreRandomVersion4UuidsUniqueAcrossThreads() {
        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20_000).parallel().forEach(i -> {
            UUID id = RandomIds.next();
            assertEquals(4, id.version());
            assertEquals(2, id.variant());
            ids.add(id);
        });
        assertEquals(20_000, ids.size());
    }
}
