package io.firecheck.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Where a command's wall time goes, on standard error when {@code FIRECHECK_TIMING} is set: each step with the
 * milliseconds since the JVM started (which include its start and class loading before {@code main}), and the
 * process's CPU time so far (all threads), which a busy machine disturbs less than the wall time.
 */
final class Timing {
    private static final boolean ON = System.getenv("FIRECHECK_TIMING") != null;
    private static final PrintStream ERR = System.err;
    private static final Instant JVM_START = ON ? ProcessHandle.current().info().startInstant().orElse(Instant.now()) : null;
    private static long last = ON ? sinceStart() : 0;

    private Timing() {
    }

    static boolean on() {
        return ON;
    }

    /** Marks the end of a step. */
    static void mark(String step) {
        if (ON) {
            long now = sinceStart();
            long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            ERR.printf(Locale.ROOT, "timing %6d ms  +%5d ms  (cpu %6d ms)  %s%n", now, now - last, cpu, step);
            last = now;
        }
    }

    private static long sinceStart() {
        return Duration.between(JVM_START, Instant.now()).toMillis();
    }
}
