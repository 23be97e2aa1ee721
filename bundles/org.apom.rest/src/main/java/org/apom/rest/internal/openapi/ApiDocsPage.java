package org.apom.rest.internal.openapi;

import org.osgi.service.component.annotations.Component;

/**
 * {@code /api/docs/index.html}: the API document rendered for people by Swagger UI, whose files this bundle carries
 * (built from its webjar), so that a ministry behind a firewall needs no CDN. The HTTP whiteboard serves the files;
 * the page reads {@code /api/v1/openapi.json}, which is public like the page. It lies outside {@code /api/v1} so that
 * it is no operation of the API and the API's login never stands in front of it.
 */
@Component(service = ApiDocsPage.class, property = {
        "osgi.http.whiteboard.resource.pattern=" + ApiDocsPage.PATTERN,
        "osgi.http.whiteboard.resource.prefix=/apidocs"})
public final class ApiDocsPage {

    static final String PATTERN = "/api/docs/*";
}
