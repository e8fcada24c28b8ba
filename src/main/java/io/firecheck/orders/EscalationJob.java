package io.firecheck.orders;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Looks for overdue orders on a schedule on every instance; an advisory lock lets one instance of the
 * cluster do each pass, and the escalation itself is idempotent in the database. On shutdown no new pass
 * starts, and shutdown waits for a running one to commit.
 *
 * <p>Passes run only between startup and shutdown as this instance saw them: while the container shuts
 * down it may destroy this bean before the scheduler stops, and the scheduler's next call then gets a new
 * instance, which must not run a pass against a persistence unit that is already closed.
 */
@ApplicationScoped
public class EscalationJob {
    private static final Logger LOG = Logger.getLogger(EscalationJob.class);
    private final OrderService orders;
    private final Object pass = new Object();
    private volatile boolean running;

    public EscalationJob(OrderService orders) {
        this.orders = orders;
    }

    @Scheduled(every = "${firecheck.orders.escalation-every}", delayed = "${firecheck.orders.escalation-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalate() {
        synchronized (pass) {
            if (!running) {
                return;
            }
            int n = orders.escalateOverdue().size();
            if (n > 0) {
                LOG.infof("Escalated %d overdue supervision order(s)", n);
            }
        }
    }

    void started(@Observes StartupEvent event) {
        running = true;
    }

    /** SIGTERM: readiness is going down; the remaining instances do the next passes. */
    void shutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        running = false;
    }

    void shutdown(@Observes ShutdownEvent event) {
        running = false;
        synchronized (pass) {
            // returns once a running pass has committed, before the database resources close
        }
    }
}
