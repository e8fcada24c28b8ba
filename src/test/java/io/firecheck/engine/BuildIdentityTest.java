package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BuildIdentityTest {
    /** Named from its parts (not the random name of a build that cannot be read, which shares nothing), once. */
    @Test
    void theBuildIsNamedByItsContent() {
        String build = BuildIdentity.ofThisBuild();
        assertTrue(build.matches("sha256:[0-9a-f]{64}"), build);
        assertEquals(build, BuildIdentity.ofThisBuild());
    }
}
