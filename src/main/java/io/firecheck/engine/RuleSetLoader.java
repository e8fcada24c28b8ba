package io.firecheck.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * Compiles a rules folder into a {@link RuleSet}, or reports every problem with file and line. One loader keeps
 * the compiled packages of the files it has seen ({@link DrlCompiler}), so keep one per service or tool run.
 */
public final class RuleSetLoader {
    private static final Logger LOG = Logger.getLogger(RuleSetLoader.class);
    private static final Pattern THRESHOLD_USE = Pattern.compile("\\bth\\.(num|count|list|text|date)\\(\\s*\"([^\"]*)\"\\s*\\)");
    static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");

    private final Clock clock;
    private final DrlCompiler compiler;
    private final CompiledRulesCache disk;
    private final ProbeVerdicts verdicts;
    /** The KieBase of the last set this loader made, with its rule files and sessions; null before the first. */
    private volatile Built last;

    /** {@code packages}: those whose rules carry the set's metadata (newer than the KieBase's after a wording change). */
    private record Built(Map<String, String> drl, KieBase kieBase, SessionPool sessions, Collection<KiePackage> packages) {
    }

    /** Probe passes kept in this loader's memory. */
    public RuleSetLoader(Clock clock) {
        this(clock, null, new MemoryProbeVerdicts());
    }

    public RuleSetLoader() {
        this(Clock.systemUTC());
    }

    /** Compiled files and probe passes kept on disk between runs (the command-line tool). */
    public RuleSetLoader(Clock clock, CompiledRulesCache disk) {
        this(clock, disk, disk);
    }

    /** Probe passes kept in {@code verdicts} (the service: shared by the cluster's instances of one build). */
    public RuleSetLoader(Clock clock, ProbeVerdicts verdicts) {
        this(clock, null, verdicts);
    }

    private RuleSetLoader(Clock clock, CompiledRulesCache disk, ProbeVerdicts verdicts) {
        this.clock = clock;
        this.disk = disk;
        this.verdicts = verdicts;
        this.compiler = new DrlCompiler(disk);
    }

    public RuleSet load(Path dir) throws RuleSetInvalidException {
        if (!Files.isDirectory(dir)) {
            throw new RuleSetInvalidException(List.of(new RuleProblem(dir.toString(), 0, "the rules folder does not exist")));
        }
        return load(readFiles(dir), dir.toAbsolutePath().normalize().toString());
    }

