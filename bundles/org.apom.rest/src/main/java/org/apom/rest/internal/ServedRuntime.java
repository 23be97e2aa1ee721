package org.apom.rest.internal;

import java.util.SortedSet;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;

/**
 * The JAX-RS runtime with its service reference, whose properties are always current: its
 * {@code service.changecount} says when the description {@link AllowedMethods} keeps is out of date (a reference's
 * properties, unlike a copy of them injected once, change with the service).
 */
record ServedRuntime(ServiceReference<JaxrsServiceRuntime> reference, JaxrsServiceRuntime runtime) {

    /** The methods the core application accepts at the path (as sent, below its base). */
    SortedSet<String> allowedAt(String path) {
        return AllowedMethods.at(runtime, reference.getProperty(Constants.SERVICE_CHANGECOUNT), ApomApplication.NAME,
                path);
    }
}
