package org.apom.core.api;

/**
 * How a core bundle tells {@code GET /api/v1/health} why this node cannot serve, when no component state can
 * say it: it registers a service (of any type) with the property {@value #PROPERTY}, one English sentence
 * that says what is wrong and what to do. The node is DOWN while such a service is registered, and the
 * sentence is in the answer. Health is public: the reason never carries a secret.
 */
public final class DownReason {

    public static final String PROPERTY = "apom.health.down-reason";
    public static final String FILTER = "(" + PROPERTY + "=*)";

    private DownReason() {
    }
}
