package org.apom.registry.api;

/**
 * The imports of this node now, for metrics: counts only, nothing of any province.
 *
 * @param running imports being read into the register now (one at a time)
 * @param queued imports accepted and waiting behind it
 */
public record ImportActivity(int running, int queued) {
}
