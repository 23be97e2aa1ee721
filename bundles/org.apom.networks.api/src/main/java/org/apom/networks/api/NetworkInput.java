package org.apom.networks.api;

/**
 * A network as a caller describes it, every field as text so that each mistake is reported with its field.
 *
 * @param level {@code SUBDISTRICT}, {@code DISTRICT}, {@code PROVINCE} or {@code NATIONAL}
 * @param areaCode the code matching the level (6, 4 or 2 digits), left out for a national network
 * @param foundedOn ISO or d/m/yyyy in the Buddhist era; today when left out
 */
public record NetworkInput(String name, String level, String areaCode, String foundedOn) {
}
