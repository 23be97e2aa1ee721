package org.apom.persistence.internal;

import org.apache.openjpa.ee.OSGiManagedRuntime;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenJPA keeps the transaction manager it uses in a static field that its own service listener sets. When the
 * platform starts again from Karaf's bundle cache, the transaction manager is registered from a configuration
 * thread after Apom's bundles started, and Declarative Services activates the stores on that registration before
 * OpenJPA's listener has heard of it: their first transaction fails ("No javax.transaction.TransactionManager
 * service is currently registered") and they stay failed (docs/stack.md trap 30). Registering OpenJPA's listener
 * again, with OpenJPA's own bundle context, makes it read the manager now registered.
 */
final class OpenJpaTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(OpenJpaTransactions.class);

    private OpenJpaTransactions() {
    }

    static void track() {
        Bundle openjpa = FrameworkUtil.getBundle(OSGiManagedRuntime.class);
        // before OpenJPA's activator has run, registering its listener here would make the activator fail
        if (openjpa == null || openjpa.getState() != Bundle.ACTIVE) {
            return;
        }
        BundleContext context = openjpa.getBundleContext();
        synchronized (OSGiManagedRuntime.class) {
            try {
                OSGiManagedRuntime.deregisterServiceListener(context);
                OSGiManagedRuntime.registerServiceListener(context);
            } catch (Exception e) {
                LOG.warn("Could not make OpenJPA look up the transaction manager again", e);
            }
        }
    }
}
