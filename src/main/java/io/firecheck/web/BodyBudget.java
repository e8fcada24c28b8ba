package io.firecheck.web;

import io.firecheck.config.FirecheckConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies the service holds at once. Many large batches at the same time would otherwise
 * fill the heap and end the process for everyone (OutOfMemoryError); past the budget a request is refused
 * with 503, and the client retries. Bytes count as they arrive, not as declared: clients that announce large
 * bodies and trickle them hold what they sent, not the budget.
 */
@ApplicationScoped
public class BodyBudget {
    /** Of the maximum heap, when firecheck.http.bodies-in-flight is not set. */
    static final int DEFAULT_HEAP_FRACTION = 5;

    private final long budget;
    private final AtomicLong held = new AtomicLong();
    private final Counter refused;

    public BodyBudget(FirecheckConfig config, MeterRegistry meters) {
        this.budget = config.http().bodiesInFlight().map(MemorySize::asLongValue)
                .orElse(Runtime.getRuntime().maxMemory() / DEFAULT_HEAP_FRACTION);
        Gauge.builder("firecheck.http.bodies.held", held, AtomicLong::get).baseUnit("bytes")
                .description("Bytes of request bodies read or being answered").register(meters);
        this.refused = Counter.builder("firecheck.http.bodies.refused")
                .description("Requests answered 503 because the bodies held were at the budget").register(meters);
    }

    /** Whether a new body of {@code bytes} would be taken now. */
    public boolean fits(long bytes) {
        return fits(held.get(), 0, bytes);
    }

    /**
     * Takes {@code more} bytes for a body that holds {@code mine} already; false, and nothing taken, when they
     * do not fit.
     */
    public boolean take(long mine, long more) {
        while (true) {
            long now = held.get();
            if (!fits(now, mine, more)) {
                return false;
            }
            if (held.compareAndSet(now, now + more)) {
                return true;
            }
        }
    }

    /**
     * A body alone always fits, however large: its own size limit bounds it. It is alone when all that is held
     * is its own, since every other body held has taken at least one byte.
     */
    private boolean fits(long now, long mine, long more) {
        return now == mine || now + more <= budget;
    }

    /** Counts a request answered 503 for want of budget. */
    public void refused() {
        refused.increment();
    }

    /** Gives back what a request took, once it is answered. */
    public void give(long bytes) {
        held.addAndGet(-bytes);
    }

    public long held() {
        return held.get();
    }

    public long budget() {
        return budget;
    }
}
