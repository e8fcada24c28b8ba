package io.firecheck.engine;

/** One thing wrong with the rules folder: the file relative to it, the line (0 when unknown), what to fix. */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
