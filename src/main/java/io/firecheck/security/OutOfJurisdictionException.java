package io.firecheck.security;

/** A caller limited to one jurisdiction submitted a document of another: a 403 that names both. */
public class OutOfJurisdictionException extends RuntimeException {
    public OutOfJurisdictionException(String documentJurisdiction, Caller caller) {
        super("this token may only submit documents of jurisdiction " + caller.jurisdiction()
                + " (or its sub-districts); the document is of " + documentJurisdiction);
    }

    private OutOfJurisdictionException(String message) {
        super(message);
    }

    /**
     * An inspection id already stored for a building outside the caller's reach: its stored result must not
     * be handed out, nor where it is.
     */
    public static void checkStored(String storedJurisdiction, String inspectionId, Caller caller) {
        if (!caller.covers(storedJurisdiction)) {
            throw new OutOfJurisdictionException("inspection id " + inspectionId
                    + " is already used by an inspection outside jurisdiction " + caller.jurisdiction());
        }
    }

    /** Throws unless the caller's scope covers the document's jurisdiction. */
    public static void check(String documentJurisdiction, Caller caller) {
        if (!caller.covers(documentJurisdiction)) {
            throw new OutOfJurisdictionException(documentJurisdiction, caller);
        }
    }
}
