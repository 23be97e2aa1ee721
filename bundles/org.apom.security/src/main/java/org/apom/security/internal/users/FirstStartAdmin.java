package org.apom.security.internal.users;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.transaction.TransactionManager;

import org.apom.security.api.UserDirectory;
import org.apom.security.internal.users.AccountsReady.FirstAdminChecked;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AdminBootstrap} once the accounts are available, because the distribution ships none. It retries
 * while the database is not yet usable: a first start that failed once (the transaction manager being
 * re-registered at that moment, docs/stack.md trap 20) must not leave a platform nobody can log in to.
 */
@Component(immediate = true)
// registered by hand once the admin exists, so the resolver is told here that this bundle offers it
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=org.apom.security.internal.users.AccountsReady$FirstAdminChecked")
public final class FirstStartAdmin {

    private static final int ATTEMPTS = 90;
    private static final long PAUSE_MILLIS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(FirstStartAdmin.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "apom-first-admin"));
    private final AtomicReference<ServiceRegistration<FirstAdminChecked>> checked = new AtomicReference<>();

    @Activate
    public FirstStartAdmin(@Reference UserDirectory users,
            // OpenJPA looks the JTA manager up as a service per transaction (docs/stack.md trap 20)
            @Reference TransactionManager transactions, BundleContext context) {
        this(users, Path.of(System.getProperty("karaf.etc", "etc")), System.getenv("APOM_ADMIN_PASSWORD"),
                () -> context.registerService(FirstAdminChecked.class, new FirstAdminChecked() { }, null));
    }

    FirstStartAdmin(UserDirectory users, Path etc, String chosen, Supplier<ServiceRegistration<FirstAdminChecked>> mark) {
        worker.submit(() -> {
            if (ensureWithRetries(users, etc, chosen) && mark != null) {
                checked.set(mark.get());
            }
        });
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
        ServiceRegistration<FirstAdminChecked> registration = checked.getAndSet(null);
        if (registration != null) {
            registration.unregister();
        }
    }

    private static boolean ensureWithRetries(UserDirectory users, Path etc, String chosen) {
        for (int attempt = 1; attempt <= ATTEMPTS && !Thread.currentThread().isInterrupted(); attempt++) {
            try {
                AdminBootstrap.ensureAdmin(users, etc, chosen);
                return true;
            } catch (RuntimeException notYet) {
                LOG.warn("The first admin could not be checked or created yet (attempt {}): {}", attempt,
                        notYet.toString());
                try {
                    Thread.sleep(PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        LOG.error("No first admin could be created; restart the platform once its database answers");
        return false;
    }
}
