package io.firecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.engine.CatalogueDoc;
import io.firecheck.engine.CompiledRulesCache;
import io.firecheck.engine.EvaluationResult;
import io.firecheck.engine.Evaluator;
import io.firecheck.engine.RuleProblem;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetInvalidException;
import io.firecheck.engine.RuleSetLoader;
import io.firecheck.inspection.DocumentChecks;
import io.firecheck.inspection.DocumentReader;
import io.firecheck.inspection.InspectionDocument;
import io.firecheck.inspection.InvalidDocumentException;
import io.firecheck.replay.Fixture;
import io.firecheck.replay.FixtureGate;
import io.firecheck.replay.LocalReplay;
import io.firecheck.replay.Replay;
import io.firecheck.replay.ReplayOutcome;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Staff and QA commands; no server needed (replay --url uses a running service; user add writes to its database).
 * Exit codes: 0 success, 1 rules invalid / fixtures failing / document invalid / service unreachable,
 * 2 wrong usage.
 */
public final class Main {
    private static final String USAGE = """
            usage: bin/firecheck <command>
              validate [rules-dir]                     compile the rules; list every problem as file:line
              test [rules-dir] [fixtures-dir] [--verbose] [--junit FILE]
                                                       replay the fixtures against the rules; check that
                                                       every rule has a firing and a boundary fixture
              replay [--rules DIR] [--fixtures DIR] [--url URL [--token T]] [--junit FILE] [--verbose]
                                                       the same, optionally against a running service
                                                       (token: --token or FIRECHECK_TOKEN, role client)
              explain <inspection-or-fixture.json> [--rules DIR]
                                                       evaluate one document and explain the result
              catalogue [rules-dir] [out-file]         write the readable catalogue (default docs/rules.md)
              token --role ROLE [--role ROLE …] [--jurisdiction J] [--name NAME] [--ttl 12h]
                                                       print a token signed by the local key (dev mode)
              user add NAME --role ROLE [--role ROLE …] [--jurisdiction J]
                                                       a web console user in the service's database;
                                                       password from FIRECHECK_USER_PASSWORD or stdin
            """;
    /** Options that take no value; every other --option takes the next argument. */
    private static final Set<String> FLAGS = Set.of("--verbose");
    static final String TEST_JUNIT = "target/firecheck/TEST-fixtures-test.xml";
    static final String REPLAY_JUNIT = "target/firecheck/TEST-fixtures-replay.xml";
    /** The folder of the compiled-rules cache, set by bin/firecheck. */
    static final String CACHE_PROPERTY = "firecheck.cache";

    private final PrintStream out;

    Main(PrintStream out) {
        this.out = out;
    }

    /** Held, so that the levels set on them stay. */
    private static final List<java.util.logging.Logger> LOGGERS = List.of(java.util.logging.Logger.getLogger(""),
            java.util.logging.Logger.getLogger("org.drools"), java.util.logging.Logger.getLogger("org.kie"));

    public static void main(String[] args) {
        Timing.mark("main entered (JVM start and class loading)");
        quietLibraries();
        int exit = new Main(new PrintStream(System.out, true, StandardCharsets.UTF_8)).run(args);
        Timing.mark("done");
        System.exit(exit);
    }

    /**
     * The service's log levels (application.properties). Without Quarkus nothing sets them, and the log manager's
     * default is ALL: Drools would format a trace line for every fact it propagates, only for it to be dropped,
     * which cost a third of {@code test}'s time.
     */
    private static void quietLibraries() {
        LOGGERS.get(0).setLevel(java.util.logging.Level.INFO);
        LOGGERS.subList(1, LOGGERS.size()).forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
        if (Timing.on()) { // the rule set loader's own split (compile, KieBase, metadata, probe) is logged at debug
            java.util.logging.Logger engine = java.util.logging.Logger.getLogger("io.firecheck.engine");
            java.util.logging.Handler handler = new java.util.logging.ConsoleHandler();
            handler.setLevel(java.util.logging.Level.FINE);
            engine.setLevel(java.util.logging.Level.FINE);
            engine.addHandler(handler);
        }
    }

