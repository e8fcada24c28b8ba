package io.firecheck.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Passes run only between the startup and the shutdown this instance saw. */
class EscalationJobTest {

    /** Counts passes; no database. */
    static final class CountingOrders extends OrderService {
        int passes;

        CountingOrders() {
            super(null, null, null, null, null);
        }

        @Override
        public List<UUID> escalateOverdue() {
            passes++;
            return List.of();
        }
    }

    private final CountingOrders orders = new CountingOrders();
    private final EscalationJob job = new EscalationJob(orders);

    @Test
    void anInstanceThatDidNotSeeStartupRunsNoPass() {
        // what the scheduler gets when the container has destroyed the job's bean before the scheduler stopped
        job.escalate();
        assertEquals(0, orders.passes);
    }

    @Test
    void afterStartupEachCallIsAPass() {
        job.started(null);
        job.escalate();
        job.escalate();
        assertEquals(2, orders.passes);
    }

    @Test
    void noPassOnceReadinessGoesDown() {
        job.started(null);
        job.shutdownDelay(null);
        job.escalate();
        assertEquals(0, orders.passes);
    }

    @Test
    void noPassOnceShutdownBegins() {
        job.started(null);
        job.shutdown(null);
        job.escalate();
        assertEquals(0, orders.passes);
    }
}
