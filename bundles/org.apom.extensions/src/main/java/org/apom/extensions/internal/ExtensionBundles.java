package org.apom.extensions.internal;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The extension bundles in the framework, each at the location {@code apom-extension:<symbolic name>}. An update
 * refreshes that one bundle only: extensions export nothing, so nothing else is wired to it and the refresh
 * touches no other bundle.
 */
final class ExtensionBundles {

    static final String LOCATION = "apom-extension:";
    static final int START_LEVEL = 90;
    private static final long REFRESH_SECONDS = 30;

    private final BundleContext context;

    ExtensionBundles(BundleContext context) {
        this.context = context;
    }

    Bundle find(String symbolicName) {
        return context.getBundle(LOCATION + symbolicName);
    }

    /** Installs and starts the jar; on failure nothing stays installed. */
    Bundle install(ExtensionJar jar) {
        Bundle bundle = null;
        try {
            bundle = context.installBundle(LOCATION + jar.symbolicName(), new ByteArrayInputStream(jar.bytes()));
            // after every core bundle (80) when the framework starts again with its bundle cache
            bundle.adapt(BundleStartLevel.class).setStartLevel(START_LEVEL);
            bundle.start();
            return bundle;
        } catch (BundleException e) {
            if (bundle != null) {
                uninstallQuietly(bundle);
            }
            throw cannotStart(e);
        }
    }

    /** Replaces the bundle's content with the jar, refreshes it alone and starts it. */
    void update(Bundle bundle, byte[] jar) {
        try {
            bundle.update(new ByteArrayInputStream(jar));
            refresh(bundle);
            bundle.start();
        } catch (BundleException e) {
            throw cannotStart(e);
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

    private static ProblemException cannotStart(BundleException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ProblemException(422, "cannot-start", LocalizedText.of(
                "The extension cannot start in this platform: " + why,
                "ส่วนขยายเริ่มทำงานในแพลตฟอร์มนี้ไม่ได้: " + why), List.of());
    }
}
