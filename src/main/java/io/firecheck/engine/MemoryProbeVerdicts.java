package io.firecheck.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Passes of the absent-field probe in this process: the newest few, as a loader without a shared store keeps them. */
public final class MemoryProbeVerdicts implements ProbeVerdicts {
    private static final int ENTRIES = 32;
    private final Map<String, String> keys = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > ENTRIES;
        }
    };

    @Override
    public synchronized boolean passed(String behaviourKey) {
        return keys.get(behaviourKey) != null;
    }

    @Override
    public synchronized void recordPass(String behaviourKey, String version) {
        keys.put(behaviourKey, version);
    }
}
