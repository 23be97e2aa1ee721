package org.apom.security.internal.users;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import javax.transaction.TransactionManager;

import org.apom.core.api.health.Readiness;
import org.apom.core.api.health.ReadinessCheck;
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
 * re-registered at that moment, docs/stack.md trap 20) must not leave a platform nobody can log in to. Only
 * when an admin exists does it leave the mark {@link AccountsReady} waits for; otherwise it registers
 * an "accounts" {@link ReadinessCheck} that is DOWN with the reason, so health stays DOWN and says why.
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
    private final AtomicReference<ServiceRegistration<?>> outcome = new AtomicReference<>();

    /** Where the outcome goes: the mark that an admin exists, or the reason there is none. */
    interface Outcome {

        ServiceRegistration<?> adminExists();

        ServiceRegistration<?> noAdmin(String reason);
    }

    @Activate
    public FirstStartAdmin(@Reference UserDirectory users,
            // OpenJPA looks the JTA manager up as a service per transaction (docs/stack.md trap 20)
            @Reference TransactionManager transactions, BundleContext context) {
        this(users, Path.of(System.getProperty("karaf.etc", "etc")), System.getenv("APOM_ADMIN_PASSWORD"),
                new Outcome() {
                    @Override
                    public ServiceRegistration<?> adminExists() {
                        return context.registerService(FirstAdminChecked.class, new FirstAdminChecked() { }, null);
                    }

                    @Override
                    public ServiceRegistration<?> noAdmin(String reason) {
                        return context.registerService(ReadinessCheck.class, new NoAdminReadiness(reason), null);
                    }
                });
    }

    FirstStartAdmin(UserDirectory users, Path etc, String chosen, Outcome tell) {
        worker.submit(() -> {
            AdminBootstrap.Result result = ensureWithRetries(users, etc, chosen);
            if (result == null || worker.isShutdown()) {
                return; // deactivated meanwhile
            }
            outcome.set(result.adminExists() ? tell.adminExists() : tell.noAdmin(result.noAdmin()));
            if (worker.isShutdown()) {
                unregister(); // deactivate ran while the outcome was being registered
            }
        });
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
        unregister();
    }

    private void unregister() {
        ServiceRegistration<?> registration = outcome.getAndSet(null);
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle stopped, taking its services with it
            }
        }
    }

    /** @return the outcome, or {@code null} when interrupted */
    private static AdminBootstrap.Result ensureWithRetries(UserDirectory users, Path etc, String chosen) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                return null;
            }
            try {
                return AdminBootstrap.ensureAdmin(users, etc, chosen);
            } catch (RuntimeException notYet) {
                LOG.warn("The first admin could not be checked or created yet (attempt {}): {}", attempt,
                        notYet.toString());
                try {
                    Thread.sleep(PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    return null;
                }
            }
        }
        LOG.error("No first admin could be created; restart the platform once its database answers");
        return AdminBootstrap.Result.noAdmin("the accounts could not be read or written at the first start "
                + "(see the log); restart the platform once its database answers");
    }

    /** Health's "accounts" part when nobody can log in: DOWN, saying why and what to do. */
    private record NoAdminReadiness(String reason) implements ReadinessCheck {

        @Override
        public String name() {
            return "accounts";
        }

        @Override
        public Readiness check() {
            return Readiness.down(reason, Map.of());
        }
    }
}
