package org.apom.networks.api;

/** A kind of activity in the national catalogue, e.g. {@code HOME_VISIT} (เยี่ยมบ้าน). */
public record ActivityKind(String code, String nameTh, String nameEn) {
}
