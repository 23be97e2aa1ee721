package org.apom.metrics.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.apom.persistence.api.DatabasePool;
import org.apom.registry.api.ImportActivity;
import org.apom.registry.api.VolunteerFiles;
import org.apom.security.api.AuditSealing;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.prometheus.metrics.config.MetricsProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The metrics of this node, in one registry of its own: the API's requests (by method, route template and
 * status, with their latencies) and gauges read at each scrape from the pool, the audit sequencer and the
 * import queue. Every gauge reads what its service already holds in memory, so a scrape takes no connection.
 * A service that is not there (its bundle being updated) leaves its gauges out of the scrape rather than
 * taking the whole registry, and the API's filters with it, down.
 */
@Component(service = ApomMetrics.class)
public final class ApomMetrics {

    /** The histogram of every request; Prometheus adds {@code _bucket}, {@code _count} and {@code _sum}. */
    static final String REQUESTS = "http_server_requests_seconds";
    /** The text format every Prometheus server reads. */
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private static final Logger LOG = LoggerFactory.getLogger(ApomMetrics.class);
    /**
     * Fixed settings instead of PrometheusProperties.get(), which reads system properties and the environment.
     * No exemplars: they need the tracer bundles, which the platform does not install, and the 0.0.4 text
     * format cannot carry them anyway.
     */
    private static final PrometheusProperties SETTINGS = PrometheusProperties.builder()
            .defaultMetricsProperties(MetricsProperties.builder().exemplarsEnabled(false).histogramClassicOnly(true)
                    .build())
            .build();
    /** Reads the audit sequencer's state; that read is for central admins and auditors, and this is the node. */
    private static final Caller SELF = Caller.system("metrics");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Histogram requests;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile DatabasePool pool;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditTrail audit;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile VolunteerFiles imports;

    public ApomMetrics() {
        this(Clock.systemUTC());
    }

    ApomMetrics(Clock clock) {
        this.clock = clock;
        requests = Histogram.builder(SETTINGS).name(REQUESTS)
                .help("Requests the API answered, by method, route template and status, and how long they took")
                .labelNames("method", "route", "status")
                .classicOnly().classicUpperBounds(Histogram.Builder.DEFAULT_CLASSIC_UPPER_BOUNDS).withoutExemplars()
                .register(registry);
        gauge("apom_db_pool_active_connections", "Connections lent to transactions now",
                () -> pool == null ? null : (double) pool.state().active());
        gauge("apom_db_pool_idle_connections", "Connections free in the pool now",
                () -> pool == null ? null : (double) pool.state().idle());
        gauge("apom_db_pool_waiting_callers", "Callers waiting for a connection now",
                () -> pool == null ? null : (double) pool.state().waiting());
        gauge("apom_db_pool_max_connections", "The most connections the pool opens",
                () -> pool == null ? null : (double) pool.state().max());
        CounterWithCallback.builder(SETTINGS).name("apom_db_pool_refused")
                .help("Callers refused a connection (503) since the pool started, because none was free in time")
                .callback(callback -> {
                    Double refused = read("apom_db_pool_refused", () -> pool == null ? null : (double) pool.state().refused());
                    if (refused != null) {
                        callback.call(refused);
                    }
                })
                .register(registry);
        gauge("apom_audit_entries_waiting", "Audit entries committed on this node and not yet sealed into the chain",
                () -> sealing() == null ? null : (double) sealing().waiting());
        gauge("apom_audit_oldest_waiting_seconds",
                "How long the oldest audit entry waiting to be sealed has waited (0 when none waits)",
                this::oldestWaitingSeconds);
        gauge("apom_imports_running", "Register imports running on this node now",
                () -> activity() == null ? null : (double) activity().running());
        gauge("apom_imports_queued", "Register imports accepted on this node and waiting to run",
                () -> activity() == null ? null : (double) activity().queued());
    }

    /** Records one answered request; {@code route} is a template or {@link RouteTemplates#UNMATCHED}. */
    public void requestServed(String method, String route, int status, long nanos) {
        requests.labelValues(method, route, Integer.toString(status)).observe(nanos / 1e9);
    }

    /** Writes every metric in the Prometheus text format ({@link #CONTENT_TYPE}). */
    public void writeTo(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }

    private AuditSealing sealing() {
        AuditTrail trail = audit;
        return trail == null ? null : trail.sealing(SELF);
    }

    private ImportActivity activity() {
        VolunteerFiles files = imports;
        return files == null ? null : files.activity();
    }

    private Double oldestWaitingSeconds() {
        AuditSealing sealing = sealing();
        if (sealing == null) {
            return null;
        }
        Instant since = sealing.oldestWaitingSince();
        return since == null ? 0.0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    private void gauge(String name, String help, Supplier<Double> value) {
        GaugeWithCallback.builder(SETTINGS).name(name).help(help)
                .callback(callback -> {
                    Double v = read(name, value);
                    if (v != null) {
                        callback.call(v);
                    }
                })
                .register(registry);
    }

    /**
     * The value when its service gives one; {@code null} (the metric is left out of this scrape) when the
     * service is gone or fails, since one failing service must not fail the whole scrape.
     */
    private static Double read(String name, Supplier<Double> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            LOG.debug("metric {} left out of this scrape", name, e);
            return null;
        }
    }
}
