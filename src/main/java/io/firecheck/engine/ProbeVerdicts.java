package io.firecheck.engine;

/**
 * Where passes of the absent-field probe are kept, so that a rule set is not probed again where a set of the
 * same behaviour already passed. The probe's verdict depends only on the set's behaviour key
 * ({@link RuleSetLoader#behaviourKey}: its files without the wording of titles, basis and rectification) and on
 * the build that runs it (the application, its libraries, the JVM). A store therefore answers for one build: the
 * memory of one process ({@link MemoryProbeVerdicts}), a cache folder of the build ({@link CompiledRulesCache}), or
 * rows keyed by {@link BuildIdentity} that every instance of a cluster reads. Only passes are kept: a failure is
 * always reported afresh, naming its rule and field.
 */
public interface ProbeVerdicts {
    /** Whether a set of this behaviour passed on this build. The loader asks just before it would probe. */
    boolean passed(String behaviourKey);

    /**
     * Keeps a pass; {@code version} names the set that passed, for people reading the record. A store that cannot
     * keep it says nothing: a pass not kept only costs another probe.
     */
    void recordPass(String behaviourKey, String version);
}
