package io.firecheck.engine;

import java.util.List;

/** A rule that applies to the building but could not be decided: the JSON paths it lacked. */
public record NotAssessed(String ruleId, List<String> missing) {
}
