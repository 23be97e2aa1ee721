package org.apom.extensions.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/**
 * The last thing that went wrong in each running extension on this node (a record check that threw or overran),
 * per version, so that the list of extensions shows it beside the errors the manager stores (a jar that would not
 * start again) and a new version starts with a clean slate.
 */
@Component(service = ExtensionErrors.class)
public final class ExtensionErrors {

    private final Map<String, String> last = new ConcurrentHashMap<>();
    private final Clock clock;

    public ExtensionErrors() {
        this(Clock.systemUTC());
    }

    ExtensionErrors(Clock clock) {
        this.clock = clock;
    }

    void report(String symbolicName, String version, String what) {
        last.put(symbolicName + "@" + version, Instant.now(clock) + " " + what);
    }

    /** @return the last error of that version, or {@code null} */
    String lastError(String symbolicName, String version) {
        return last.get(symbolicName + "@" + version);
    }
}
