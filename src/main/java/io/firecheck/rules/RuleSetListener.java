package io.firecheck.rules;

import io.firecheck.config.FirecheckConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears of rule sets accepted anywhere in the cluster: LISTEN on a connection of its own, and a periodic
 * comparison as the fallback for anything missed while that connection was down. Either way it asks
 * {@link ClusterRuleSync#converge()}.
 */
@ApplicationScoped
public class RuleSetListener {
    private static final Logger LOG = Logger.getLogger(RuleSetListener.class);
    private static final long RETRY_MILLIS = 2000;

    private final DataSource dataSource;
    private final RuleSetStore store;
    private final ClusterRuleSync sync;
    private final long checkEveryMillis;
    private volatile boolean running;
    private volatile Thread thread;

    public RuleSetListener(DataSource dataSource, RuleSetStore store, ClusterRuleSync sync, FirecheckConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.sync = sync;
        this.checkEveryMillis = config.rules().clusterCheckEvery().toMillis();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "rule-set-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** Lets a running check finish its swap (it is one reference), then ends the loop. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private void run() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Rule set notifications interrupted (%s); retrying, periodic checks meanwhile", e.getMessage());
                    checkQuietly();
                    sleep(RETRY_MILLIS);
                }
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN \"" + store.channel().replace("\"", "\"\"") + "\"");
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        sync.converge(); // whatever was accepted while this connection was not listening
        long nextCheck = System.currentTimeMillis() + checkEveryMillis;
        while (running) {
            // wakes on a notification, or at the latest for the periodic check; short enough to stop promptly
            PGNotification[] notes = pg.getNotifications((int) Math.min(checkEveryMillis, 1000));
            boolean due = System.currentTimeMillis() >= nextCheck;
            if (notes != null && notes.length > 0) {
                LOG.debugf("Heard of rule set %s", notes[notes.length - 1].getParameter());
            }
            if ((notes != null && notes.length > 0) || due) {
                sync.converge();
                nextCheck = System.currentTimeMillis() + checkEveryMillis;
            }
        }
    }

    private void checkQuietly() {
        try {
            sync.converge();
        } catch (RuntimeException e) {
            LOG.debug("Periodic rule set check failed", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
