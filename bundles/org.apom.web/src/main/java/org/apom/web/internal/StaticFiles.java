package org.apom.web.internal;

import org.osgi.service.component.annotations.Component;

/**
 * {@code /static/*}: the workspace's own scripts and styles, its libraries (htmx, ECharts, unpacked from their
 * webjars at build time), the Sarabun font and the map of provinces, all from this bundle: nothing from outside.
 */
@Component(service = StaticFiles.class, property = {
        "osgi.http.whiteboard.resource.pattern=/static/*",
        "osgi.http.whiteboard.resource.prefix=/static"})
public final class StaticFiles {
}
