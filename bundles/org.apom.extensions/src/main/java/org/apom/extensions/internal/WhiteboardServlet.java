package org.apom.extensions.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.ServiceObjects;

/**
 * The CXF servlet the JAX-RS whiteboard registers for a province's application. The HTTP whiteboard never sees it
 * (the service hooks hide it: every such servlet is named {@code cxf-servlet}, and Pax Web serves only one servlet
 * of a name per context); the platform's router calls it, as the HTTP whiteboard would have.
 */
final class WhiteboardServlet {

    private final ServiceObjects<Servlet> objects;
    private final Servlet servlet;
    private final Map<String, String> initParameters;
    private volatile boolean initialized;
    private boolean closed;

    WhiteboardServlet(ServiceObjects<Servlet> objects, Servlet servlet, Map<String, String> initParameters) {
        this.objects = objects;
        this.servlet = servlet;
        this.initParameters = Map.copyOf(initParameters);
    }

    void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!initialized) {
            init(request.getServletContext());
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // what Pax Web does around a servlet: its own class loader is the context's
        thread.setContextClassLoader(servlet.getClass().getClassLoader());
        try {
            servlet.service(request, response);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** Sets the servlet up (once), in the context of the router that calls it. */
    synchronized void init(ServletContext context) throws ServletException {
        if (initialized) {
            return;
        }
        servlet.init(new ServletConfig() {
            @Override
            public String getServletName() {
                return "cxf-servlet";
            }

            @Override
            public ServletContext getServletContext() {
                return context;
            }

            @Override
            public String getInitParameter(String name) {
                return initParameters.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(initParameters.keySet());
            }
        });
        initialized = true;
    }

    /** Gives the servlet back; once only, whoever learns first that it is gone. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (initialized) {
                servlet.destroy();
            }
        } finally {
            objects.ungetService(servlet);
        }
    }
}
