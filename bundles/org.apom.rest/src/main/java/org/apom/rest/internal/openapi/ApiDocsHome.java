package org.apom.rest.internal.openapi;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * {@code /api/docs} and {@code /api/docs/}: the address people type, sent on to the page ({@link ApiDocsPage}). The
 * folder itself is no file, and the HTTP whiteboard answered it with 403.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/docs",
        "osgi.http.whiteboard.servlet.pattern=/api/docs/",
        "osgi.http.whiteboard.servlet.name=apom-api-docs-home"})
public final class ApiDocsHome extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/api/docs/index.html");
    }
}
