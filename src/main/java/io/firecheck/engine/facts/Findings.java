package io.firecheck.engine.facts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Collects the evidence that rule consequences state, one entry per rule id. A rule that matches
 * several times (one per shaft, say) adds one piece of evidence each time.
 */
public final class Findings {
    private final Map<String, List<String>> evidence = new LinkedHashMap<>();

    public void add(RuleContext context, String text) {
        String id = ruleId(context);
        List<String> pieces = evidence.computeIfAbsent(id, k -> new ArrayList<>());
        if (pieces.isEmpty()) {
            context.getKieRuntime().insert(new Fired(id));
        }
        if (!pieces.contains(text)) {
            pieces.add(text);
        }
    }

    public Map<String, List<String>> evidenceByRule() {
        return evidence;
    }

    private static String ruleId(RuleContext context) {
        Object id = context.getRule().getMetaData().get("id");
        return id == null ? context.getRule().getName() : id.toString();
    }
}
