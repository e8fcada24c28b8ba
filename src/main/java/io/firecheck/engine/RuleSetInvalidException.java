package io.firecheck.engine;

import java.util.List;

/** The rules folder does not compile or is inconsistent; the problems name file and line. */
public class RuleSetInvalidException extends Exception {
    private final transient List<RuleProblem> problems;

    public RuleSetInvalidException(List<RuleProblem> problems) {
        super(problems.size() + " problem(s) in the rules folder: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
