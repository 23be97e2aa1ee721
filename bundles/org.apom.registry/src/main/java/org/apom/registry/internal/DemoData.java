package org.apom.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apom.areas.api.AreaDirectory;
import org.apom.areas.api.District;
import org.apom.areas.api.Subdistrict;
import org.apom.core.api.ProvinceCode;
import org.apom.registry.internal.demo.DemoRecord;
import org.apom.registry.internal.demo.DemoRegister;
import org.apom.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo register that {@code ./apom run} shows on an empty database: only when asked for ({@code demoData} in
 * etc/org.apom.registry.cfg, which APOM_DEMO_DATA sets), so a production install never gets it.
 */
final class DemoData {

    static final Caller CALLER = Caller.system("demo-data");
    static final int ROWS = 3_000;
    private static final int BATCH = 500;
    private static final List<String> PROVINCES = List.of("50", "40", "10", "90", "34");
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private DemoData() {
    }

    static void loadIfEmpty(DemoStore store, AreaDirectory areas, LocalDate today) {
        try {
            if (!store.isEmpty()) {
                return;
            }
            List<String> subdistricts = new ArrayList<>();
            for (String province : PROVINCES) {
                for (District d : areas.districts(ProvinceCode.of(province))) {
                    areas.subdistricts(d.code()).stream().map(Subdistrict::code).forEach(c -> subdistricts.add(c.value()));
                }
            }
            List<DemoRecord> records = DemoRegister.generate(ROWS, subdistricts, today, 2569);
            int stored = 0;
            for (int from = 0; from < records.size() && !Thread.currentThread().isInterrupted(); from += BATCH) {
                stored += store.store(records.subList(from, Math.min(records.size(), from + BATCH)),
                        "demo-" + (from / BATCH + 1));
            }
            LOG.info("Loaded a demo register of {} volunteers in provinces {}", stored, PROVINCES);
        } catch (RuntimeException e) {
            LOG.error("The demo register could not be loaded: {}", e.getMessage(), e);
        }
    }
}
