package io.firecheck.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rule files and passes of the absent-field probe kept on disk between runs of the command-line tool, so
 * that a run on unchanged rules neither compiles them again (Drools packages, serialized as Drools itself copies
 * them) nor probes them again. Everything is keyed by content: a file's entry by its name and text, a pass by
 * the set's behaviour key ({@link ProbeVerdicts}), all under a folder of the build ({@link BuildIdentity}), so an
 * edited rule, threshold or new build never meets an old entry.
 *
 * An entry is trusted only if its checksum matches and it reads back: a corrupt or unreadable one is deleted and
 * the file compiled again. Only what {@link RuleSetLoader} saw make a valid set is written, never a broken set.
 * Any failure to read or write the cache only costs the time it would have saved.
 */
public final class CompiledRulesCache implements ProbeVerdicts {
    private static final byte[] MAGIC = "firecheck-drl-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int SHA_BYTES = 32;
    /** Twelve files in many versions each; the oldest entries go first. */
    private static final int MAX_ENTRIES = 400;

    private final Path dir;

    /** {@code build} names what compiled the entries: a different one means different entries. */
    public CompiledRulesCache(Path root, String build) {
        this.dir = root.resolve(Sha256.hex(build.getBytes(StandardCharsets.UTF_8)).substring(0, 24));
    }

    /** The cache of the running build ({@link BuildIdentity}). */
    public static CompiledRulesCache forThisBuild(Path root) {
        return new CompiledRulesCache(root, BuildIdentity.ofThisBuild());
    }

    /** The packages stored under {@code key}, or null when there are none that can be trusted. */
    List<KiePackage> packages(String key, ClassLoader loader) {
        Path file = dir.resolve(key + ".pkg");
        byte[] payload = read(file);
        if (payload == null) {
            return null;
        }
        try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(payload), loader)) {
            List<KiePackage> packages = new ArrayList<>();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                packages.add((KiePackage) in.readObject());
            }
            return packages;
        } catch (Exception | LinkageError e) {
            delete(file);
            return null;
        }
    }

    void putPackages(String key, List<KiePackage> packages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeInt(packages.size());
            for (KiePackage p : packages) {
                out.writeObject(p);
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        write(dir.resolve(key + ".pkg"), bytes.toByteArray());
        prune();
    }

    @Override
    public boolean passed(String behaviourKey) {
        byte[] payload = read(mark(behaviourKey));
        return payload != null && Arrays.equals(payload, behaviourKey.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void recordPass(String behaviourKey, String version) {
        write(mark(behaviourKey), behaviourKey.getBytes(StandardCharsets.UTF_8));
    }

    private Path mark(String behaviourKey) {
        return dir.resolve(Sha256.hex(behaviourKey.getBytes(StandardCharsets.UTF_8)) + ".probed");
    }

    /** The payload if the file is whole (magic, checksum, payload); a damaged file is deleted. */
    private static byte[] read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
        int start = MAGIC.length + SHA_BYTES;
        if (all.length < start || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            delete(file);
            return null;
        }
        byte[] payload = Arrays.copyOfRange(all, start, all.length);
        if (!Arrays.equals(all, MAGIC.length, start, Sha256.of(payload), 0, SHA_BYTES)) {
            delete(file);
            return null;
        }
        return payload;
    }

    /** Written next to its place and moved there, so a reader never sees half a file. */
    private void write(Path file, byte[] payload) {
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "new-", ".tmp");
            try (var out = Files.newOutputStream(temp)) {
                out.write(MAGIC);
                out.write(Sha256.of(payload));
                out.write(payload);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written only costs time
        }
    }

    private void prune() {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.sorted(Comparator.comparingLong(CompiledRulesCache::modified).reversed()).toList();
            all.stream().skip(MAX_ENTRIES).forEach(CompiledRulesCache::delete);
        } catch (IOException | RuntimeException e) {
            // as above
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // read as missing next time too
        }
    }

}
