package io.firecheck.engine;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * Reusable sessions of one KieBase. A new session builds its node and segment memories (about a fifth of an
 * evaluation); a reset one keeps them, emptied. Each session is used by one evaluation at a time and belongs
 * to its rule set: a reload brings a new pool, and the old one goes with the old rule set.
 *
 * A session comes back reset (facts, matches, globals all cleared, as Drools' own pool does) and is kept only
 * if it is then empty; after an exception it is disposed, never reused. At most {@code capacity} idle
 * sessions are kept; a burst beyond that gets new sessions that are disposed afterwards.
 */
public final class SessionPool {
    private final KieBase kieBase;
    private final BlockingQueue<KieSession> idle;

    public SessionPool(KieBase kieBase, int capacity) {
        this.kieBase = kieBase;
        this.idle = new ArrayBlockingQueue<>(capacity);
    }

    /** Room for as many idle sessions as evaluations can run at once on this machine, and some. */
    public static SessionPool forMachine(KieBase kieBase) {
        return new SessionPool(kieBase, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** An empty session with no globals set, for one evaluation. */
    KieSession take() {
        KieSession session = idle.poll();
        return session != null ? session : kieBase.newKieSession();
    }

    /** After a successful evaluation: reset and keep for the next one, or dispose. */
    void giveBack(KieSession session) {
        boolean kept = false;
        try {
            if (session instanceof StatefulKnowledgeSessionImpl impl) {
                impl.reset();
                kept = impl.getFactCount() == 0 && idle.offer(session);
            }
        } finally {
            if (!kept) {
                session.dispose();
            }
        }
    }

    /** After a failed evaluation: its state is not trusted, so it is never reused. */
    void discard(KieSession session) {
        session.dispose();
    }

    int idleCount() {
        return idle.size();
    }
}
