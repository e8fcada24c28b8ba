package io.firecheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.engine.CatalogueDoc;
import io.firecheck.engine.Evaluator;
import io.firecheck.engine.RuleProblem;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetInvalidException;
import io.firecheck.engine.RuleSetLoader;
import io.firecheck.replay.FixtureLoader;
import io.firecheck.replay.LocalReplay;
import io.firecheck.replay.Replay;
import io.firecheck.replay.ReplayOutcome;
import io.firecheck.inspection.DocumentChecks;
import io.firecheck.inspection.DocumentReader;
import io.firecheck.inspection.InvalidDocumentException;
import io.firecheck.inspection.InspectionDocument;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Staff and QA commands; no database and no server needed (replay --url uses a running service).
 * Exit codes: 0 success, 1 rules invalid / fixtures failing / document invalid, 2 wrong usage.
 */
public final class Main {
    private static final String USAGE = """
            usage: bin/firecheck <command>
              validate [rules-dir]                     compile the rules; list every problem as file:line
              test [rules-dir] [fixtures-dir]          replay the fixtures against the rules
              replay [--rules DIR] [--fixtures DIR] [--url URL [--token T]] [--junit FILE]
                                                       the same, optionally against a running service
                                                       (token: --token or FIRECHECK_TOKEN, role client)
              explain <inspection.json> [--rules DIR]  evaluate one document and explain the result
              catalogue [rules-dir] [out-file]         write the readable catalogue (default docs/rules.md)
              token --role ROLE [--role ROLE …] [--jurisdiction J] [--name NAME] [--ttl 12h]
                                                       print a token signed by the local key (dev mode)
            """;

    private final PrintStream out;

    Main(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new Main(new PrintStream(System.out, true, StandardCharsets.UTF_8)).run(args));
    }

    int run(String[] args) {
        if (args.length == 0) {
            out.print(USAGE);
            return 2;
        }
        try {
            return switch (args[0]) {
                case "validate" -> validate(Path.of(arg(args, 1, "rules")));
                case "test" -> replay(Path.of(arg(args, 1, "rules")), Path.of(arg(args, 2, "test-fixtures")), null,
                        Path.of("target/fixture-replay/TEST-fixtures.xml"));
                case "replay" -> replay(Path.of(option(args, "--rules", "rules")), Path.of(option(args, "--fixtures", "test-fixtures")),
                        option(args, "--url", null), Path.of(option(args, "--junit", "target/fixture-replay/TEST-fixtures.xml")),
                        option(args, "--token", System.getenv("FIRECHECK_TOKEN")));
                case "explain" -> args.length < 2 ? usage() : explain(Path.of(args[1]), Path.of(option(args, "--rules", "rules")));
                case "catalogue" -> catalogue(Path.of(arg(args, 1, "rules")), Path.of(arg(args, 2, "docs/rules.md")));
                case "token" -> TokenCommand.run(args, out, System.err);
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
            RuleSet set = new RuleSetLoader().load(rules);
            out.println("OK " + rules + ": " + set.catalogue().size() + " rules, version " + set.version());
            return 0;
        } catch (RuleSetInvalidException e) {
            for (RuleProblem p : e.problems()) {
                out.println(rules.resolve(p.file()) + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.message());
            }
            out.println(e.problems().size() + " problem(s); nothing was changed");
            return 1;
        }
    }

    int replay(Path rules, Path fixtures, String url, Path junit) throws IOException {
        return replay(rules, fixtures, url, junit, null);
    }

    int replay(Path rules, Path fixtures, String url, Path junit, String token) throws IOException {
        List<ReplayOutcome> outcomes;
        if (url == null) {
            RuleSet set;
            try {
                set = new RuleSetLoader().load(rules);
            } catch (RuleSetInvalidException e) {
                return validate(rules);
            }
            outcomes = new LocalReplay().run(set, fixtures);
        } else {
            ObjectMapper mapper = LocalReplay.mapper();
            HttpReplay http = new HttpReplay(mapper, url, token);
            outcomes = Replay.run(new FixtureLoader(mapper).load(fixtures), http::evaluate);
        }
        ReplayReport.table(outcomes, out);
        ReplayReport.junit(outcomes, junit);
        out.println("JUnit XML: " + junit);
        return outcomes.stream().allMatch(ReplayOutcome::passed) ? 0 : 1;
    }

    int catalogue(Path rules, Path target) throws IOException {
        try {
            java.nio.file.Files.writeString(target, CatalogueDoc.render(new RuleSetLoader().load(rules)), StandardCharsets.UTF_8);
            out.println("wrote " + target);
            return 0;
        } catch (RuleSetInvalidException e) {
            return validate(rules);
        }
    }

    int explain(Path document, Path rules) throws IOException {
        RuleSet set;
        try {
            set = new RuleSetLoader().load(rules);
        } catch (RuleSetInvalidException e) {
            return validate(rules);
        }
        ObjectMapper mapper = LocalReplay.mapper();
        InspectionDocument doc;
        try {
            doc = new DocumentReader(mapper, new DocumentChecks(validator()))
                    .read(mapper.readTree(document.toFile()), LocalDate.now(zone()), set.inspectionRuleIds());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            out.println(document + ": not readable JSON: " + e.getOriginalMessage());
            return 1;
        } catch (InvalidDocumentException e) {
            e.violations().forEach(v -> out.println(document + ": " + v.field() + ": " + v.message()));
            return 1;
        }
        Explain.print(new Evaluator().evaluate(set, doc), out);
        return 0;
    }

    /** The service's zone setting, so "after today" means the same day here as in the service. */
    private static ZoneId zone() {
        return ZoneId.of(System.getenv().getOrDefault("FIRECHECK_ZONE", "Asia/Shanghai"));
    }

    private static Validator validator() {
        return Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    }

    private static String arg(String[] args, int i, String fallback) {
        List<String> positional = new ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                positional.add(a);
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
}
