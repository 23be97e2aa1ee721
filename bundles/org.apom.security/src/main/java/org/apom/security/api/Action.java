package org.apom.security.api;

import java.util.Locale;

/**
 * What a caller may ask to do. The integrator scope of an action is its {@link #id()}: an integrator token
 * may do an action only when it carries that scope.
 */
public enum Action {
    AREAS_READ,
    USERS_READ,
    USERS_WRITE,
    TOKENS_MANAGE,
    AUDIT_READ,
    VOLUNTEERS_READ,
    VOLUNTEERS_WRITE,
    PERSONAL_DATA_READ,
    NETWORKS_READ,
    TIERING_READ,
    RECOGNITION_READ,
    EXTENSIONS_MANAGE,
    /** Reads the operational metrics of a node (requests, latencies, pool, audit sealing, imports); no data. */
    METRICS_READ,
    /**
     * Registers, changes and removes webhooks, and reads and repeats their deliveries.
     *
     * @since 1.5
     */
    WEBHOOKS_MANAGE,
    /**
     * Creates networks and keeps their members, committees and activities.
     *
     * @since 1.6
     */
    NETWORKS_WRITE,
    /**
     * Adds kinds to the national catalogue of network activities.
     *
     * @since 1.6
     */
    ACTIVITY_KINDS_MANAGE,
    /**
     * Starts a grading of networks for a fiscal year: of a province, or (central) of the whole country.
     *
     * @since 1.6
     */
    TIERING_RUN,
    /**
     * Sets a network's tier for a fiscal year beside the computed one, with a reason.
     *
     * @since 1.6
     */
    TIERING_OVERRIDE,
    /**
     * Drafts nominations of volunteers for awards, and withdraws drafts.
     *
     * @since 1.7
     */
    NOMINATIONS_DRAFT,
    /**
     * Submits and endorses nominations for the province, rejects them before the ministry does, and withdraws
     * them while open.
     *
     * @since 1.7
     */
    NOMINATIONS_ENDORSE,
    /**
     * The ministry's decisions: approves, rejects and confers nominations, and records honours received before
     * the platform.
     *
     * @since 1.7
     */
    NOMINATIONS_DECIDE;

    /** For example {@code volunteers:read}; also the integrator token scope for the action. */
    public String id() {
        String name = name().toLowerCase(Locale.ROOT);
        int verb = name.lastIndexOf('_');
        return name.substring(0, verb).replace('_', '-') + ":" + name.substring(verb + 1);
    }
}
