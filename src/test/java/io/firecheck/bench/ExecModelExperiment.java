package io.firecheck.bench;

import io.firecheck.engine.EvaluationResult;
import io.firecheck.engine.Evaluator;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetLoader;
import io.firecheck.inspection.InspectionDocument;
import io.firecheck.replay.Fixture;
import io.firecheck.replay.FixtureGate;
import io.firecheck.replay.LocalReplay;
import io.firecheck.replay.ReplayOutcome;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;

/**
 * Issue #13 experiment: the shipped rules built with Drools' executable model (each constraint and consequence
 * generated as Java and compiled at run time) beside the interpreted (MVEL) KieBase the service uses. Builds both
 * from the same files, checks that every fixture and absent-field probe document gives the same result under both,
 * then times build and evaluation by CPU time as {@link CpuPerEvaluation} does. Not part of the product: drools-model-codegen is a test dependency.
 * Usage (bench/execmodel.sh): build rounds, warm-up seconds, rounds, evaluations per round.
 */
public final class ExecModelExperiment {
    private static final AtomicInteger BUILDS = new AtomicInteger();
    /** The largest file: what a reload that changes one file compiles, with the loader's per-file cache. */
    private static final String ONE_FILE = "evacuation.drl";
    /**
     * What the executable model does not compile as shipped, and the same condition written so that it does: it
     * types collectList's result as Object, so a constraint on it in accumulate's third part calls size() on Object.
     */
    static final Map<String, List<String>> REWRITES = Map.of("scope.drl", List.of(
            "accumulate(Derived(system == $s, $r : reason); $reasons : collectList($r); $reasons.size() > 0)",
            "$reasons : java.util.List(size > 0) from accumulate(Derived(system == $s, $r : reason), collectList($r))"));

    private ExecModelExperiment() {
    }

    public static void main(String[] args) throws Exception {
        int buildRounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        double warmupS = args.length > 1 ? Double.parseDouble(args[1]) : 15;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int perRound = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        EvaluationBenchmark mvel = new EvaluationBenchmark();
        mvel.setUp(); // also sets the log levels as the service has them
        java.util.logging.Logger.getLogger("org.drools").setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("org.kie").setLevel(java.util.logging.Level.WARNING);
        Map<String, String> files = RuleSetLoader.readFiles(Path.of("rules"));
        Map<String, String> execFiles = rewritten(files);
        Map<String, InspectionDocument> documents = documents();

        System.out.println("== build from scratch (KieBuilder.buildAll, KieContainer.getKieBase) of all " + files.keySet().stream()
                .filter(f -> f.endsWith(".drl")).count() + " DRL files and of " + ONE_FILE + " alone; then, on the new KieBase,"
                + " one evaluation (compliant tower) and the " + documents.size() + " documents of the probe and the gate");
        System.out.printf("%-6s %-6s %12s %12s %12s %12s %14s %14s%n", "round", "model", "all ms", "(cpu ms)", "one file ms",
                "(cpu ms)", "1st eval cpu ms", "documents cpu ms");
        KieBase exec = null;
        KieBase mvelBuilt = null;
        for (int r = 0; r < buildRounds; r++) {
            mvelBuilt = time(r, "mvel", files, DrlProject.class, mvel, documents);
            exec = time(r, "exec", execFiles, ExecutableModelProject.class, mvel, documents);
        }

        EvaluationBenchmark em = new EvaluationBenchmark();
        em.setUp();
        em.ruleSet = withKieBase(mvel.ruleSet, exec);
        // the MVEL KieBase as the executable model's is built (one KieBuilder, a KieContainer's KieBase), so that a
        // difference between the service's and exec cannot come from how the KieBase was put together
        EvaluationBenchmark mk = new EvaluationBenchmark();
        mk.setUp();
        mk.ruleSet = withKieBase(mvel.ruleSet, mvelBuilt);
        System.out.println("== equivalence: the service's KieBase (RuleSetLoader) against the executable model's");
        equivalent(mvel.ruleSet, em.ruleSet, documents);

        System.out.println("== CPU per evaluation (thread CPU time, rounds alternate); mvel: the service's KieBase (RuleSetLoader),"
                + " mvel-kb: MVEL built as exec is (KieBuilder, KieContainer), exec: the executable model");
        Map<String, Supplier<Object>> runs = new LinkedHashMap<>();
        Map<String, EvaluationBenchmark> models = Map.of("mvel", mvel, "mvel-kb", mk, "exec", em);
        for (String model : List.of("mvel", "mvel-kb", "exec")) {
            runs.put("compliantTower " + model, models.get(model)::compliantTower);
        }
        for (String model : List.of("mvel", "mvel-kb", "exec")) {
            runs.put("compliantTowerBareDrools " + model, models.get(model)::compliantTowerBareDrools);
        }
        for (String model : List.of("mvel", "mvel-kb", "exec")) {
            runs.put("towerWithEightFindings " + model, models.get(model)::towerWithEightFindings);
        }
        for (String model : List.of("mvel", "mvel-kb", "exec")) {
            runs.put("eightFindingsBareDrools " + model, models.get(model)::towerWithEightFindingsBareDrools);
        }
        Map<String, Double> median = CpuPerEvaluation.measure(runs, warmupS, rounds, perRound);
        for (String name : List.of("compliantTower", "compliantTowerBareDrools", "towerWithEightFindings", "eightFindingsBareDrools")) {
            System.out.printf("%-34s exec's speed over mvel's (CPU mvel / exec) %.2f, over mvel-kb's %.2f%n", name,
                    median.get(name + " mvel") / median.get(name + " exec"), median.get(name + " mvel-kb") / median.get(name + " exec"));
        }
    }

