package org.apom.web.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * The pages' FreeMarker templates ({@code templates/*.ftlh}), read from this bundle. Every value is HTML-escaped
 * unless a template says otherwise, so a volunteer's name never becomes markup.
 */
final class Templates {

    private final Configuration configuration;

    Templates() {
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setClassLoaderForTemplateLoading(Templates.class.getClassLoader(), "templates");
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setURLEscapingCharset("UTF-8");
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setRecognizeStandardFileExtensions(true);
        // a template fault is the page's failure (a 500 the servlet answers), never half a page with a stack trace
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setNumberFormat("computer");
    }

    /** The page, whole: rendered before the first byte is sent, so a fault answers an error page instead. */
    String render(String template, Map<String, Object> model) {
        StringWriter out = new StringWriter(8192);
        try {
            configuration.getTemplate(template + ".ftlh").process(model, out);
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("the page " + template + " could not be drawn", e);
        }
        return out.toString();
    }
}
