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
 * from the same files, checks that every fixture gives the same result under both, then times build and evaluation
 * by CPU time as {@link CpuPerEvaluation} does. Not part of the product: drools-model-codegen is a test dependency.
 * Usage (bench/execmodel.sh): build rounds, warm-up seconds, rounds, evaluations per round.
 */
public final class ExecModelExperiment {
    private static final AtomicInteger BUILDS = new AtomicInteger();
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

        System.out.println("== build of the " + files.keySet().stream().filter(f -> f.endsWith(".drl")).count()
                + " DRL files, KieBuilder.buildAll + KieContainer.getKieBase, then the first evaluation (compliant tower)");
        System.out.printf("%-6s %-6s %10s %10s %14s %14s%n", "round", "model", "build ms", "(cpu ms)", "1st eval ms", "(cpu ms)");
        KieBase exec = null;
        for (int r = 0; r < buildRounds; r++) {
            time(r, "mvel", files, DrlProject.class, mvel);
            exec = time(r, "exec", execFiles, ExecutableModelProject.class, mvel);
        }

        EvaluationBenchmark em = new EvaluationBenchmark();
        em.setUp();
        em.ruleSet = withKieBase(mvel.ruleSet, exec);
        System.out.println("== equivalence: the service's KieBase (RuleSetLoader) against the executable model's");
        equivalent(mvel.ruleSet, em.ruleSet);

        System.out.println("== CPU per evaluation (thread CPU time, rounds alternate)");
        Map<String, Supplier<Object>> runs = new LinkedHashMap<>();
        runs.put("compliantTower mvel", mvel::compliantTower);
        runs.put("compliantTower exec", em::compliantTower);
        runs.put("compliantTowerBareDrools mvel", mvel::compliantTowerBareDrools);
        runs.put("compliantTowerBareDrools exec", em::compliantTowerBareDrools);
        runs.put("towerWithEightFindings mvel", mvel::towerWithEightFindings);
        runs.put("towerWithEightFindings exec", em::towerWithEightFindings);
        runs.put("eightFindingsBareDrools mvel", mvel::towerWithEightFindingsBareDrools);
        runs.put("eightFindingsBareDrools exec", em::towerWithEightFindingsBareDrools);
        Map<String, Double> median = CpuPerEvaluation.measure(runs, warmupS, rounds, perRound);
        for (String name : List.of("compliantTower", "compliantTowerBareDrools", "towerWithEightFindings", "eightFindingsBareDrools")) {
            System.out.printf("%-34s mvel/exec CPU %.2f%n", name, median.get(name + " mvel") / median.get(name + " exec"));
        }
    }

    /** One build from scratch (a new KieFileSystem and module each time), then one evaluation on a new session. */
    private static KieBase time(int round, String model, Map<String, String> files, Class<? extends KieBuilder.ProjectType> type,
                                EvaluationBenchmark b) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean thread = ManagementFactory.getThreadMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        KieBase kieBase = build(files, type);
        long c1 = os.getProcessCpuTime();
        long t1 = System.nanoTime();
        long e0 = thread.getCurrentThreadCpuTime();
        new Evaluator().evaluate(withKieBase(b.ruleSet, kieBase), b.compliant);
        long e1 = thread.getCurrentThreadCpuTime();
        long t2 = System.nanoTime();
        System.out.printf("%-6d %-6s %10d %10d %14.1f %14.1f%n", round, model, (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000,
                (t2 - t1) / 1e6, (e1 - e0) / 1e6);
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
     * with their evidence, levels, not assessed, classification) for every fixture; then the fixture gate itself.
     */
    private static void equivalent(RuleSet mvel, RuleSet exec) throws ReflectiveOperationException {
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
        LocalReplay replay = new LocalReplay();
        List<Fixture> fixtures = replay.load(Path.of("test-fixtures"));
        var mapper = LocalReplay.mapper();
        Evaluator evaluator = new Evaluator();
        int same = 0;
        int findings = 0;
        for (Fixture f : fixtures) {
            InspectionDocument doc;
            try {
                doc = mapper.treeToValue(f.document(), InspectionDocument.class);
            } catch (Exception e) {
                throw new IllegalStateException(f.name(), e);
            }
            EvaluationResult x = evaluator.evaluate(mvel, doc);
            EvaluationResult y = evaluator.evaluate(exec, doc);
            if (x.equals(y)) {
                same++;
                findings += x.findings().size();
            } else {
                System.out.println("  DIFFERS " + f.name() + "\n    mvel " + x + "\n    exec " + y);
            }
        }
        System.out.printf("fixtures: %d of %d give identical results (%d findings compared, rule ids, levels and evidence)%n",
                same, fixtures.size(), findings);
        int[] probe = sameOnProbeDocuments(mvel, exec);
        System.out.printf("absent-field probe documents: %d of %d give identical results or the same exception%n", probe[0], probe[1]);
        List<ReplayOutcome> failing = FixtureGate.failures(exec, Path.of("test-fixtures"));
        System.out.println("fixture gate on the executable model: " + (failing.isEmpty() ? "passes" : failing.size() + " FAIL " + failing));
    }

    /**
     * The documents of the loader's absent-field probe (every field filled, high and low values, then each optional
     * field or section removed in turn), where null handling would show: reached by reflection, as the probe keeps
     * them to itself. Answers how many gave the same result (or the same exception) under both, and how many there were.
     */
    private static int[] sameOnProbeDocuments(RuleSet mvel, RuleSet exec) throws ReflectiveOperationException {
        Class<?> probe = Class.forName("io.firecheck.engine.AbsentFieldProbe");
        Method paths = probe.getDeclaredMethod("optionalPaths", Class.class, String.class);
        Method build = probe.getDeclaredMethod("build", Class.class, java.lang.reflect.Type.class, String.class, String.class,
                Class.forName("io.firecheck.engine.AbsentFieldProbe$Values"));
        paths.setAccessible(true);
        build.setAccessible(true);
        Evaluator evaluator = new Evaluator();
        int same = 0;
        int all = 0;
        for (Object values : Class.forName("io.firecheck.engine.AbsentFieldProbe$Values").getEnumConstants()) {
            for (Object path : (List<?>) paths.invoke(null, InspectionDocument.class, "")) {
                var doc = (InspectionDocument) build.invoke(null, InspectionDocument.class, null, "", path, values);
                Object x = outcome(() -> evaluator.evaluate(mvel, doc));
                Object y = outcome(() -> evaluator.evaluate(exec, doc));
                all++;
                if (x.equals(y)) {
                    same++;
                } else {
                    System.out.println("  DIFFERS " + values + " without " + path + "\n    mvel " + x + "\n    exec " + y);
                }
            }
        }
        return new int[] {same, all};
    }

    /** The result, or the kind of exception thrown (its message names generated classes, which differ). */
    private static Object outcome(Supplier<EvaluationResult> evaluation) {
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
