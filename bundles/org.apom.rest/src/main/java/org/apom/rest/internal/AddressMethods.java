package org.apom.rest.internal;

import java.util.SortedSet;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;

/**
 * The methods each address of the core application accepts, from what the JAX-RS runtime serves: for a 405's and
 * an OPTIONS answer's {@code Allow}. The runtime's reference is kept because its properties are always current: its
 * {@code service.changecount} says when the description {@link AllowedMethods} keeps is out of date.
 */
@Component(service = AddressMethods.class)
public final class AddressMethods {

    private ServiceReference<JaxrsServiceRuntime> reference;
    private JaxrsServiceRuntime runtime;

    /** Static: a new runtime makes a new component, so the two fields are set once, before any request. */
    @Reference
    void bindRuntime(ServiceReference<JaxrsServiceRuntime> reference, JaxrsServiceRuntime runtime) {
        this.reference = reference;
        this.runtime = runtime;
    }

    /** The methods the core application accepts at the path (as sent, below its base); empty if none. */
    SortedSet<String> at(String path) {
        return AllowedMethods.at(runtime, reference.getProperty(Constants.SERVICE_CHANGECOUNT), ApomApplication.NAME,
                path);
    }
}
