package io.firecheck.rules;

import io.firecheck.config.FirecheckConfig;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetInvalidException;
import io.firecheck.engine.RuleSetLoader;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Holds the active rule set. Each evaluation takes {@link #current()} once and uses that set to the end,
 * so a reload never gives an evaluation a mix of two sets.
 */
@Startup
@ApplicationScoped
public class RuleBook {
    private static final Logger LOG = Logger.getLogger(RuleBook.class);

    /** The live set and who made it live. */
    public record Active(RuleSet set, String loadedBy) {
    }

    private final FirecheckConfig config;
    private final RuleSetLoader loader = new RuleSetLoader();
    private final AtomicReference<Active> active = new AtomicReference<>();

    public RuleBook(FirecheckConfig config) {
        this.config = config;
    }

    /** The service refuses to start on rules that do not compile: the message names file and line. */
    @PostConstruct
    void loadAtStartup() {
        try {
            RuleSet set = loader.load(dir());
            active.set(new Active(set, "startup"));
            LOG.infof("Loaded %d rules from %s, version %s", set.catalogue().size(), set.directory(), set.version());
        } catch (RuleSetInvalidException e) {
            throw new IllegalStateException("Cannot start: the rules in " + dir().toAbsolutePath() + " are invalid:\n  "
                    + String.join("\n  ", e.problems().stream().map(Object::toString).toList()), e);
        }
    }

    public RuleSet current() {
        return active.get().set();
    }

    public Active active() {
        return active.get();
    }

    public Path dir() {
        return Path.of(config.rules().dir());
    }

    RuleSet compileCandidate() throws RuleSetInvalidException {
        return loader.load(dir());
    }

    /** One reference swap: evaluations that already hold the old set finish on it. */
    void activate(RuleSet set, String by) {
        active.set(new Active(set, by));
        LOG.infof("Activated rule set %s (%d rules), by %s", set.version(), set.catalogue().size(), by);
    }
}
