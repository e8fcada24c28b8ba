package io.firecheck.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles each DRL file as its own package, files in parallel, and keeps the packages of every file that
 * compiled without error, keyed by what was compiled (its name, which the rules carry as their source, and its
 * text). A reload that changes one file, or only thresholds.properties (read through the global {@code th}
 * when rules run, never compiled in), compiles only what changed. A cached package is never handed to a
 * KieBase itself: it is marked in use when cached, so each KieBase gets its own deep copy (Drools'
 * {@code deepCloneIfAlreadyInUse}), and two rule sets never share rule objects. With a {@link CompiledRulesCache}
 * (the command-line tool), a file missing from memory is read back from disk before it is compiled.
 */
final class DrlCompiler {
    /** The rules carry this prefix before their file name as their source path, as when built by a KieBuilder. */
    static final String SOURCE_ROOT = "src/main/resources/firecheck/";
    /** Twelve files in a few versions each; the oldest unused entries go first. */
    private static final int CACHE_ENTRIES = 96;

    private final ClassLoader classLoader = new KnownClasses(DrlCompiler.class.getClassLoader());
    /** Files compiled in an earlier run of the tool, or null (the service compiles in memory only). */
    private final CompiledRulesCache disk;
    private final Map<String, List<KiePackage>> cache = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<KiePackage>> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    /** A compiler error with its file and line (0 when the compiler gives none). */
    record Error(String file, int line, String text) {
    }

    /** One file's packages, or its errors; {@code cached} when nothing was compiled for it. */
    record FileResult(String file, List<KiePackage> packages, List<Error> errors, boolean cached) {
    }

    DrlCompiler(CompiledRulesCache disk) {
        this.disk = disk;
    }

    DrlCompiler() {
        this(null);
    }

    /** Every file, compiled or taken from the cache, in the order given. */
    List<FileResult> compile(Map<String, String> drl) {
        return Parallel.map(List.copyOf(drl.entrySet()), e -> compile(e.getKey(), e.getValue()));
    }

    FileResult compile(String file, String text) {
        String key = key(file, text);
        List<KiePackage> hit;
        synchronized (cache) {
            hit = cache.get(key);
        }
        if (hit != null) {
            return new FileResult(file, hit, List.of(), true);
        }
        // read fresh from disk, the packages are this call's own: the KieBase takes them without a copy
        List<KiePackage> stored = disk == null ? null : disk.packages(key, classLoader);
        if (stored != null) {
            return new FileResult(file, stored, List.of(), true);
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, classLoader));
        Resource resource = ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath(SOURCE_ROOT + file);
        resource.setResourceType(ResourceType.DRL);
        builder.add(resource, ResourceType.DRL);
        List<Error> errors = new ArrayList<>();
        for (KnowledgeBuilderResult r : builder.getErrors()) {
            errors.add(new Error(file, r.getLines() != null && r.getLines().length > 0 ? r.getLines()[0] : 0, r.getMessage()));
        }
        if (!errors.isEmpty()) {
            return new FileResult(file, List.of(), errors, false); // a broken file is never cached
        }
        List<KiePackage> packages = List.copyOf(builder.getKnowledgePackages());
        // marks each package in use, so that every KieBase built from it takes a copy and this one stays as compiled
        packages.forEach(p -> ((InternalKnowledgePackage) p).deepCloneIfAlreadyInUse(classLoader));
        synchronized (cache) {
            cache.put(key, packages);
        }
        return new FileResult(file, packages, List.of(), false);
    }

    /** Writes the files compiled in this run to the disk cache, once they made a valid rule set. */
    void store(Map<String, String> drl, List<FileResult> results) {
        if (disk != null) {
            results.stream().filter(r -> !r.cached() && r.errors().isEmpty())
                    .forEach(r -> disk.putPackages(key(r.file(), drl.get(r.file())), r.packages()));
        }
    }

    /** A new KieBase of these files' packages; each gets its own copy of every package. */
    KieBase kieBase(Collection<FileResult> files) {
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(null, classLoader));
        List<KiePackage> packages = new ArrayList<>();
        files.forEach(f -> packages.addAll(f.packages()));
        kieBase.addPackages(packages);
        return kieBase;
    }

    /**
     * Compiled one file at a time, a rule name used in two files is no compile error; but in one KieBase the
     * later rule would silently replace the earlier. Reported on each later declaration, as the compiler would.
     */
    static List<Error> duplicateRuleNames(Map<String, String> drl) {
        Map<String, String> firstFile = new LinkedHashMap<>();
        List<Error> out = new ArrayList<>();
        drl.forEach((file, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = RuleSetLoader.RULE_LINE.matcher(lines[i]);
                if (m.find() && firstFile.putIfAbsent(m.group(1), file) != null && !firstFile.get(m.group(1)).equals(file)) {
                    out.add(new Error(file, i + 1, "Duplicate rule name: " + m.group(1) + " (also in " + firstFile.get(m.group(1)) + ")"));
                }
            }
        });
        return out;
    }

    int cachedFiles() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private static String key(String file, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(file.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
