package io.firecheck.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Drools compiler messages into sentences a fire officer can act on. The original text is kept
 * after the translation (trimmed) so an engineer can still follow it.
 */
final class CompileMessages {
    private record Translation(Pattern pattern, String message) {
    }

    private static final List<Translation> TRANSLATIONS = List.of(
            new Translation(Pattern.compile("unable to resolve method using strict-mode: [\\w.$]+\\.(\\w+)\\(\\)"),
                    "unknown fact `$1`{in}: check the field name against inspection-document.md"),
            new Translation(Pattern.compile("Unable to (?:resolve|find) ObjectType '(\\w+)'"),
                    "unknown fact type `$1`{in}: known types are Building, Inspection, ExteriorInsulation, FireSystems, "
                            + "Evacuation, RescueAccess, ShaftEntry, ElectricalAndGas, ControlRoom, MicroFireStation, "
                            + "Readiness, EBikes, CentralShed, Management, HighRise, SuperHighRise, Crowded, Fired"),
            new Translation(Pattern.compile("\\[ERR 10[0-9]\\] Line (\\d+):\\d+ mismatched input 'then'"),
                    "syntax error{in}: the condition before line $1 is not closed; check that every ( has its )"),
            new Translation(Pattern.compile("\\[ERR 10[0-9]\\] Line (\\d+):(\\d+) (.*)"),
                    "syntax error{in} at column $2: $3"),
            new Translation(Pattern.compile("Duplicate rule name: (.*)"),
                    "two rules are called $1: every rule name must be unique across all files{in}"));

    private CompileMessages() {
    }

    static String readable(String text, String rule) {
        String in = rule == null ? "" : " in rule \"" + rule + "\"";
        String flat = text.replaceAll("\\s+", " ").strip();
        for (Translation t : TRANSLATIONS) {
            Matcher m = t.pattern().matcher(flat);
            if (m.find()) {
                String message = t.message();
                for (int g = 1; g <= m.groupCount(); g++) {
                    message = message.replace("$" + g, m.group(g));
                }
                return message.replace("{in}", in) + " (" + shorten(flat) + ")";
            }
        }
        return (in.isEmpty() ? "" : in.substring(1) + ": ") + shorten(flat);
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
