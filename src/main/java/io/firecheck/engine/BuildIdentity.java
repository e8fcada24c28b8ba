package io.firecheck.engine;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.kie.api.KieBase;

/**
 * Names the build that compiles and checks rule sets: the JVM, the application's own classes by content, and
 * the library jars by file name (which carries the version) and size. Two processes started from one package
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
            MessageDigest sha = Sha256.digest();
            update(sha, "jvm " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version"));
            update(sha, "application " + application());
            for (String library : libraries()) {
                update(sha, "library " + library);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (IOException | RuntimeException e) {
            // a build that cannot be named shares nothing with another process
            return "unnamed:" + UUID.randomUUID();
        }
    }

    /** The content hash of the jar or classes folder this class was loaded from. */
    private static String application() throws IOException {
        Path p = codeSource(BuildIdentity.class);
        if (Files.isRegularFile(p)) {
            return Sha256.hex(Files.readAllBytes(p));
        }
        MessageDigest sha = Sha256.digest();
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                update(sha, p.relativize(f).toString());
                sha.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * "name size" of every jar in the folder that holds Drools' API, in name order: in the packaged application
     * (service and command-line tool alike) that is lib/main, every library by a name that carries its version.
     * Listing a folder costs milliseconds; asking the class loader for every jar would open all of them.
     */
    private static TreeSet<String> libraries() throws IOException {
        Path folder = codeSource(KieBase.class).getParent();
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> jars = Files.list(folder)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                out.add(jar.getFileName() + " " + Files.size(jar));
            }
        }
        return out;
    }

    private static Path codeSource(Class<?> type) throws IOException {
        var source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IOException("no code source for " + type.getName());
        }
        return Path.of(URI.create(source.getLocation().toString()));
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }
}
