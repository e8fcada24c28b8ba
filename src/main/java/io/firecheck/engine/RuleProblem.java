package io.firecheck.engine;

/**
 * One thing wrong with the rules folder: the file relative to it, the line (0 when unknown), what to fix
 * (Chinese, then English after " / "), and the Drools compiler's own words when the problem came from it.
 */
public record RuleProblem(String file, int line, String message, String drools) {

    public RuleProblem(String file, int line, String message) {
        this(file, line, message, null);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message + (drools == null ? "" : " [Drools: " + drools + "]");
    }
}
