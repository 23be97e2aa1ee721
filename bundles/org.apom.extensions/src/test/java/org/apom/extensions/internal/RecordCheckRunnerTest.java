package org.apom.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.NationalId;
import org.apom.core.api.Page;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.extensions.api.Finding;
import org.apom.extensions.api.RecordCheck;
import org.apom.extensions.api.VolunteerDTO;
import org.apom.registry.api.CheckRun;
import org.apom.registry.api.CheckRun.Outcome;
import org.apom.registry.api.Gender;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.registry.api.VolunteerSearch;
import org.apom.registry.api.VolunteerStatus;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

class RecordCheckRunnerTest {

    private static final Caller CM_OFFICER = Caller.person("somchai", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("50"));
    private static final Caller KK_OFFICER = Caller.person("malee", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("40"));

    private final List<Volunteer> register = new ArrayList<>();
    private final List<Caller> readers = new ArrayList<>();
    private final ExtensionErrors errors = new ExtensionErrors();
    private final ExtensionStandby standby = new ExtensionStandby();
    private final RecordCheckRunner runner = new RecordCheckRunner(registry(), errors, standby, config(1));
    private long bundleIds;

    @AfterEach
    void tearDown() {
        runner.deactivate();
    }

    @Test
    void aProvincesChecksRunOverItsRecordsOnlyAndTheMinistrysOverEveryProvince() {
        IntStream.range(0, 1_200).forEach(i -> register.add(volunteer("v" + i, "50", i % 3 == 0 ? "0812345678" : "053123456")));
        register.add(volunteer("kk1", "40", "043123456"));
        add("org.apom.ext.p50.checks", "50", check("mobile-phone", v -> v.phone.startsWith("08") ? List.of()
                : List.of(Finding.of("phone", "Not a mobile number", "ไม่ใช่เบอร์มือถือ"))));
        add("org.apom.ext.p40.checks", "40", check("village", v -> List.of(Finding.of(null, "x", "x"))));
        add("org.apom.ext.all", "*", check("nothing", v -> List.of()));

        List<CheckRun> runs = runner.runOver(CM_OFFICER, ProvinceCode.of("50"));

        assertEquals(List.of("mobile-phone", "nothing"), runs.stream().map(CheckRun::code).sorted().toList());
        CheckRun mobile = run(runs, "mobile-phone");
        assertEquals(Outcome.DONE, mobile.outcome());
        assertEquals(1_200, mobile.recordsChecked(), "read page by page, province 50 only");
        assertEquals(800, mobile.findingCount());
        assertEquals(800, mobile.findings().size());
        assertEquals("v1", mobile.findings().get(0).volunteerId());
        assertEquals("phone", mobile.findings().get(0).field());
        assertEquals(LocalizedText.of("Not a mobile number", "ไม่ใช่เบอร์มือถือ"), mobile.findings().get(0).message());
        assertEquals("org.apom.ext.p50.checks", mobile.source());
        assertEquals("1.0.0", mobile.version());
        assertTrue(readers.stream().allMatch(r -> r.name().equals("extension-checks:50")
                && ProvinceCode.of("50").equals(r.province())), "read as the province's check reader, not the caller");
        assertEquals(List.of(), runner.runOver(KK_OFFICER, ProvinceCode.of("50")), "another province's officer");
    }

    @Test
    void aCheckThatThrowsOrHangsIsReportedAndTheOthersFinish() {
        IntStream.range(0, 10).forEach(i -> register.add(volunteer("v" + i, "50", "0812345678")));
        add("org.apom.ext.p50.broken", "50", check("broken", v -> {
            throw new IllegalStateException("no village list");
        }));
        add("org.apom.ext.p50.hangs", "50", check("hangs", v -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }));
        add("org.apom.ext.p50.fine", "50", check("fine", v -> List.of()));

        List<CheckRun> runs = runner.runOver(CM_OFFICER, ProvinceCode.of("50"));

