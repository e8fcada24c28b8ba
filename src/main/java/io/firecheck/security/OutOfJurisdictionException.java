package io.firecheck.security;

/** A caller limited to one jurisdiction submitted a document of another: a 403 that names both. */
public class OutOfJurisdictionException extends RuntimeException {
    public OutOfJurisdictionException(String documentJurisdiction, Caller caller) {
        super("this token may only submit documents of jurisdiction " + caller.jurisdiction()
                + " (or its sub-districts); the document is of " + documentJurisdiction);
    }

    /** Throws unless the caller's scope covers the document's jurisdiction. */
    public static void check(String documentJurisdiction, Caller caller) {
        if (!caller.covers(documentJurisdiction)) {
            throw new OutOfJurisdictionException(documentJurisdiction, caller);
        }
    }
}
