package io.firecheck.replay;

/**
 * A fixture file that cannot be read: not JSON, a base document that is missing or broken, or a fixture
 * without its parts. Names the file (relative to the fixtures folder) and the line (0 when unknown), so that
 * the reload gate, the CLI and the tests can say where to look.
 */
public class FixtureProblemException extends RuntimeException {
    private final String file;
    private final int line;
    private final String problem;

    public FixtureProblemException(String file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