    /** Compiles files given by relative name (as a rules folder or the database holds them); origin says where from. */
    public RuleSet load(Map<String, String> files, String origin) throws RuleSetInvalidException {
        List<RuleProblem> problems = new ArrayList<>();
        String thresholdText = files.get(Thresholds.FILE);
        if (thresholdText == null) {
            problems.add(new RuleProblem(Thresholds.FILE, 0, "missing: the rules folder must hold " + Thresholds.FILE));
            thresholdText = "";
        }
        Thresholds thresholds = Thresholds.parse(thresholdText, problems);
        checkThresholdUses(files, thresholds, problems);
        if (files.keySet().stream().noneMatch(f -> f.endsWith(".drl"))) {
            problems.add(new RuleProblem(".", 0, "no .drl file in the rules folder"));
        }
        // every kind of check runs, whatever an earlier one found: an officer sees all problems in one go
        Compiled compiled = compile(files, problems);
        long metadataStarted = System.nanoTime();
        Map<String, RuleInfo> catalogue = compiled.kieBase() == null ? Map.of()
                : Metadata.read(compiled.packages(), files, thresholds, problems);
        long probeStarted = System.nanoTime();
        if (!problems.isEmpty() || compiled.broken()) {
            throw new RuleSetInvalidException(CompileMessages.forOfficers(sorted(problems),
                    new CompileMessages.Names(thresholds.asMap().keySet())));
        }
        Built built = compiled.reused() != null ? compiled.reused()
                : new Built(compiled.drl(), compiled.kieBase(), SessionPool.forMachine(compiled.kieBase()), compiled.packages());
        RuleSet set = new RuleSet(version(files), clock.instant(), origin, List.copyOf(files.keySet()), catalogue, thresholds,
                compiled.kieBase(), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files)),
                RuleSet.Prepared.of(catalogue, compiled.kieBase(), built.sessions()));
        // skipped when a set of the same behaviour passed on this build: this set before, or one that differs only
        // in display text (a wording fix), here or, with a shared store, on another instance of the build
        String behaviour = AbsentFieldProbe.behaviourKey(files);
        boolean probe = !verdicts.passed(behaviour);
        if (probe) {
            problems.addAll(AbsentFieldProbe.check(set, files));
            if (problems.isEmpty()) {
                verdicts.recordPass(behaviour, set.version());
            }
        }
        LOG.debugf("Rule set %s: metadata read in %d ms, absent-field probe %s in %d ms", set.version(),
                (probeStarted - metadataStarted) / 1_000_000, probe ? "run" : "passed already",
                (System.nanoTime() - probeStarted) / 1_000_000);
        if (!problems.isEmpty()) {
            throw new RuleSetInvalidException(problems);
        }
        if (disk != null) {
            compiler.store(compiled.drl(), compiled.results());
        }
        last = built;
        return set;
    }

    /** The files a rule set is made of (*.drl and thresholds.properties), by relative name in name order. */
    public static Map<String, String> readFiles(Path dir) {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith(".drl") || rel.equals(Thresholds.FILE)) {
                    files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules folder " + dir, e);
        }
        return files;
    }

    /** What the absent-field probe's verdict depends on in these files ({@link ProbeVerdicts}). */
    public static String behaviourKey(Map<String, String> files) {
        return AbsentFieldProbe.behaviourKey(files);
    }

    /** sha256 over each file's relative name and content, in name order: the version a rule set of these files has. */
    public static String version(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return "sha256:" + Sha256.ofFiles(bytes);
    }

    private static void checkThresholdUses(Map<String, String> files, Thresholds th, List<RuleProblem> problems) {
        files.forEach((file, text) -> {
            if (!file.endsWith(".drl")) {
                return;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = THRESHOLD_USE.matcher(lines[i]);
                while (m.find()) {
                    String problem = th.kindProblem(m.group(2), m.group(1));
                    if (problem != null) {
                        problems.add(new RuleProblem(file, i + 1, problem));
                    }
                }
            }
        });
        DataChecks.problems(th).forEach(p -> problems.add(new RuleProblem(Thresholds.FILE, 0, p + " (the determination needs it)")));
    }

    /**
     * A KieBase of the files that compile; {@code broken} when some did not (their problems are reported);
     * {@code reused}: the last set's, when this is its KieBase; {@code packages}: those whose rules carry this
     * set's metadata (the KieBase's own, unless it was taken over from a set that differs only in wording).
     */
    private record Compiled(KieBase kieBase, boolean broken, Map<String, String> drl, List<DrlCompiler.FileResult> results,
                            Built reused, Collection<KiePackage> packages) {
        Compiled(KieBase kieBase, boolean broken, Map<String, String> drl, List<DrlCompiler.FileResult> results) {
            this(kieBase, broken, drl, results, null, kieBase == null ? List.of() : kieBase.getKiePackages());
        }
    }

    /**
     * Compiles every .drl file (each its own package, unchanged files from the cache). When some fail, a KieBase
     * of the rest is still built, with the failing rules blanked, so that their metadata is checked in the same run.
     */
    private Compiled compile(Map<String, String> files, List<RuleProblem> problems) {
        Map<String, String> drl = new LinkedHashMap<>();
        files.forEach((name, text) -> {
            if (name.endsWith(".drl")) {
                drl.put(name, text);
            }
        });
        if (drl.isEmpty()) {
            return new Compiled(null, true, drl, List.of());
        }
        // the same rule files as the last set (a change of thresholds only, or the same set again): its KieBase
        // serves as it is, with its sessions and the constraints its evaluations have compiled and warmed. Thresholds
        // are a global set at each evaluation, never compiled in.
        Built previous = last;
        if (previous != null && previous.drl().equals(drl)) {
            LOG.debugf("Same %d DRL file(s) as the last rule set: its KieBase taken as it is", drl.size());
            return new Compiled(previous.kieBase(), false, drl, List.of(), previous, previous.packages());
        }
        long started = System.nanoTime();
        List<DrlCompiler.FileResult> results = compiler.compile(drl);
        List<DrlCompiler.Error> errors = new ArrayList<>(DrlCompiler.duplicateRuleNames(drl));
        results.forEach(r -> errors.addAll(r.errors()));
        long compiled = System.nanoTime();
        problems.addAll(CompilerProblems.of(drl, errors));
        Set<String> failed = errors.stream().map(DrlCompiler.Error::file).collect(Collectors.toSet());
        List<DrlCompiler.FileResult> rest = new ArrayList<>(results.stream().filter(r -> !failed.contains(r.file())).toList());
        if (errors.isEmpty() && previous != null && sameBehaviour(previous.drl(), drl)) {
            // only the wording of titles, basis or rectification changed: rules copy those into findings from the
            // catalogue, never from the KieBase, so the last set's KieBase serves as it is, warm, and the catalogue
            // is read from the packages just compiled (the fixture gate still runs on the new set)
            LOG.debugf("Compiled %d DRL file(s), %d from the cache, in %d ms; only their wording changed: the last "
                    + "rule set's KieBase taken as it is", results.size(),
                    results.stream().filter(DrlCompiler.FileResult::cached).count(), (compiled - started) / 1_000_000);
            List<KiePackage> packages = new ArrayList<>();
            rest.forEach(r -> packages.addAll(r.packages()));
            return new Compiled(previous.kieBase(), false, drl, results, new Built(drl, previous.kieBase(), previous.sessions(), packages),
                    packages);
        }
        if (errors.isEmpty()) {
            KieBase kieBase = compiler.kieBase(rest);
            LOG.debugf("Compiled %d DRL file(s), %d from the cache, in %d ms; KieBase built in %d ms", results.size(),
                    results.stream().filter(DrlCompiler.FileResult::cached).count(), (compiled - started) / 1_000_000,
                    (System.nanoTime() - compiled) / 1_000_000);
            return new Compiled(kieBase, false, drl, results);
        }
        withoutFailures(drl, errors).forEach((file, text) -> {
            if (failed.contains(file)) {
                DrlCompiler.FileResult blanked = compiler.compile(file, text);
                if (blanked.errors().isEmpty()) {
                    rest.add(blanked);
                }
            }
        });
        return new Compiled(compiler.kieBase(rest), true, drl, results);
    }

    /** The same files, equal but for the display text in rule headers ({@link AbsentFieldProbe#withoutDisplayText}). */
    private static boolean sameBehaviour(Map<String, String> before, Map<String, String> now) {
        return before.keySet().equals(now.keySet()) && now.entrySet().stream().allMatch(e ->
                AbsentFieldProbe.withoutDisplayText(e.getValue()).equals(AbsentFieldProbe.withoutDisplayText(before.get(e.getKey()))));
    }

    /**
     * The files without what failed: the rules that hold a compile error, or the whole file after a syntax
     * error (the parser cannot tell where a rule ends then). Lines are blanked, not removed, to keep numbers.
     */
    private static Map<String, String> withoutFailures(Map<String, String> drl, List<DrlCompiler.Error> errors) {
        Map<String, String> rest = new LinkedHashMap<>(drl);
        for (DrlCompiler.Error m : errors) {
            String file = m.file();
            String text = rest.get(file);
            String rule = text == null || m.text().contains("[ERR 1") ? null : enclosingRule(text, m.line());
            if (rule == null) {
                rest.remove(file);
            } else {
                rest.put(file, blankRule(text, rule));
            }
        }
        return rest;
    }

    private static String blankRule(String text, String rule) {
        String[] lines = text.split("\n", -1);
        boolean inside = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE_LINE.matcher(lines[i]);
            inside |= m.find() && m.group(1).equals(rule);
            if (inside) {
                inside = !lines[i].strip().equals("end");
                lines[i] = "";
            }
        }
        return String.join("\n", lines);
    }

    /** File by file, line by line, as an officer works through them. */
    private static List<RuleProblem> sorted(List<RuleProblem> problems) {
        List<RuleProblem> out = new ArrayList<>(problems);
        out.sort(java.util.Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
        return out;
    }

    /** The name of the rule a line belongs to, so a message can say which rule to open; null outside rules. */
    static String enclosingRule(String text, int line) {
        if (text == null || line <= 0) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = RULE_LINE.matcher(lines[i]);
            if (m.find()) {
                return m.group(1);
            }
            if (lines[i].strip().equals("end") && i < line - 1) {
                return null;
            }
        }
        return null;
    }
}
