package org.apom.rest.internal;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The core JAX-RS application. Domain bundles join it with
 * {@code @JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")}; provincial extensions never do (they get
 * applications of their own, so swapping one does not rebuild this one).
 */
@Component(service = Application.class)
@JaxrsName(ApomApplication.NAME)
@JaxrsApplicationBase(ApomApplication.BASE)
public final class ApomApplication extends Application {

    public static final String NAME = "apom";
    public static final String BASE = "api/v1";
}
