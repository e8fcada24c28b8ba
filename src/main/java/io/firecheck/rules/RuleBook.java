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

    private final FirecheckConfig config;
    private final RuleSetLoader loader = new RuleSetLoader();
    private final AtomicReference<RuleSet> active = new AtomicReference<>();

    public RuleBook(FirecheckConfig config) {
        this.config = config;
    }

    /** The service refuses to start on rules that do not compile: the message names file and line. */
    @PostConstruct
    void loadAtStartup() {
        try {
            RuleSet set = loader.load(dir());
            active.set(set);
            LOG.infof("Loaded %d rules from %s, version %s", set.catalogue().size(), set.directory(), set.version());
        } catch (RuleSetInvalidException e) {
            throw new IllegalStateException("Cannot start: the rules in " + dir().toAbsolutePath() + " are invalid:\n  "
                    + String.join("\n  ", e.problems().stream().map(Object::toString).toList()), e);
        }
    }

    public RuleSet current() {
        return active.get();
    }

    public Path dir() {
        return Path.of(config.rules().dir());
    }

    /** Compiles the folder and, only if it compiles, makes it the active set. */
    public RuleSet compileCandidate() throws RuleSetInvalidException {
        return loader.load(dir());
    }

    void activate(RuleSet set) {
        active.set(set);
    }
}
