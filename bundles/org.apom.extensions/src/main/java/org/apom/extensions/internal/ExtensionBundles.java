package org.apom.extensions.internal;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extension bundles in the framework, each at its {@link ExtensionLocation}. A new version is installed beside
 * the one that serves and the old one removed after the switch; an update in place (same version) refreshes that
 * one bundle only: extensions export nothing, so nothing else is wired to it and no refresh touches another bundle.
 */
final class ExtensionBundles {

    private static final Logger LOG = LoggerFactory.getLogger(ExtensionBundles.class);
    private static final Pattern MISSING_PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([A-Za-z0-9_.]+)");

    static final int START_LEVEL = 90;
    private static final long REFRESH_SECONDS = 30;

    private final BundleContext context;
    private final ExtensionStandby standby;

    ExtensionBundles(BundleContext context, ExtensionStandby standby) {
        this.context = context;
        this.standby = standby;
    }

    /** @return the extension's bundle that serves (during a swap two run), or {@code null} */
    Bundle find(String symbolicName) {
        Bundle found = null;
        for (Bundle bundle : findAll(symbolicName)) {
            if (found == null || !standby.isStandby(bundle)) {
                found = bundle;
            }
        }
        return found;
    }

    /** Every bundle of the extension: one, or two while a swap runs (or if one was interrupted by a stop). */
    List<Bundle> findAll(String symbolicName) {
        List<Bundle> found = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            ExtensionLocation location = ExtensionLocation.parse(bundle);
            if (location != null && location.symbolicName().equals(symbolicName)) {
                found.add(bundle);
            }
        }
        return found;
    }

    /**
     * Installs the jar beside the extension's bundle that runs (a location of its own), at the extensions' start
     * level, without starting it. A same version cannot run twice (one symbolic name and version per framework):
     * the caller updates in place then.
     */
    Bundle installBeside(ExtensionJar jar) {
        String location = ExtensionLocation.of(jar.province(), jar.symbolicName());
        if (context.getBundle(location) != null) {
            location = ExtensionLocation.beside(jar.province(), jar.symbolicName(),
                    ExtensionManager.sha256(jar.bytes()).substring(0, 16));
        }
        try {
            Bundle bundle = context.installBundle(location, new ByteArrayInputStream(jar.bytes()));
            bundle.adapt(BundleStartLevel.class).setStartLevel(START_LEVEL);
            return bundle;
        } catch (BundleException e) {
            throw cannotStart(jar.symbolicName(), e);
        }
    }

    /** Starts a bundle installed beside; on failure it is uninstalled, and nothing of it stays. */
    void start(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException | IllegalStateException e) {
            String name = bundle.getSymbolicName();
            try {
                uninstall(bundle);
            } catch (RuntimeException alreadyGone) {
                LOG.debug("Extension {} left before it was removed", name, alreadyGone);
            }
            throw e instanceof BundleException b ? cannotStart(name, b)
                    : cannotStart(name, new BundleException(e.getMessage(), e));
        }
    }

    /**
     * Uninstalls the bundle an older platform installed at {@code apom-extension:<symbolic name>}, which names no
     * province, so that the manager can install the stored jar at its location of today.
     */
    void dropUnlocated(String symbolicName) {
        Bundle old = context.getBundle(ExtensionLocation.PREFIX + symbolicName);
        if (old != null) {
            uninstall(old);
        }
    }

    /** Installs and starts the jar; on failure nothing stays installed. */
    Bundle install(ExtensionJar jar) {
        Bundle bundle = null;
        try {
            bundle = context.installBundle(ExtensionLocation.of(jar.province(), jar.symbolicName()),
                    new ByteArrayInputStream(jar.bytes()));
            // after every core bundle (80) when the framework starts again with its bundle cache
            bundle.adapt(BundleStartLevel.class).setStartLevel(START_LEVEL);
            bundle.start();
            remember(jar.symbolicName(), jar.bytes());
            return bundle;
        } catch (BundleException e) {
            if (bundle != null) {
                uninstallQuietly(bundle);
            }
            throw cannotStart(jar.symbolicName(), e);
        }
    }

    /** Replaces the bundle's content with the jar, refreshes it alone and starts it. */
    void update(Bundle bundle, byte[] jar) {
        try {
            bundle.update(new ByteArrayInputStream(jar));
            refresh(bundle);
            bundle.start();
            ExtensionLocation location = ExtensionLocation.parse(bundle);
            if (location != null) {
                remember(location.symbolicName(), jar);
            }
        } catch (BundleException e) {
            throw cannotStart(bundle.getSymbolicName(), e);
        }
    }

    /**
     * Whether the framework on this node runs exactly this jar for the extension: same province (its location),
     * same version, and same bytes (the digest this node wrote when it installed them). Versions alone do not say
     * it: a jar rebuilt with the same version, or another province's extension of the same name installed
     * meanwhile through another node, would pass; the digest alone does not either: a bundle updated outside the
     * manager (the shell's bundle:update) keeps the digest of what the manager installed.
     */
    boolean runs(Bundle bundle, String province, String version, String sha256) {
        ExtensionLocation location = ExtensionLocation.parse(bundle);
        return location != null && location.province().equals(province)
                && bundle.getVersion().toString().equals(version)
                && sha256.equals(remembered(location.symbolicName()));
    }

    /** Notes, on this node, the digest of the jar that serves for the extension (see {@link #runs}). */
    void remember(String symbolicName, byte[] jar) {
        File file = context.getDataFile("installed/" + symbolicName + ".sha256");
        if (file == null) {
            return; // a framework without a file system: nothing to compare at the next start, so it updates
        }
        try {
            Files.createDirectories(file.toPath().getParent());
            Files.writeString(file.toPath(), ExtensionManager.sha256(jar));
        } catch (IOException e) {
            LOG.warn("Extension {}: could not note its digest, so the next start replaces it again", symbolicName, e);
        }
    }

    /** The digest of the jar this node last ran for the extension, or {@code null} if it never ran one. */
    String remembered(String symbolicName) {
        File file = context.getDataFile("installed/" + symbolicName + ".sha256");
        try {
            return file == null || !file.exists() ? null : Files.readString(file.toPath()).strip();
        } catch (IOException e) {
            return null;
        }
    }

    void uninstall(Bundle bundle) {
        try {
            bundle.uninstall();
            refresh(bundle);
        } catch (BundleException e) {
            throw new IllegalStateException("cannot uninstall " + bundle.getSymbolicName(), e);
        }
    }

    private void refresh(Bundle bundle) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(REFRESH_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the refresh of " + bundle.getSymbolicName() + " did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while refreshing " + bundle.getSymbolicName(), e);
        }
    }

    private static void uninstallQuietly(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException ignored) {
            // it did not start; nothing of it must stay, and nothing more can be done here
        }
    }

    /**
     * The framework's reason goes to the log; the caller learns what they can act on (a package their jar imports
     * that nothing exports, or an activator that failed), never the platform's wiring.
     */
    static ProblemException cannotStart(String symbolicName, BundleException e) {
        LOG.warn("Extension {} cannot start", symbolicName, e);
        Matcher missing = MISSING_PACKAGE.matcher(String.valueOf(e.getMessage()));
        LocalizedText why;
        if (e.getType() == BundleException.RESOLVE_ERROR && missing.find()) {
            why = LocalizedText.of("The extension cannot start in this platform: it imports " + missing.group(1)
                    + ", which no bundle exports in a version it accepts.",
                    "ส่วนขยายเริ่มทำงานในแพลตฟอร์มนี้ไม่ได้: แพ็กเกจ " + missing.group(1)
                            + " ที่นำเข้าไม่มีในรุ่นที่ยอมรับ");
        } else if (e.getType() == BundleException.ACTIVATOR_ERROR) {
            why = LocalizedText.of("The extension cannot start in this platform: its activator failed.",
                    "ส่วนขยายเริ่มทำงานในแพลตฟอร์มนี้ไม่ได้: activator ทำงานผิดพลาด");
        } else {
            why = LocalizedText.of("The extension cannot start in this platform (the platform's log has the "
                    + "framework's reason).", "ส่วนขยายเริ่มทำงานในแพลตฟอร์มนี้ไม่ได้ (ดูเหตุผลในบันทึกของระบบ)");
        }
        return new ProblemException(422, "cannot-start", why, List.of());
    }
}
