package io.firecheck.engine;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Names the build that compiles and checks rule sets: the JVM, the application's own classes by content, and
 * every library jar by file name (which carries its version) and size. Two processes started from one package
 * (two pods of one image, two copies of target/quarkus-app) have the same identity; a rebuilt application, a
 * changed library or another JVM has another, so nothing checked by one build is taken on trust by the other.
 */
public final class BuildIdentity {
    private static volatile String thisBuild;

    private BuildIdentity() {
    }

    /** "sha256:…" of this process's build, worked out once (it reads the application's classes). */
    public static String ofThisBuild() {
        String id = thisBuild;
        if (id == null) {
            id = compute();
            thisBuild = id;
        }
        return id;
    }

    private static String compute() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, "jvm " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version"));
            update(sha, "application " + application());
            for (String library : libraries()) {
                update(sha, "library " + library);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (IOException | RuntimeException e) {
            // a build that cannot be named shares nothing with another process
            return "unnamed:" + UUID.randomUUID();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content hash of the jar or classes folder this class was loaded from. */
    private static String application() throws IOException {
        var source = BuildIdentity.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IOException("no code source");
        }
        Path p = Path.of(URI.create(source.getLocation().toString()));
        if (Files.isRegularFile(p)) {
            return sha256(Files.readAllBytes(p));
        }
        MessageDigest sha = digest();
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                update(sha, p.relativize(f).toString());
                sha.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** "name size" of every jar the class loader sees (each has a manifest), in name order. */
    private static TreeSet<String> libraries() throws IOException {
        TreeSet<String> out = new TreeSet<>();
        ClassLoader loader = BuildIdentity.class.getClassLoader();
        Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            String url = manifests.nextElement().toString();
            int bang = url.indexOf("!/");
            if (url.startsWith("jar:") && bang > 0) {
                Path jar = Path.of(URI.create(url.substring("jar:".length(), bang)));
                out.add(jar.getFileName() + " " + (Files.isRegularFile(jar) ? Files.size(jar) : -1));
            }
        }
        return out;
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
