package org.apom.recognition.api;

import java.util.Locale;

/** What may be done to a nomination; which action is legal in which state is docs/api.md's table. */
public enum NominationAction {
    SUBMIT, ENDORSE, APPROVE, CONFER, REJECT, WITHDRAW;

    /** The name used in the API, e.g. {@code submit}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
