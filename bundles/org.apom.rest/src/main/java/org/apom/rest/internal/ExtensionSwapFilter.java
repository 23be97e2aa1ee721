package org.apom.rest.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.apom.core.api.problem.TransientFailures;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * In front of the provinces' extension applications, at the servlet level. A swap switches a province to an
 * application built beside the old one, so requests do not meet a rebuild; but Aries still rebuilds an application
 * in place when one of its resources comes or goes outside a swap (an extension's component that restarts, a swap
 * to the same version), and a request that reaches the CXF servlet being replaced fails inside it (its destination
 * has no observer any more), before any JAX-RS exception mapper runs: the servlet container would answer a 500 page
 * naming the exception. This answers what it is, 503 {@code extension-swapping} with {@code Retry-After}, in the
 * problem format. Errors of the extension's own code never get here: the application's mapper answers them.
 */
@Component(service = Filter.class, property = {
    "osgi.http.whiteboard.filter.name=apom-extension-swaps",
    "osgi.http.whiteboard.filter.pattern=/*",
    // the extensions' router's context (org.apom.extensions ExtensionServing), and any application that Aries gives a
    // servlet context of its own at its base below it
    "osgi.http.whiteboard.context.select=(|(osgi.http.whiteboard.context.name=apom-ext)"
            + "(osgi.http.whiteboard.context.path=/" + ApomApplication.BASE + "/ext/*))"})
public final class ExtensionSwapFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(ExtensionSwapFilter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | LinkageError failure) {
            // a LinkageError is the old version's classes half gone; the JVM's other errors pass on
            if (response.isCommitted() || !(response instanceof HttpServletResponse http)) {
                throw failure;
            }
            String path = request instanceof HttpServletRequest r ? r.getRequestURI() : null;
            LOG.warn("{} answered 503 extension-swapping: {}", path, failure.toString());
            answer(http, language(request.getLocales()), path);
        }
    }

    static void answer(HttpServletResponse response, Locale locale, String path) throws IOException {
        response.reset();
        response.setStatus(503);
        response.setHeader("Retry-After", String.valueOf(TransientFailures.RETRY_AFTER_SECONDS));
        response.setContentType(ProblemMapper.PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        response.setLocale(locale);
        JSON.writeValue(response.getOutputStream(), Problems.extensionSwapping().toJson(locale, path));
    }

    private static Locale language(java.util.Enumeration<Locale> locales) {
        return Languages.choose(locales == null ? List.of() : java.util.Collections.list(locales));
    }
}
