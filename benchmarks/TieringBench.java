import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database and HTTP sides of benchmarks/tiering.sh (run as a source file, with a JDBC driver on the class path).
 *   generate JDBC_URL USER PASSWORD SUBDISTRICTS_CSV NETWORKS VOLUNTEERS ACTIVITIES FISCAL_YEAR
 *       writes a national register straight into a platform's (stopped) database, in batches: VOLUNTEERS records,
 *       NETWORKS subdistrict networks with the volunteers shared among them as members and a complete committee in
 *       term for two networks in three, and ACTIVITIES activities spread over the fiscal year's months
 *   floor JDBC_URL USER PASSWORD FISCAL_YEAR
 *       times one SQL statement that computes every network's raw facts for the year (members, active and
 *       recently verified members, activities, active months, participations, hours, beneficiaries, committee):
 *       the floor a grading run is compared with; prints "ms rows"
 *   run URL PASSWORD FISCAL_YEAR
 *       starts a national grading run (POST /tiering/runs), follows GET /tiering/runs/{id} until it ends and prints
 *       "ms status done total", with the progress it saw on standard error
 */
public final class TieringBench {

    private static final int BATCH = 5_000;
    private static final String BY = "benchmark";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> {
                try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
                    generate(db, subdistricts(Path.of(args[4])), Integer.parseInt(args[5]), Integer.parseInt(args[6]),
                            Integer.parseInt(args[7]), Integer.parseInt(args[8]));
                }
            }
            case "floor" -> {
                try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
                    floor(db, Integer.parseInt(args[4]));
                }
            }
            case "run" -> run(args[1] + "/api/v1", args[2], Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        if (args[1].startsWith("jdbc:derby:")) {
            // an embedded database closed cleanly: the platform that opens it next replays no log
            try {
                DriverManager.getConnection("jdbc:derby:;shutdown=true");
            } catch (java.sql.SQLException down) {
                // Derby says it shut down by throwing (XJ015)
            }
        }
    }

    private static List<String> subdistricts(Path csv) throws Exception {
        List<String> codes = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            codes.add(line.substring(0, line.indexOf(',')));
        }
        return codes;
    }

    /** Fiscal year Y (Buddhist era) runs from 1 October of Y - 544 to 30 September of Y - 543. */
    private static LocalDate start(int fiscalYear) {
        return LocalDate.of(fiscalYear - 544, 10, 1);
    }

    private static void generate(Connection db, List<String> subdistricts, int networks, int volunteers, int activities,
            int fiscalYear) throws Exception {
        db.setAutoCommit(false);
        LocalDate from = start(fiscalYear);
        LocalDate end = from.plusYears(1).minusDays(1);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        long t0 = System.nanoTime();
        // volunteers: each lives in its network's subdistrict; four in five active, half verified within the year
        try (PreparedStatement p = db.prepareStatement("INSERT INTO REGISTRY_VOLUNTEER (ID, NATIONAL_ID, TITLE, "
                + "FIRST_NAME, LAST_NAME, FIRST_KEY, LAST_KEY, BIRTH_DATE, GENDER, SUBDISTRICT_CODE, DISTRICT_CODE, "
                + "PROVINCE_CODE, REGISTERED_ON, STATUS, LAST_VERIFIED_ON, CREATED_AT, VERSION) "
                + "VALUES (?, ?, 'นาย', ?, 'ทดสอบ', ?, 'ทดสอบ', ?, 'MALE', ?, ?, ?, ?, ?, ?, ?, 0)")) {
            for (int i = 0; i < volunteers; i++) {
                String area = subdistricts.get((i % networks) % subdistricts.size());
                p.setString(1, "bv" + i);
                p.setString(2, String.format("9%012d", i));
                p.setString(3, "อาสา" + i);
                p.setString(4, "อาสา" + i);
                p.setDate(5, Date.valueOf(LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + i % 28)));
                p.setString(6, area);
                p.setString(7, area.substring(0, 4));
                p.setString(8, area.substring(0, 2));
                p.setDate(9, Date.valueOf(LocalDate.of(2015, 1, 1)));
                p.setString(10, i % 5 == 4 ? "RESIGNED" : "ACTIVE");
                p.setDate(11, i % 2 == 0 ? Date.valueOf(end.minusDays(i % 300)) : null);
                p.setTimestamp(12, now);
                batch(db, p, i);
            }
            p.executeBatch();
            db.commit();
        }
        System.err.printf("%d volunteers in %d s%n", volunteers, (System.nanoTime() - t0) / 1_000_000_000);
        t0 = System.nanoTime();
        try (PreparedStatement n = db.prepareStatement("INSERT INTO NET_NETWORK (ID, NAME, NAME_KEY, LEVEL_CODE, "
                + "AREA_CODE, AREA_KEY, PROVINCE, FOUNDED_ON, CREATED_BY, CREATED_AT, COMMITTEE_VERSION, VERSION) "
                + "VALUES (?, ?, ?, 'SUBDISTRICT', ?, ?, ?, ?, '" + BY + "', ?, 0, 0)");
                PreparedStatement c = db.prepareStatement("INSERT INTO NET_COMMITTEE (ID, NETWORK_ID, COMMITTEE_NO, "
                        + "TERM_START, TERM_END, APPOINTED_BY, APPOINTED_AT) VALUES (?, ?, 1, ?, ?, '" + BY + "', ?)");
                PreparedStatement s = db.prepareStatement("INSERT INTO NET_COMMITTEE_SEAT (ID, COMMITTEE_ID, "
                        + "VOLUNTEER_ID, SEAT_POSITION, SEAT_ORDER) VALUES (?, ?, ?, ?, ?)")) {
            String[] positions = {"CHAIR", "VICE_CHAIR", "SECRETARY", "TREASURER"};
            for (int i = 0; i < networks; i++) {
                String area = subdistricts.get(i % subdistricts.size());
                n.setString(1, "bn" + i);
                n.setString(2, "เครือข่าย " + i);
                n.setString(3, "เครือข่าย " + i);
                n.setString(4, area);
                n.setString(5, area);
                n.setString(6, area.substring(0, 2));
                n.setDate(7, Date.valueOf(LocalDate.of(2018, 1, 1)));
                n.setTimestamp(8, now);
                n.addBatch();
                if (i % 3 != 2) {
                    c.setString(1, "bc" + i);
                    c.setString(2, "bn" + i);
                    c.setDate(3, Date.valueOf(from.minusYears(1)));
                    c.setDate(4, Date.valueOf(end.plusYears(1)));
                    c.setTimestamp(5, now);
                    c.addBatch();
                    for (int k = 0; k < positions.length && i + (long) k * networks < volunteers; k++) {
                        s.setString(1, "bc" + i + "-" + k);
                        s.setString(2, "bc" + i);
                        s.setString(3, "bv" + (i + (long) k * networks));
                        s.setString(4, positions[k]);
                        s.setInt(5, k);
                        s.addBatch();
                    }
                }
                if ((i + 1) % BATCH == 0) {
                    n.executeBatch();
                    c.executeBatch();
                    s.executeBatch();
                    db.commit();
                }
            }
            n.executeBatch();
            c.executeBatch();
            s.executeBatch();
            db.commit();
        }
        // volunteer i belongs to network i % networks, as members have since before the year
        try (PreparedStatement m = db.prepareStatement("INSERT INTO NET_MEMBERSHIP (ID, NETWORK_ID, VOLUNTEER_ID, "
                + "MEMBER_FROM, OPEN_VOLUNTEER, ADDED_BY) VALUES (?, ?, ?, ?, ?, '" + BY + "')")) {
            for (int i = 0; i < volunteers; i++) {
                m.setString(1, "bm" + i);
                m.setString(2, "bn" + (i % networks));
                m.setString(3, "bv" + i);
                m.setDate(4, Date.valueOf(LocalDate.of(2019, 1, 1)));
                m.setString(5, "bv" + i);
                batch(db, m, i);
            }
            m.executeBatch();
            db.commit();
        }
        try (Statement t = db.createStatement()) {
            // each network's row for its latest grading, as the platform makes it with the network
            t.executeUpdate("INSERT INTO NET_NETWORK_TIER (NETWORK_ID) SELECT ID FROM NET_NETWORK");
        }
        db.commit();
        System.err.printf("%d networks with their members and committees in %d s%n", networks,
                (System.nanoTime() - t0) / 1_000_000_000);
        t0 = System.nanoTime();
        String[] kinds = {"HOME_VISIT", "ELDERLY_CARE", "DISABILITY_SUPPORT", "CHILD_PROTECTION", "TRAINING", "MEETING"};
        try (PreparedStatement a = db.prepareStatement("INSERT INTO NET_ACTIVITY (ID, NETWORK_ID, PROVINCE, "
                + "ACTIVITY_DATE, KIND, TITLE, TITLE_KEY, BENEFICIARIES, HOURS, PARTICIPANT_COUNT, RECORDED_BY, "
                + "RECORDED_AT, ACTIVITY_MONTH, PERSON_HOURS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '" + BY + "', ?, "
                + "?, ?)")) {
            for (int i = 0; i < activities; i++) {
                int network = i % networks;
                // a busy network works every month, a quiet one in a few: the grading has something to tell apart
                int spread = 1 + network % 12;
                LocalDate day = from.plusMonths((i / networks) % spread).plusDays(i % 28);
                int participants = 1 + i % 5;
                BigDecimal hours = BigDecimal.valueOf(2 + i % 4);
                a.setString(1, "ba" + i);
                a.setString(2, "bn" + network);
                a.setString(3, subdistricts.get(network % subdistricts.size()).substring(0, 2));
                a.setDate(4, Date.valueOf(day));
                a.setString(5, kinds[i % kinds.length]);
                a.setString(6, "กิจกรรม " + i);
                a.setString(7, "กิจกรรม " + i);
                a.setInt(8, i % 30);
                a.setBigDecimal(9, hours);
                a.setInt(10, participants);
                a.setTimestamp(11, now);
                a.setInt(12, day.getYear() * 100 + day.getMonthValue());
                a.setBigDecimal(13, hours.multiply(BigDecimal.valueOf(participants)));
                batch(db, a, i);
            }
            a.executeBatch();
            db.commit();
        }
        System.err.printf("%d activities in %d s%n", activities, (System.nanoTime() - t0) / 1_000_000_000);
    }

    private static void batch(Connection db, PreparedStatement p, int i) throws Exception {
        p.addBatch();
        if ((i + 1) % BATCH == 0) {
            p.executeBatch();
            db.commit();
        }
    }

    /**
     * The same raw facts as the run gathers (JpaNetworkYearFacts), in one statement: the networks founded by the
     * day, their members on the day with the active and recently verified among them, the year's activities summed,
     * and whether a committee in term has its four officers.
     */
    private static void floor(Connection db, int fiscalYear) throws Exception {
        LocalDate from = start(fiscalYear);
        LocalDate asOf = from.plusYears(1).minusDays(1);
        String day = "DATE('" + asOf + "')";
        String sql = "SELECT n.ID, n.NAME, n.LEVEL_CODE, n.AREA_CODE, n.PROVINCE, n.FOUNDED_ON, m.MEMBERS, m.ACTIVE, "
                + "m.VERIFIED, a.ACTIVITIES, a.MONTHS, a.PARTICIPATIONS, a.HOURS, a.BENEFICIARIES, c.OFFICERS "
                + "FROM NET_NETWORK n "
                + "LEFT JOIN (SELECT ms.NETWORK_ID, COUNT(*) AS MEMBERS, "
                + "SUM(CASE WHEN v.STATUS = 'ACTIVE' THEN 1 ELSE 0 END) AS ACTIVE, "
                + "SUM(CASE WHEN v.STATUS = 'ACTIVE' AND v.LAST_VERIFIED_ON > " + "DATE('" + asOf.minusMonths(12)
                + "') AND v.LAST_VERIFIED_ON <= " + day + " THEN 1 ELSE 0 END) AS VERIFIED "
                + "FROM NET_MEMBERSHIP ms JOIN REGISTRY_VOLUNTEER v ON v.ID = ms.VOLUNTEER_ID "
                + "WHERE ms.MEMBER_FROM <= " + day + " AND (ms.MEMBER_UNTIL IS NULL OR ms.MEMBER_UNTIL >= " + day + ") "
                + "GROUP BY ms.NETWORK_ID) m ON m.NETWORK_ID = n.ID "
                + "LEFT JOIN (SELECT NETWORK_ID, COUNT(*) AS ACTIVITIES, COUNT(DISTINCT ACTIVITY_MONTH) AS MONTHS, "
                + "SUM(PARTICIPANT_COUNT) AS PARTICIPATIONS, SUM(PERSON_HOURS) AS HOURS, "
                + "SUM(BENEFICIARIES) AS BENEFICIARIES FROM NET_ACTIVITY WHERE ACTIVITY_DATE >= DATE('" + from
                + "') AND ACTIVITY_DATE <= " + day + " GROUP BY NETWORK_ID) a ON a.NETWORK_ID = n.ID "
                + "LEFT JOIN (SELECT co.NETWORK_ID, COUNT(DISTINCT s.SEAT_POSITION) AS OFFICERS FROM NET_COMMITTEE co "
                + "JOIN NET_COMMITTEE_SEAT s ON s.COMMITTEE_ID = co.ID WHERE co.TERM_START <= " + day
                + " AND co.TERM_END >= " + day + " AND s.SEAT_POSITION <> 'MEMBER' GROUP BY co.NETWORK_ID) c "
                + "ON c.NETWORK_ID = n.ID WHERE n.FOUNDED_ON <= " + day;
        long start = System.nanoTime();
        int rows = 0;
        long check = 0;
        try (Statement st = db.createStatement()) {
            // streamed, as a run reads: PostgreSQL's driver holds every row in memory without a fetch size (and
            // outside a transaction even with one)
            db.setAutoCommit(false);
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    rows++;
                    check += rs.getLong(7) + rs.getLong(10); // read what a run reads, so nothing is skipped
                }
            }
            db.commit();
        }
        System.err.println("floor checksum " + check);
        System.out.println((System.nanoTime() - start) / 1_000_000 + " " + rows);
    }

    private static void run(String api, String password, int fiscalYear) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                .getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        HttpResponse<String> started = client.send(HttpRequest.newBuilder(URI.create(api + "/tiering/runs"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fiscalYear\": " + fiscalYear + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException(started.statusCode() + " " + started.body());
        }
        String id = field(started.body(), "id");
        String body = started.body();
        String last = "";
        long deadline = start + Duration.ofMinutes(30).toNanos();
        while (List.of("QUEUED", "RUNNING").contains(field(body, "status"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the run did not end within 30 minutes: " + body);
            }
            Thread.sleep(200);
            body = client.send(HttpRequest.newBuilder(URI.create(api + "/tiering/runs/" + id))
                    .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            String progress = field(body, "status") + " " + field(body, "done") + "/" + field(body, "total");
            if (!progress.equals(last)) {
                System.err.printf("%6d ms %s%n", (System.nanoTime() - start) / 1_000_000, progress);
                last = progress;
            }
        }
        System.out.println((System.nanoTime() - start) / 1_000_000 + " " + field(body, "status") + " "
                + field(body, "done") + " " + field(body, "total"));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : "";
    }
}
