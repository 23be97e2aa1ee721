package org.apom.rest.internal.health;

import java.util.Map;

/** The health answer: overall status and each component's status with details. */
public record HealthJson(String status, Map<String, ComponentJson> components) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    /** One checked part of the platform. */
    public record ComponentJson(String status, Map<String, Object> details) {

        boolean up() {
            return UP.equals(status);
        }
    }
}
