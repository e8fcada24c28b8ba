package io.firecheck.orders;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Looks for overdue orders on a schedule on every instance; an advisory lock lets one instance of the
 * cluster do each pass, and the escalation itself is idempotent in the database. On shutdown no new pass
 * starts, and shutdown waits for a running one to commit.
 */
@ApplicationScoped
public class EscalationJob {
    private static final Logger LOG = Logger.getLogger(EscalationJob.class);
    private final OrderService orders;
    private final Object pass = new Object();
    private volatile boolean stopping;

    public EscalationJob(OrderService orders) {
        this.orders = orders;
    }

    @Scheduled(every = "${firecheck.orders.escalation-every}", delayed = "${firecheck.orders.escalation-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalate() {
        synchronized (pass) {
            if (stopping) {
                return;
            }
            int n = orders.escalateOverdue().size();
            if (n > 0) {
                LOG.infof("Escalated %d overdue supervision order(s)", n);
            }
        }
    }

    /** SIGTERM: readiness is going down; the remaining instances do the next passes. */
    void shutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
    }

    void shutdown(@Observes ShutdownEvent event) {
        stopping = true;
        synchronized (pass) {
            // returns once a running pass has committed, before the database resources close
        }
    }
}