        assertEquals(Outcome.FAILED, run(runs, "broken").outcome());
        assertTrue(run(runs, "broken").reason().en().contains("no village list"), run(runs, "broken").reason().en());
        assertEquals(Outcome.FAILED, run(runs, "hangs").outcome());
        assertTrue(run(runs, "hangs").reason().en().startsWith("Stopped: took longer than 1000 ms"));
        assertEquals(Outcome.DONE, run(runs, "fine").outcome());
        assertEquals(10, run(runs, "fine").recordsChecked());
        assertNull(run(runs, "fine").reason());
        assertTrue(errors.lastError("org.apom.ext.p50.broken", "1.0.0").endsWith("record check broken: "
                + run(runs, "broken").reason().en()), "the extension list shows it");
        assertNull(errors.lastError("org.apom.ext.p50.broken", "1.1.0"), "a new version starts clean");
        assertNull(errors.lastError("org.apom.ext.p50.fine", "1.0.0"));
    }

    @Test
    void aCheckWhoseExtensionLeavesDuringTheRunIsUnavailableAndFindingsAreCapped() {
        IntStream.range(0, 1_500).forEach(i -> register.add(volunteer("v" + i, "50", "0812345678")));
        ServiceReference<RecordCheck>[] leaving = new ServiceReference[1];
        leaving[0] = add("org.apom.ext.p50.leaving", "50", check("leaving", v -> {
            if (v.id.equals("v5")) {
                runner.removeCheck(leaving[0]);
                throw new NoClassDefFoundError("org/apom/ext/p50/Helper");
            }
            return List.of();
        }));
        add("org.apom.ext.p50.every", "50", check("every", v -> List.of(Finding.of(null, "x", "x"))));

        List<CheckRun> runs = runner.runOver(CM_OFFICER, ProvinceCode.of("50"));

        assertEquals(Outcome.UNAVAILABLE, run(runs, "leaving").outcome());
        assertEquals(1_500, run(runs, "every").findingCount());
        assertEquals(CheckRun.MAX_FINDINGS, run(runs, "every").findings().size());
        assertEquals(List.of(), runner.runOver(CM_OFFICER, ProvinceCode.of("50")).stream()
                .filter(r -> r.code().equals("leaving")).toList(), "gone from the next run");
    }

    @Test
    void oneRecordIsCheckedAsItIsThoughTheCallerMaySeeItMasked() {
        register.add(volunteer("v1", "50", "053123456"));
        add("org.apom.ext.p50.checks", "50", check("mobile-phone", v -> v.phone.startsWith("08") ? List.of()
                : List.of(Finding.of("phone", "Not a mobile number", "ไม่ใช่เบอร์มือถือ"))));
        List<CheckRun> runs = runner.runOn(CM_OFFICER, "v1");
        assertEquals(1, runs.get(0).findingCount());
        assertEquals("extension-checks:50", readers.get(readers.size() - 1).name());
    }

    @Test
    void duringASwapOnlyTheServingVersionsChecksRun() {
        register.add(volunteer("v1", "50", "053123456"));
        // the two versions' checks told apart by their codes, for the test only
        ServiceReference<RecordCheck> old = add("org.apom.ext.p50.swapped", "50", check("phone-1.0", v -> List.of()));
        ServiceReference<RecordCheck> next = add("org.apom.ext.p50.swapped", "50", check("phone-1.1", v -> List.of()));
        standby.add(next.getBundle());
        assertEquals(List.of("phone-1.0"), codes(runner.runOver(CM_OFFICER, ProvinceCode.of("50"))),
                "the new one waits for the switch");
        standby.add(old.getBundle());
        standby.remove(next.getBundle());
        assertEquals(List.of("phone-1.1"), codes(runner.runOver(CM_OFFICER, ProvinceCode.of("50"))),
                "the old one no longer serves");
        standby.remove(old.getBundle());
        assertEquals(List.of("phone-1.0", "phone-1.1"), codes(runner.runOver(CM_OFFICER, ProvinceCode.of("50"))));
    }

    private static List<String> codes(List<CheckRun> runs) {
        return runs.stream().map(CheckRun::code).sorted().toList();
    }

    private static CheckRun run(List<CheckRun> runs, String code) {
        return runs.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    private ServiceReference<RecordCheck> add(String name, String province, RecordCheck check) {
        // every bundle's header claims every province: only the province it was installed for counts
        Dictionary<String, String> headers = new Hashtable<>(Map.of(ExtensionJar.PROVINCE_HEADER, "*"));
        long id = ++bundleIds;
        Bundle bundle = proxy(Bundle.class, (method, args) -> switch (method) {
            case "getBundleId" -> id;
            case "getHeaders" -> headers;
            case "getLocation" -> ExtensionLocation.of(province, name);
            case "getSymbolicName" -> name;
            case "getVersion" -> Version.parseVersion("1.0.0");
            default -> null;
        });
        @SuppressWarnings("unchecked")
        ServiceReference<RecordCheck> reference = proxy(ServiceReference.class, (method, args) -> switch (method) {
            case "getBundle" -> bundle;
            case "toString" -> name;
            default -> null;
        });
        runner.addCheck(check, reference);
        return reference;
    }

    private static RecordCheck check(String code, Function<VolunteerDTO, List<Finding>> rule) {
        return new RecordCheck() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public List<Finding> check(VolunteerDTO volunteer) {
                return rule.apply(volunteer);
            }
        };
    }

    /** A register of the records above that answers in pages of 500 and remembers who read. */
    private VolunteerRegistry registry() {
        return proxy(VolunteerRegistry.class, (method, args) -> {
            Caller caller = (Caller) args[0];
            synchronized (readers) {
                readers.add(caller);
            }
            switch (method) {
                case "get": {
                    Volunteer v = register.stream().filter(r -> r.id().equals(args[1])).findFirst().orElseThrow();
                    return v;
                }
                case "search": {
                    VolunteerSearch search = (VolunteerSearch) args[1];
                    var page = (org.apom.core.api.PageRequest) args[2];
                    int from = page.after() == null ? 0 : Integer.parseInt(page.after());
                    List<Volunteer> all = register.stream().filter(v -> v.provinceCode().equals(search.province())
                            && v.provinceCode().equals(caller.province())).toList();
                    int to = Math.min(all.size(), from + page.limit());
                    return new Page<>(all.subList(from, to), to < all.size() ? org.apom.core.api.PageRequest.encode(String.valueOf(to)) : null);
                }
                default:
                    throw new UnsupportedOperationException(method);
            }
        });
    }

    private static Volunteer volunteer(String id, String province, String phone) {
        return new Volunteer(id, NationalId.parse("3100600445635"), "นาย", "สมชาย", "ใจดี", null, null, null,
                Gender.MALE, phone, SubdistrictCode.of(province + "0101"), DistrictCode.of(province + "01"),
                ProvinceCode.of(province), null, null, VolunteerStatus.ACTIVE, null, null, null, null, null, 0);
    }

    private static ExtensionsConfig config(int checkSeconds) {
        return proxy(ExtensionsConfig.class, (method, args) -> switch (method) {
            case "checkSeconds" -> checkSeconds;
            case "maxJarKiB" -> 5 * 1024;
            case "annotationType" -> (Class<? extends Annotation>) ExtensionsConfig.class;
            default -> null;
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> answer.apply(method.getName(), args);
                });
    }
}
