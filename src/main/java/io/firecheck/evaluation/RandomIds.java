package io.firecheck.evaluation;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs from a generator per thread. UUID.randomUUID() draws from one SecureRandom shared by
 * the whole JVM (NativePRNG, one lock): on busy cores the thread holding it is descheduled and every stored
 * request waits behind it (JFR showed 80-110 ms waits per request under load).
 */
final class RandomIds {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    private RandomIds() {
    }

    static UUID next() {
        byte[] b = new byte[16];
        RANDOM.get().nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bits = ByteBuffer.wrap(b);
        return new UUID(bits.getLong(), bits.getLong());
    }
}
