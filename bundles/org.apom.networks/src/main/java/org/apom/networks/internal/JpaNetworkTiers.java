package org.apom.networks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.FiscalYear;
import org.apom.networks.api.NetworkTiers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps each network's latest grading in its own row ({@code NET_NETWORK_TIER}, one per network), in SQL and in the
 * grading's transaction: one statement per tier and {@value #IDS} networks, so a national run of 100,000 networks
 * costs some hundred statements.
 */
@Component(service = NetworkTiers.class)
public final class JpaNetworkTiers implements NetworkTiers {

    /** Networks per statement: well below the bind-parameter limits of Derby and PostgreSQL. */
    static final int IDS = 500;

    private final JpaTemplate jpa;

    @Activate
    public JpaNetworkTiers(@Reference(target = "(osgi.unit.name=apom-networks)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public void recordRun(String runId, FiscalYear year, Map<String, String> tiers) {
        Map<String, List<String>> byTier = new TreeMap<>();
        tiers.forEach((network, tier) -> byTier.computeIfAbsent(tier(tier), t -> new ArrayList<>()).add(network));
        jpa.tx(TransactionType.Required, em -> byTier.forEach((tier, networks) -> {
            for (int from = 0; from < networks.size(); from += IDS) {
                List<String> ids = networks.subList(from, Math.min(networks.size(), from + IDS));
                // the override belongs to a network and a year: a new run of the same year keeps it, another drops it
                Query update = em.createNativeQuery("UPDATE NET_NETWORK_TIER SET TIER_OVERRIDE = CASE WHEN TIER_YEAR "
                        + "= ? THEN TIER_OVERRIDE ELSE NULL END, TIER = ?, TIER_RUN = ?, TIER_YEAR = ? WHERE "
                        + "NETWORK_ID IN (" + placeholders(ids.size()) + ") AND (TIER_YEAR IS NULL OR TIER_YEAR <= ?)");
                update.setParameter(1, year.buddhistYear()).setParameter(2, tier).setParameter(3, runId)
                        .setParameter(4, year.buddhistYear());
                for (int i = 0; i < ids.size(); i++) {
                    update.setParameter(5 + i, ids.get(i));
                }
                update.setParameter(5 + ids.size(), year.buddhistYear());
                if (update.executeUpdate() < ids.size() && addMissingRows(em, ids) > 0) {
                    // a network whose row was missing (made by a node of an older version): it has one now
                    update.executeUpdate();
                }
            }
        }));
    }

    /** Rows for networks that have none, so that no graded network goes unrecorded; how many were added. */
    private static int addMissingRows(EntityManager em, List<String> ids) {
        Query insert = em.createNativeQuery("INSERT INTO NET_NETWORK_TIER (NETWORK_ID) SELECT ID FROM NET_NETWORK n "
                + "WHERE ID IN (" + placeholders(ids.size()) + ") AND NOT EXISTS (SELECT 1 FROM NET_NETWORK_TIER t "
                + "WHERE t.NETWORK_ID = n.ID)");
        for (int i = 0; i < ids.size(); i++) {
            insert.setParameter(1 + i, ids.get(i));
        }
        return insert.executeUpdate();
    }

    @Override
    public void recordOverride(String networkId, FiscalYear year, String tier) {
        String checked = tier(tier);
        jpa.tx(TransactionType.Required, em -> em.createNativeQuery("UPDATE NET_NETWORK_TIER SET TIER_OVERRIDE = ? "
                + "WHERE NETWORK_ID = ? AND TIER_YEAR = ?").setParameter(1, checked).setParameter(2, networkId)
                .setParameter(3, year.buddhistYear()).executeUpdate());
    }

    private static String tier(String tier) {
        if (tier == null || !tier.matches("[ABC]")) {
            throw new IllegalArgumentException("a tier is A, B or C, not " + tier);
        }
        return tier;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
