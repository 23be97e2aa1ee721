package org.apom.extensions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.PageRequest;
import org.apom.core.api.Page;
import org.apom.core.api.ProvinceCode;
import org.apom.extensions.api.Finding;
import org.apom.extensions.api.RecordCheck;
import org.apom.registry.api.CheckRun;
import org.apom.registry.api.CheckRun.Outcome;
import org.apom.registry.api.ContributedChecks;
import org.apom.registry.api.RecordFinding;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.registry.api.VolunteerSearch;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the extensions' {@link RecordCheck}s over their province's records. Each check runs in a worker of its
 * own under one time limit for the run, so a check that throws or hangs is reported as failed and the others
 * still finish; a check whose extension leaves during the run is reported as unavailable. The records are
 * read as the province's own check reader (audited like any read of personal data), never as the caller.
 */
@Component(configurationPid = ExtensionsConfig.PID)
public final class RecordCheckRunner implements ContributedChecks {

    private static final Logger LOG = LoggerFactory.getLogger(RecordCheckRunner.class);
    /** Workers stuck in a hung check are not returned; beyond this many, checks wait for the next run. */
    private static final int MAX_WORKERS = 16;

    private final VolunteerRegistry registry;
    private final ExtensionErrors errors;
    private final ExtensionStandby standby;
    private final long limitMillis;
    private final Map<ServiceReference<RecordCheck>, ContributedCheck> checks = new ConcurrentHashMap<>();
    private final ExecutorService workers;

    @Activate
    public RecordCheckRunner(@Reference VolunteerRegistry registry, @Reference ExtensionErrors errors,
            @Reference ExtensionStandby standby, ExtensionsConfig config) {
        this.registry = registry;
        this.errors = errors;
        this.standby = standby;
        this.limitMillis = config.checkSeconds() * 1000L;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(0, MAX_WORKERS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "apom-record-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        workers.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(RecordCheck check, ServiceReference<RecordCheck> reference) {
        ContributedCheck contributed = ContributedCheck.of(check, reference);
        if (contributed == null) {
            LOG.warn("Record check {} ignored: its bundle is no installed extension or its code cannot be read", reference);
            return;
        }
        checks.put(reference, contributed);
    }

    void removeCheck(ServiceReference<RecordCheck> reference) {
        checks.remove(reference);
    }

    @Override
    public List<CheckRun> runOver(Caller caller, ProvinceCode province) {
        if (!AccessPolicy.allows(caller, Action.VOLUNTEERS_READ, province)) {
            return List.of();
        }
        List<ContributedCheck> applicable = applicableTo(province);
        return applicable.isEmpty() ? List.of() : run(applicable, recordsOf(province));
    }

    @Override
    public List<CheckRun> runOn(Caller caller, String volunteerId) {
        ProvinceCode province = registry.get(caller, volunteerId).provinceCode();
        List<ContributedCheck> applicable = applicableTo(province);
        // the caller may see a masked record; the checks see it as it is, read as the province's check reader
        return applicable.isEmpty() ? List.of()
                : run(applicable, List.of(registry.get(ExtensionCaller.checkReader(province), volunteerId)));
    }

    /** During a swap both versions' checks are registered: only those of the version that serves run. */
    private List<ContributedCheck> applicableTo(ProvinceCode province) {
        return checks.values().stream()
                .filter(c -> c.appliesTo(province) && !standby.isStandby(c.reference().getBundle())).toList();
    }

    private List<Volunteer> recordsOf(ProvinceCode province) {
        Caller reader = ExtensionCaller.checkReader(province);
        VolunteerSearch search = new VolunteerSearch(province, null, null, null, null, null);
        List<Volunteer> records = new ArrayList<>();
        String cursor = null;
        do {
            Page<Volunteer> page = registry.search(reader, search, PageRequest.of(PageRequest.MAX_LIMIT, cursor));
            records.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return records;
    }

    private List<CheckRun> run(List<ContributedCheck> applicable, List<Volunteer> records) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        List<Future<CheckRun>> running = new ArrayList<>();
        for (ContributedCheck check : applicable) {
            try {
                running.add(workers.submit(() -> runOne(check, records)));
            } catch (RejectedExecutionException busy) {
                running.add(null);
            }
        }
        List<CheckRun> runs = new ArrayList<>();
        for (int i = 0; i < applicable.size(); i++) {
            CheckRun run = outcomeOf(applicable.get(i), running.get(i), deadline);
            if (run.outcome() == Outcome.FAILED) {
                errors.report(run.source(), run.version(), "record check " + run.code() + ": " + run.reason().en());
            }
            runs.add(run);
        }
        return runs;
    }

    private CheckRun outcomeOf(ContributedCheck check, Future<CheckRun> running, long deadline) {
        if (running == null) {
            return stopped(check, Outcome.FAILED, LocalizedText.of(
                    "Not run: too many checks are still running; try again later.",
                    "ไม่ได้ตรวจ: มีการตรวจค้างอยู่มากเกินไป โปรดลองใหม่ภายหลัง"));
        }
        try {
            return running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException overran) {
            running.cancel(true);
            LOG.warn("Record check {} of {} overran its limit of {} ms", check.code(), check.source(), limitMillis);
            return stopped(check, Outcome.FAILED, LocalizedText.of(
                    "Stopped: took longer than " + limitMillis + " ms.",
                    "หยุดแล้ว: ใช้เวลานานกว่า " + limitMillis + " มิลลิวินาที"));
        } catch (ExecutionException e) {
            return failed(check, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            return stopped(check, Outcome.FAILED, LocalizedText.of("Stopped: the platform is stopping.",
                    "หยุดแล้ว: ระบบกำลังหยุดทำงาน"));
        }
    }

    private CheckRun runOne(ContributedCheck check, List<Volunteer> records) {
        List<RecordFinding> listed = new ArrayList<>();
        long count = 0;
        for (Volunteer v : records) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            // the check sees the data unmasked: it checks the data itself, and only reviewed code runs
            List<Finding> found = check.check().check(SpiTranslation.volunteer(v, true));
            for (Finding f : found == null ? List.<Finding>of() : found) {
                if (f != null && ++count <= CheckRun.MAX_FINDINGS) {
                    listed.add(SpiTranslation.finding(v.id(), check.code(), f));
                }
            }
        }
        return new CheckRun(check.code(), check.source(), check.version(), Outcome.DONE, null, records.size(), count,
                listed);
    }

    private CheckRun failed(ContributedCheck check, Throwable cause) {
        if (!checks.containsKey(check.reference())) {
            return stopped(check, Outcome.UNAVAILABLE, LocalizedText.of(
                    "Its extension was removed or replaced while the check ran.",
                    "ส่วนขยายของการตรวจนี้ถูกถอดหรือเปลี่ยนรุ่นระหว่างการตรวจ"));
        }
        LOG.warn("Record check {} of {} failed", check.code(), check.source(), cause);
        String message = String.valueOf(cause.getMessage());
        message = message.length() > 200 ? message.substring(0, 200) + "…" : message;
        return stopped(check, Outcome.FAILED, LocalizedText.of("The check stopped with an error: " + message,
                "การตรวจหยุดเพราะเกิดข้อผิดพลาด: " + message));
    }

    private static CheckRun stopped(ContributedCheck check, Outcome outcome, LocalizedText reason) {
        return new CheckRun(check.code(), check.source(), check.version(), outcome, reason, 0, 0, List.of());
    }
}
