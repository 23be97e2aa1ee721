package org.apom.security.internal.files;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apom.core.api.health.Readiness;
import org.apom.core.api.health.ReadinessCheck;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the platform's own files at every start ({@link FileDigests}) and keeps health DOWN, naming them, while
 * one differs from what central IT accepted: a datasource pointed elsewhere or extension signing switched off
 * behind central IT's back must not go unnoticed. A start with {@code acceptAtStart} (which {@code ./apom} sets
 * through APOM_ACCEPT_FILES right after it unpacked a new build, whose files it put there itself) accepts them
 * instead.
 */
@Component(service = {ReadinessCheck.class, GuardedFiles.class}, configurationPid = GuardedFilesConfig.PID)
@Designate(ocd = GuardedFilesConfig.class)
public final class GuardedFiles implements ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedFiles.class);
    private static final long RETRY_SECONDS = 10;

    private final FileDigests digests;
    private final List<Path> files;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "apom-guarded-files"));
    private volatile Readiness state = Readiness.down("the platform's files are not checked yet", Map.of());

    @Activate
    public GuardedFiles(@Reference(target = "(osgi.unit.name=apom-security)") JpaTemplate jpa,
            @Reference AuditTrail audit, @Reference ConfigurationAdmin configurations,
            // OpenJPA looks the JTA manager up as a service per transaction (docs/stack.md trap 20)
            @Reference TransactionManager transactions, BundleContext context, GuardedFilesConfig config) {
        this.digests = new FileDigests(jpa, audit, Clock.systemUTC(),
                Path.of(System.getProperty("karaf.base", ".")));
        this.files = files(Path.of(System.getProperty("karaf.etc", "etc")), config.files(),
                trustStore(configurations));
        boolean accept = config.acceptAtStart() && firstAcceptanceOfThisStart(context.getDataFile("accepted-at-start"));
        retries.execute(() -> checkUntilDone(accept));
    }

    /**
     * Whether this JVM has not used {@code acceptAtStart} yet, and now has: the setting stays on for as long as the
     * process runs (its environment does not change), and a later restart of this component (a change of this
     * file) must not accept files changed since behind central IT's back.
     */
    static boolean firstAcceptanceOfThisStart(File marker) {
        String start = Long.toString(ManagementFactory.getRuntimeMXBean().getStartTime());
        try {
            if (marker.exists() && Files.readString(marker.toPath()).strip().equals(start)) {
                return false;
            }
            Files.writeString(marker.toPath(), start);
            return true;
        } catch (IOException e) {
            LOG.warn("acceptAtStart: cannot keep the start it was used in ({}); not accepting", e.toString());
            return false;
        }
    }

    @Deactivate
    void deactivate() {
        retries.shutdownNow();
    }

    @Override
    public String name() {
        return "files";
    }

    @Override
    public Readiness check() {
        return state;
    }

    /** Accepts every guarded file as it is now (central IT, from the shell); @return the paths that changed */
    public List<String> acceptAll(Caller caller) {
        List<String> accepted = digests.accept(files, caller);
        state = Readiness.up(FileDigests.details(files, List.of()));
        return accepted;
    }

    public List<Path> files() {
        return files;
    }

    private void checkUntilDone(boolean accept) {
        try {
            Caller start = Caller.system("platform-start");
            List<FileDigests.Change> changes = digests.check(files, start);
            if (!changes.isEmpty() && accept) {
                LOG.warn("acceptAtStart: accepting the changed files {}", changes);
                digests.accept(files, Caller.system("platform-start:acceptAtStart"));
                changes = List.of();
            }
            if (changes.isEmpty()) {
                state = Readiness.up(FileDigests.details(files, changes));
                return;
            }
            String reason = "changed since central IT accepted them: " + changes.stream().map(FileDigests.Change::path)
                    .toList() + "; if central IT changed them, accept them in the Karaf shell (apom:files-accept)";
            LOG.error("The platform's own files {}", reason);
            state = Readiness.down(reason, FileDigests.details(files, changes));
        } catch (RuntimeException e) {
            LOG.warn("The platform's files could not be checked yet ({}); trying again in {} s", e.toString(),
                    RETRY_SECONDS);
            state = Readiness.down("the platform's files could not be checked yet: " + e.getMessage(), Map.of());
            retries.schedule(() -> checkUntilDone(accept), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    static List<Path> files(Path etc, String[] names, String trustStore) {
        List<Path> all = new ArrayList<>();
        // the list itself, so that shortening it is a change too
        all.add(etc.resolve(GuardedFilesConfig.PID + ".cfg"));
        // a .cfg file hands the list over as one comma-separated string, a typed .config file as an array
        for (String name : String.join(",", names).split(",")) {
            if (!name.isBlank()) {
                all.add(etc.resolve(name.strip()));
            }
        }
        if (trustStore != null && !trustStore.isBlank()) {
            all.add(etc.resolve(trustStore.strip()));
        }
        return List.copyOf(all);
    }

    /** The extensions' trust store as configured, without creating their configuration if there is none. */
    private static String trustStore(ConfigurationAdmin configurations) {
        try {
            Configuration[] found = configurations.listConfigurations("(service.pid=org.apom.extensions)");
            Object store = found == null || found[0].getProperties() == null ? null
                    : found[0].getProperties().get("trustStore");
            return store == null ? null : store.toString();
        } catch (IOException | InvalidSyntaxException e) {
            return null;
        }
    }
}
