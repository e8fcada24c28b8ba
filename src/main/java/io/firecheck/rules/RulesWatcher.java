package io.firecheck.rules;

import io.firecheck.config.FirecheckConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Opt-in (firecheck.rules.watch=true): a change under the rules folder triggers the same safe reload as
 * the API. Bursts of changes (an editor saving several files) are settled for a moment first.
 */
@ApplicationScoped
public class RulesWatcher {
    private static final Logger LOG = Logger.getLogger(RulesWatcher.class);
    private static final long SETTLE_MILLIS = 500;

    private final FirecheckConfig config;
    private final RuleReloader reloader;
    private volatile WatchService watch;

    public RulesWatcher(FirecheckConfig config, RuleReloader reloader) {
        this.config = config;
        this.reloader = reloader;
    }

    void start(@Observes StartupEvent event) throws IOException {
        if (!config.rules().watch()) {
            return;
        }
        Path dir = Path.of(config.rules().dir());
        watch = FileSystems.getDefault().newWatchService();
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
        Thread thread = new Thread(this::loop, "rules-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Watching %s for rule changes", dir.toAbsolutePath());
    }

    void stop(@Observes ShutdownEvent event) throws IOException {
        if (watch != null) {
            watch.close();
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watch.take();
                drain(key);
                // let the burst settle, then reload once
                WatchKey more;
                while ((more = watch.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                try {
                    ReloadOutcome outcome = reloader.reload(io.firecheck.security.Caller.system("watch"));
                    LOG.infof("Rules changed on disk: reload %s (%s)", outcome.outcome(), outcome.version());
                } catch (RuntimeException e) {
                    LOG.error("Reload after a change on disk failed; the active rule set keeps serving", e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // shutting down
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }
}