    int run(String[] args) {
        if (args.length == 0) {
            return usage();
        }
        try {
            return switch (args[0]) {
                case "validate" -> validate(Path.of(arg(args, 1, "rules")));
                case "test" -> replay(Path.of(arg(args, 1, "rules")), Path.of(arg(args, 2, "test-fixtures")), null,
                        Path.of(option(args, "--junit", TEST_JUNIT)), flag(args, "--verbose"), null);
                case "replay" -> replay(Path.of(option(args, "--rules", "rules")),
                        Path.of(option(args, "--fixtures", "test-fixtures")), option(args, "--url", null),
                        Path.of(option(args, "--junit", REPLAY_JUNIT)), flag(args, "--verbose"),
                        option(args, "--token", System.getenv("FIRECHECK_TOKEN")));
                case "explain" -> args.length < 2 ? usage() : explain(Path.of(arg(args, 1, null)), Path.of(option(args, "--rules", "rules")));
                case "catalogue" -> catalogue(Path.of(arg(args, 1, "rules")), Path.of(arg(args, 2, "docs/rules.md")));
                case "token" -> TokenCommand.run(args, out, System.err);
                case "user" -> new UserCommand(System.getenv(), System.in, out, System.err).run(args);
                default -> usage();
            };
        } catch (IOException | RuntimeException e) {
            out.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int usage() {
        out.print(USAGE);
        return 2;
    }

    int validate(Path rules) {
        try {
            RuleSet set = loader().load(rules);
            Timing.mark("rule set loaded");
            out.println("OK " + rules + ": " + set.catalogue().size() + " rules, version " + set.version());
            return 0;
        } catch (RuleSetInvalidException e) {
            return invalid(rules, e);
        }
    }

    /** Every problem, each with its file and line, and the original compiler text under it. */
    private int invalid(Path rules, RuleSetInvalidException e) {
        for (RuleProblem p : e.problems()) {
            out.println(rules.resolve(p.file()) + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.message());
            if (p.drools() != null) {
                out.println("    Drools: " + p.drools());
            }
        }
        out.println(e.problems().size() + " 个问题 problem(s); nothing was changed");
        return 1;
    }

    int replay(Path rules, Path fixturesDir, String url, Path junit, boolean verbose, String token) throws IOException {
        ObjectMapper mapper = LocalReplay.mapper();
        ReplayReport report = new ReplayReport();
        List<ReplayOutcome> outcomes;
        if (url == null) {
            LocalReplay local = new LocalReplay();
            CompletableFuture<List<Fixture>> reading = meanwhile(() -> local.load(fixturesDir));
            RuleSet set;
            try {
                set = loader().load(rules);
            } catch (RuleSetInvalidException e) {
                return invalid(rules, e);
            }
            Timing.mark("rule set loaded");
            List<Fixture> fixtures = result(reading);
            Timing.mark(fixtures.size() + " fixtures read");
            outcomes = FixtureGate.run(set, fixtures, report.timed(local.evaluator(set)));
            Timing.mark("fixtures replayed");
        } else {
            HttpReplay http = new HttpReplay(mapper, url, token);
            JsonNode active = http.ruleSet();
            out.println("service " + url + ": rule set " + active.path("version").asText() + " ("
                    + active.path("ruleCount").asText() + " rules, loaded by " + active.path("loadedBy").asText() + ")");
            outcomes = Replay.run(new LocalReplay().load(fixturesDir), report.timed(http::evaluate));
        }
        report.junit(url == null ? "fixtures" : "fixtures@" + url, outcomes, junit);
        report.print(outcomes, verbose, junit, out);
        Timing.mark("reports written");
        return outcomes.stream().allMatch(ReplayOutcome::passed) ? 0 : 1;
    }

    int catalogue(Path rules, Path target) throws IOException {
        try {
            Files.writeString(target, CatalogueDoc.render(loader().load(rules)), StandardCharsets.UTF_8);
            out.println("wrote " + target);
            return 0;
        } catch (RuleSetInvalidException e) {
            return invalid(rules, e);
        }
    }

    /** An inspection document, or a fixture (then its document, and whether the result is what it expects). */
    int explain(Path file, Path rules) throws IOException {
        CompletableFuture<Validator> validator = meanwhile(Main::validator);
        RuleSet set;
        try {
            set = loader().load(rules);
        } catch (RuleSetInvalidException e) {
            return invalid(rules, e);
        }
        Timing.mark("rule set loaded");
        ObjectMapper mapper = LocalReplay.mapper();
        JsonNode node;
        try {
            node = mapper.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            out.println(file + ": not readable JSON: " + e.getOriginalMessage());
            return 1;
        }
        Fixture fixture = ExplainFixture.isFixture(node) ? ExplainFixture.find(file, node) : null;
        InspectionDocument doc;
        try {
            doc = new DocumentReader(mapper, new DocumentChecks(result(validator)))
                    .read(fixture == null ? node : fixture.document(), LocalDate.now(zone()), set.inspectionRuleIds());
        } catch (InvalidDocumentException e) {
            e.violations().forEach(v -> out.println(file + ": " + v.field() + ": " + v.message()));
            return 1;
        }
        Timing.mark("document read");
        EvaluationResult result = new Evaluator().evaluate(set, doc);
        Timing.mark("evaluated");
        Explain.print(result, out);
        return fixture == null ? 0 : ExplainFixture.compare(fixture, result, out);
    }

    /**
     * Starts work that does not need the rules on a thread of its own, so that it runs while they load: loading
     * keeps one core busy for most of its time, and these machines have two.
     */
    private static <T> CompletableFuture<T> meanwhile(Supplier<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(work.get());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "firecheck-meanwhile");
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /** What {@link #meanwhile} gave; its exception as if the work had run on this thread. */
    private static <T> T result(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * A loader that keeps compiled files and probe passes in the folder bin/firecheck names (under target/), so
     * a run on unchanged rules skips the compiler and the probe; without that property, or if the folder cannot
     * be used, every run compiles.
     */
    static RuleSetLoader loader() {
        String dir = System.getProperty(CACHE_PROPERTY, "");
        if (!dir.isBlank()) {
            try {
                return new RuleSetLoader(Clock.systemUTC(), CompiledRulesCache.forThisBuild(Path.of(dir)));
            } catch (RuntimeException e) {
                System.err.println("firecheck: not using the cache " + dir + ": " + e.getMessage());
            }
        }
        return new RuleSetLoader();
    }

    /** The service's zone setting, so "after today" means the same day here as in the service. */
    private static ZoneId zone() {
        return ZoneId.of(System.getenv().getOrDefault("FIRECHECK_ZONE", "Asia/Shanghai"));
    }

    private static Validator validator() {
        return Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    }

    /** The i-th argument that is neither an option nor an option's value. */
    private static String arg(String[] args, int i, String fallback) {
        List<String> positional = new ArrayList<>();
        for (int a = 0; a < args.length; a++) {
            if (!args[a].startsWith("--")) {
                positional.add(args[a]);
            } else if (!FLAGS.contains(args[a])) {
                a++;
            }
        }
        return i < positional.size() ? positional.get(i) : fallback;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static boolean flag(String[] args, String name) {
        return List.of(args).contains(name);
    }
}