    /**
     * One build from scratch of every file and of one file (a new KieFileSystem and module each time), then on the
     * new KieBase one evaluation and every document once: the work of a reload after its compile, on one thread.
     */
    private static KieBase time(int round, String model, Map<String, String> files, Class<? extends KieBuilder.ProjectType> type,
                                EvaluationBenchmark b, Map<String, InspectionDocument> documents) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean thread = ManagementFactory.getThreadMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        KieBase kieBase = build(files, type);
        long c1 = os.getProcessCpuTime();
        long t1 = System.nanoTime();
        build(Map.of(ONE_FILE, files.get(ONE_FILE)), type);
        long c2 = os.getProcessCpuTime();
        long t2 = System.nanoTime();
        RuleSet set = withKieBase(b.ruleSet, kieBase);
        Evaluator evaluator = new Evaluator();
        long e0 = thread.getCurrentThreadCpuTime();
        evaluator.evaluate(set, b.compliant);
        long e1 = thread.getCurrentThreadCpuTime();
        documents.values().forEach(doc -> outcome(() -> evaluator.evaluate(set, doc)));
        long e2 = thread.getCurrentThreadCpuTime();
        System.out.printf("%-6d %-6s %12d %12d %12d %12d %14.1f %14.1f%n", round, model, (t1 - t0) / 1_000_000,
                (c1 - c0) / 1_000_000, (t2 - t1) / 1_000_000, (c2 - c1) / 1_000_000, (e1 - e0) / 1e6, (e2 - e1) / 1e6);
        return kieBase;
    }

    /** The DRL files (not thresholds.properties: rules read it through the global th) as one KIE module. */
    static KieBase build(Map<String, String> files, Class<? extends KieBuilder.ProjectType> type) {
        KieServices ks = KieServices.get();
        ReleaseId id = ks.newReleaseId("io.firecheck", "experiment", "1." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(id);
        files.forEach((file, text) -> {
            if (file.endsWith(".drl")) {
                kfs.write("src/main/resources/firecheck/" + file, text);
            }
        });
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(type);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(type.getSimpleName() + " does not compile the rules:\n" + errors);
        }
        return ks.newKieContainer(id).getKieBase();
    }

    /** The files with {@link #REWRITES} applied; each rewrite must find its text. */
    static Map<String, String> rewritten(Map<String, String> files) {
        Map<String, String> out = new LinkedHashMap<>(files);
        REWRITES.forEach((file, change) -> {
            String text = out.get(file);
            if (text == null || !text.contains(change.get(0))) {
                throw new IllegalStateException(file + " no longer holds: " + change.get(0));
            }
            out.put(file, text.replace(change.get(0), change.get(1)));
        });
        return out;
    }

    static RuleSet withKieBase(RuleSet set, KieBase kieBase) {
        return new RuleSet(set.version(), set.loadedAt(), set.directory(), set.files(), set.catalogue(), set.thresholds(),
                kieBase, set.sources());
    }

    /**
     * The same rules with the same metadata (what the catalogue is read from), and the same result (scope, findings
     * with their evidence, levels, not assessed, classification) for every document; then the fixture gate itself.
     */
    private static void equivalent(RuleSet mvel, RuleSet exec, Map<String, InspectionDocument> documents) {
        Map<String, Map<String, Object>> a = metadata(mvel.kieBase());
        Map<String, Map<String, Object>> b = metadata(exec.kieBase());
        System.out.printf("rules: %d and %d, metadata %s%n", a.size(), b.size(), a.equals(b) ? "identical" : "DIFFERS");
        if (!a.equals(b)) {
            a.forEach((rule, meta) -> {
                if (!meta.equals(b.get(rule))) {
                    System.out.println("  " + rule + ": " + meta + " / " + b.get(rule));
                }
            });
        }
        Evaluator evaluator = new Evaluator();
        int same = 0;
        int findings = 0;
        int threw = 0;
        for (var d : documents.entrySet()) {
            Object x = outcome(() -> evaluator.evaluate(mvel, d.getValue()));
            Object y = outcome(() -> evaluator.evaluate(exec, d.getValue()));
            if (x.equals(y)) {
                same++;
                findings += x instanceof EvaluationResult r ? r.findings().size() : 0;
                threw += x instanceof EvaluationResult ? 0 : 1;
            } else {
                System.out.println("  DIFFERS " + d.getKey() + "\n    mvel " + x + "\n    exec " + y);
            }
        }
        System.out.printf("documents (fixtures, then the absent-field probe's): %d of %d give identical results (%d findings"
                + " compared: rule ids, levels and evidence; %d threw alike)%n", same, documents.size(), findings, threw);
        List<ReplayOutcome> failing = FixtureGate.failures(exec, Path.of("test-fixtures"));
        System.out.println("fixture gate on the executable model: " + (failing.isEmpty() ? "passes" : failing.size() + " FAIL " + failing));
    }

    /**
     * Every fixture's document, then those of the loader's absent-field probe (every field filled, high and low
     * values, each optional field or section removed in turn), where null handling would show. The probe's are
     * reached by reflection, as the probe keeps them to itself.
     */
    private static Map<String, InspectionDocument> documents() throws Exception {
        Map<String, InspectionDocument> out = new LinkedHashMap<>();
        var mapper = LocalReplay.mapper();
        for (Fixture f : new LocalReplay().load(Path.of("test-fixtures"))) {
            out.put(f.name(), mapper.treeToValue(f.document(), InspectionDocument.class));
        }
        Class<?> probe = Class.forName("io.firecheck.engine.AbsentFieldProbe");
        Class<?> values = Class.forName("io.firecheck.engine.AbsentFieldProbe$Values");
        Method paths = probe.getDeclaredMethod("optionalPaths", Class.class, String.class);
        Method build = probe.getDeclaredMethod("build", Class.class, java.lang.reflect.Type.class, String.class, String.class, values);
        paths.setAccessible(true);
        build.setAccessible(true);
        for (Object v : values.getEnumConstants()) {
            for (Object path : (List<?>) paths.invoke(null, InspectionDocument.class, "")) {
                out.put("probe " + v + " without " + path, (InspectionDocument) build.invoke(null, InspectionDocument.class, null, "", path, v));
            }
        }
        return out;
    }

    /** The result, or the kind of exception thrown (its message names generated classes, which differ). */
    static Object outcome(Supplier<EvaluationResult> evaluation) {
        try {
            return evaluation.get();
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return "threw " + root.getClass().getName();
        }
    }

    private static Map<String, Map<String, Object>> metadata(KieBase kieBase) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        kieBase.getKiePackages().forEach(p -> {
            for (Rule rule : p.getRules()) {
                out.put(p.getName() + "/" + rule.getName(), new TreeMap<>(rule.getMetaData()));
            }
        });
        return out;
    }
}
