package org.apom.tiering.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apom.core.api.LocalizedText;
import org.apom.tiering.api.TierCriterion;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The criteria registered now: the core ones, and provinces' own from extension bundles, each read once when it
 * arrives (its bundle may be gone later) with where it counts. A run takes a snapshot when it starts, so a criterion
 * that arrives or leaves meanwhile counts from the next run on.
 */
@Component(service = CriteriaInForce.class)
public final class CriteriaInForce {

    /** Where the extension manager installs an extension: apom-extension:&lt;province&gt;/... (docs/extensions.md). */
    static final String EXTENSION_LOCATION = "apom-extension:";
    private static final Logger LOG = LoggerFactory.getLogger(CriteriaInForce.class);

    /**
     * A criterion as the engine uses it.
     *
     * @param source {@code core}, or the extension bundle's symbolic name
     * @param province the only province it counts for, {@code null} for every one
     * @param contained whether it comes from an extension, and so runs on a worker with a time limit
     */
    record Contributed(TierCriterion criterion, String code, LocalizedText name, int weight, String source,
            String province, boolean contained) {

        boolean appliesTo(String networkProvince) {
            return province == null || province.equals(networkProvince);
        }
    }

    private final Map<ServiceReference<TierCriterion>, Contributed> criteria = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCriterion(TierCriterion criterion, ServiceReference<TierCriterion> reference) {
        Contributed c = of(criterion, reference.getBundle());
        if (c != null) {
            criteria.put(reference, c);
        }
    }

    void removeCriterion(ServiceReference<TierCriterion> reference) {
        criteria.remove(reference);
    }

    /** The criteria now, by code; of two with one code, a core one before a province's. */
    List<Contributed> snapshot() {
        List<Contributed> all = criteria.values().stream()
                .sorted(Comparator.comparing(Contributed::contained).thenComparing(Contributed::code)).toList();
        List<Contributed> kept = new java.util.ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (Contributed c : all) {
            // a province may not shadow a core criterion, nor two extensions share a code in one province
            if (taken.add(c.code() + "@" + (c.province() == null ? "*" : c.province()))
                    && (c.province() == null || !taken.contains(c.code() + "@*"))) {
                kept.add(c);
            }
        }
        return kept.stream().sorted(Comparator.comparing(Contributed::code)).toList();
    }

    static Contributed of(TierCriterion criterion, Bundle bundle) {
        if (bundle == null) {
            return null;
        }
        boolean extension = bundle.getLocation().startsWith(EXTENSION_LOCATION);
        String province = extension ? provinceOf(bundle.getLocation()) : null;
        if (extension && province == null) {
            return null;
        }
        try {
            String code = criterion.code();
            if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,39}")) {
                LOG.warn("A criterion of {} has no valid code and is not used", bundle.getSymbolicName());
                return null;
            }
            LocalizedText name = criterion.name();
            int weight = criterion.weight();
            return new Contributed(criterion, code, name == null ? LocalizedText.of(code, code) : name,
                    Math.max(0, Math.min(1000, weight)), extension ? bundle.getSymbolicName() : "core",
                    "*".equals(province) ? null : province, extension);
        } catch (RuntimeException e) {
            LOG.warn("A criterion of {} could not be read and is not used: {}", bundle.getSymbolicName(), e.toString());
            return null;
        }
    }

    /** The province of an extension's location, {@code *} for every province, {@code null} for none. */
    static String provinceOf(String location) {
        String rest = location.substring(EXTENSION_LOCATION.length());
        int slash = rest.indexOf('/');
        String province = slash < 0 ? null : rest.substring(0, slash);
        return province != null && (province.equals("*") || province.matches("\\d{2}")) ? province : null;
    }
}
