package io.firecheck.rules;

import io.firecheck.config.FirecheckConfig;
import io.firecheck.engine.ProbeVerdicts;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetInvalidException;
import io.firecheck.engine.RuleSetLoader;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Holds the active rule set. Each evaluation takes {@link #current()} once and uses that set to the end,
 * so a reload never gives an evaluation a mix of two sets. What is loaded at startup, and when the
 * cluster's set changes, is decided by {@link ClusterRuleSync}.
 */
@ApplicationScoped
public class RuleBook {
    private static final Logger LOG = Logger.getLogger(RuleBook.class);

    /** The live set and who made it live. */
    public record Active(RuleSet set, String loadedBy) {
    }

    private final FirecheckConfig config;
    private final RuleSetLoader loader;
    private final AtomicReference<Active> active = new AtomicReference<>();
    /** Why this instance does not serve the cluster's newest set; null while it does. */
    private volatile String problem;

    public RuleBook(FirecheckConfig config, ProbeVerdicts verdicts) {
        this.config = config;
        this.loader = new RuleSetLoader(Clock.systemUTC(), verdicts);
    }

    public RuleSet current() {
        Active a = active.get();
        return a == null ? null : a.set();
    }

    public Active active() {
        return active.get();
    }

    public Path dir() {
        return Path.of(config.rules().dir());
    }

    public String problem() {
        return problem;
    }

    void problem(String problem) {
        this.problem = problem;
    }

    /** The version the rules folder's files would have as a rule set; reading and hashing them is cheap. */
    public String folderVersion() {
        return java.nio.file.Files.isDirectory(dir()) ? RuleSetLoader.version(RuleSetLoader.readFiles(dir())) : "";
    }

    RuleSet compileCandidate() throws RuleSetInvalidException {
        return loader.load(dir());
    }

    RuleSet compile(Map<String, String> files, String origin) throws RuleSetInvalidException {
        return loader.load(files, origin);
    }

    /** One reference swap: evaluations that already hold the old set finish on it. */
    void activate(RuleSet set, String by) {
        active.set(new Active(set, by));
        logActivated(set, by);
    }

    /** Swaps only if {@code expected} still serves: a reload that went live meanwhile is not overwritten. */
    boolean activateIfStill(Active expected, RuleSet set, String by) {
        boolean swapped = active.compareAndSet(expected, new Active(set, by));
        if (swapped) {
            logActivated(set, by);
        }
        return swapped;
    }

    private static void logActivated(RuleSet set, String by) {
        LOG.infof("Activated rule set %s (%d rules), by %s", set.version(), set.catalogue().size(), by);
    }
}
