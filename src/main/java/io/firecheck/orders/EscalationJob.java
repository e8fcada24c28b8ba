package io.firecheck.orders;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Looks for overdue orders on a schedule on every instance; an advisory lock lets one instance of the
 * cluster do each pass, and the escalation itself is idempotent in the database.
 */
@ApplicationScoped
public class EscalationJob {
    private static final Logger LOG = Logger.getLogger(EscalationJob.class);
    private final OrderService orders;

    public EscalationJob(OrderService orders) {
        this.orders = orders;
    }

    @Scheduled(every = "${firecheck.orders.escalation-every:10m}", delayed = "${firecheck.orders.escalation-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalate() {
        int n = orders.escalateOverdue().size();
        if (n > 0) {
            LOG.infof("Escalated %d overdue supervision order(s)", n);
        }
    }
}
