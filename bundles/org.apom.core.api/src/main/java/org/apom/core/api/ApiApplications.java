package org.apom.core.api;

/**
 * The JAX-RS applications of the platform, for the select filters of the extensions (authentication, limits,
 * JSON, problem answers) that every one of them needs: the core application {@code apom} at {@code /api/v1},
 * and each province's extension application at {@code /api/v1/ext/{province}} (property
 * {@value #PROVINCE_PROPERTY}). Nothing of Apom is served by the whiteboard's default application, and an
 * extension's services for any other application are hidden from the whiteboard.
 */
public final class ApiApplications {

    public static final String CORE = "apom";
    public static final String PROVINCE_PROPERTY = "apom.extensions.province";
    public static final String EVERY = "(|(osgi.jaxrs.name=" + CORE + ")("
            + PROVINCE_PROPERTY + "=*))";

    private ApiApplications() {
    }

    /** The name of a province's extension application ({@code apom-ext-50}; {@code apom-ext-all} for every province). */
    public static String extensionApplication(String province) {
        return "apom-ext-" + ("*".equals(province) ? "all" : province);
    }
}
