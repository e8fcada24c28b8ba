package io.firecheck.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTokensTest {
    @TempDir
    Path temp;

    @Test
    void theKeyIsCreatedOnceReadableByItsOwnerOnly() throws Exception {
        Path key = temp.resolve("nested/signing-key.pem");
        var first = LocalKey.loadOrCreate(key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
        assertEquals(first.getPublic(), LocalKey.loadOrCreate(key).getPublic(), "a second start reuses the key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        LocalKey.loadOrCreate(key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)), "loosened permissions are tightened");
        String pub = Files.readString(LocalKey.publicKeyPath(key));
        assertEquals(true, pub.startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    void onlyTheFiveRolesAndASensibleLifetime() {
        Path key = temp.resolve("k.pem");
        assertThrows(IllegalArgumentException.class, () -> LocalTokens.sign(key, "x", List.of("admin"), null, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> LocalTokens.sign(key, "x", List.of(), null, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> LocalTokens.sign(key, "x", List.of(Roles.OFFICER), null, Duration.ofDays(31)));
        assertEquals(Duration.ofHours(12), LocalTokens.parseTtl("12h"));
        assertEquals(Duration.ofMinutes(30), LocalTokens.parseTtl("30m"));
        assertThrows(IllegalArgumentException.class, () -> LocalTokens.parseTtl("12 hours"));
    }
}
