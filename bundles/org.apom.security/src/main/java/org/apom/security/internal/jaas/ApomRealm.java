package org.apom.security.internal.jaas;

import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The JAAS realm {@code apom}, backed by the platform's accounts; Karaf's ssh and JMX use it
 * (etc/org.apache.karaf.shell.cfg, etc/org.apache.karaf.management.cfg), so the shell knows the same people,
 * passwords and lockouts as the REST API.
 */
@Component(service = JaasRealm.class)
public final class ApomRealm implements JaasRealm {

    public static final String NAME = "apom";

    private final AppConfigurationEntry[] entries;

    @Activate
    public ApomRealm(BundleContext context) {
        // Karaf's proxy loads the login module from this bundle and hands it our bundle context
        entries = new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                LoginModuleControlFlag.REQUIRED, Map.of(
                        ProxyLoginModule.PROPERTY_MODULE, ApomLoginModule.class.getName(),
                        ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()),
                        BundleContext.class.getName(), context))};
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return 0;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
