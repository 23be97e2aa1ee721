package org.apom.core.api.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Whether a part is ready, with the details health shows (plain JSON values) and, when not, why. */
public final class Readiness {

    private final boolean up;
    private final Map<String, Object> details;

    private Readiness(boolean up, Map<String, Object> details) {
        this.up = up;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Readiness up(Map<String, Object> details) {
        return new Readiness(true, details);
    }

    /** @param reason why this part cannot serve, in English, shown as {@code error} */
    public static Readiness down(String reason, Map<String, Object> details) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("error", reason);
        return new Readiness(false, all);
    }

    public boolean isUp() {
        return up;
    }

    public Map<String, Object> details() {
        return details;
    }
}
