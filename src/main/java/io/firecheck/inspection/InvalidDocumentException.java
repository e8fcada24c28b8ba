package io.firecheck.inspection;

import java.util.List;

/** The document breaks the contract of inspection-document.md; nothing was evaluated or stored. */
public class InvalidDocumentException extends RuntimeException {
    private final transient List<Violation> violations;

    public InvalidDocumentException(List<Violation> violations) {
        super(violations.size() + " invalid field(s): " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
