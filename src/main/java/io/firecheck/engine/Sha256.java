package io.firecheck.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** The one digest that names content here (rule sets, fixtures, cache entries), in lower-case hex. */
public final class Sha256 {
    private Sha256() {
    }

    public static byte[] of(byte[] bytes) {
        return digest().digest(bytes);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(of(bytes));
    }

    /**
     * Over each file's name and bytes, each followed by a zero byte, in the map's order: files that differ only in
     * where one ends and the next begins do not share a digest.
     */
    public static String ofFiles(Map<String, byte[]> files) {
        MessageDigest sha = digest();
        files.forEach((name, bytes) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
            sha.update((byte) 0);
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A fresh SHA-256 digest, for content hashed in parts ({@link BuildIdentity}). */
    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
