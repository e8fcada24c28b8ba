package io.firecheck.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's class loader, remembering which names are no class. MVEL resolves every identifier of a
 * constraint by trying it as a class (and as an inner class of each import) when a new KieBase first evaluates
 * it; each miss searches every jar of the class path. The application's classes do not change while it runs,
 * so a name that was no class stays none. Rules define no classes of their own (no {@code declare}); Drools
 * keeps what it generates in its own loader above this one.
 */
final class KnownClasses extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    KnownClasses(ClassLoader parent) {
        super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missing.contains(name)) {
            throw new NoSuchClass(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            missing.add(name);
            throw e;
        }
    }

    /** Thrown for a name known to be no class; its stack would only repeat the lookup's. */
    private static final class NoSuchClass extends ClassNotFoundException {
        NoSuchClass(String name) {
            super(name);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
