package io.hazardledger.benchmarks;

import io.hazardledger.contracts.enterprise.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The enterprise registry at ledger scale, against a running registry (see benchmarks/README.md): a 10,000-row CSV
 * import (first load, then the same file again), and typical searches over 100,000 enterprises seeded into its read
 * table. Runs only when {@code benchmark.registry-url} and {@code benchmark.registry-db} are given.
 */
class LedgerBenchmark {
    private static final String[] DISTRICTS = {"370786", "370772", "370114", "350503", "370781", "370703"};
    private static final String[] STREETS = {"370786101", "370772004", "370114001", "350503001", "370781001", "370703001"};
    private static final String[] CATEGORIES = {"HAZARDOUS_CHEMICALS_PRODUCTION", "HAZARDOUS_CHEMICALS_TRADE",
            "HAZARDOUS_CHEMICALS_USE", "INDUSTRY_AND_TRADE", "NON_COAL_MINE", "CONSTRUCTION", "FIREWORKS", "OTHER"};
    private static final String[] RISKS = {"RED", "ORANGE", "YELLOW", "BLUE"};
    private static final String SYLLABLES = "昌邑潍坊滨海章丘泉州丰泽龙池华鲁恒升金石海化新材精细化工科技机械锻造石材物流储运能源环保建材塑胶纺织食品医药电子钢铁铝业";
    private static final String[] SUFFIXES = {"有限公司", "股份有限公司", "化工有限公司", "科技有限公司", "制品厂"};
    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(20261130);

    @Test
    void importAndSearchAtLedgerScale() throws Exception {
        String registry = System.getProperty("benchmark.registry-url");
        String db = System.getProperty("benchmark.registry-db");
        Assumptions.assumeTrue(registry != null && db != null, "benchmark.registry-url and benchmark.registry-db not set");
        int rows = Integer.getInteger("benchmark.import-rows", 10_000);
        int seeded = Integer.getInteger("benchmark.search-enterprises", 100_000);
        StringBuilder out = new StringBuilder("## Ledger: CSV import and search\n\n");

        String csv = csv(rows);
        // The local stack's own key signs the benchmark's admin token (deploy/local/run/jwt, made by up.sh).
        String token = io.hazardledger.local.DevTokens.mint(io.hazardledger.local.DevKeys.inDirectory(
                java.nio.file.Path.of(System.getProperty("benchmark.jwt-dir", "../deploy/local/run/jwt"))).signingKey(),
                "benchmark", "admin", null, null);
        for (String run : List.of("first import (all registered)", "same file again (all unchanged)")) {
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(registry + "/api/enterprises/import"))
                    .header("Content-Type", "text/csv").header("Authorization", "Bearer " + token)
                    .timeout(java.time.Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - started) / 1e9;
            out.append(String.format("- %,d rows, %s: %.1f s (%,.0f rows/s), HTTP %d, %s%n", rows, run, seconds,
                    rows / seconds, answer.statusCode(), answer.body().substring(0, Math.min(120, answer.body().length()))));
        }

        try (Connection connection = DriverManager.getConnection(db, "postgres", "")) {
            seed(connection, seeded);
        }
        Map<String, String> searches = new LinkedHashMap<>();
        searches.put("name fragment, 4 characters (trigram index)", "name=" + enc("精细化工"));
        searches.put("name fragment, 3 characters", "name=" + enc("龙池华"));
        searches.put("name fragment, 2 characters (no trigram: scan)", "name=" + enc("锻造"));
        searches.put("district (first page by name)", "districtCode=370786");
        searches.put("district + risk level RED", "districtCode=370786&riskLevel=RED");
        searches.put("district + key hazardous process", "districtCode=370772&keyHazardousProcess=true");
        searches.put("street + category", "streetCode=370114001&category=INDUSTRY_AND_TRADE");
        searches.put("industry 26, page 50 of 20", "industryCode=26&page=50");
        searches.put("blacklisted", "blacklisted=true");
        searches.put("no filter, newest first", "sort=-registeredAt");
        searches.put("name fragment + district", "name=" + enc("化工") + "&districtCode=370786");
        out.append(String.format("%n%,d enterprises in the read table; each search 30 times after 5 unmeasured, with its X-Total-Count:%n%n", seeded));
        out.append("| search | median ms | p95 ms | total matches |\n|---|---|---|---|\n");
        for (var search : searches.entrySet()) {
            double[] times = new double[30];
            String total = null;
            for (int i = -5; i < times.length; i++) {
                long started = System.nanoTime();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(registry + "/api/enterprises?"
                        + search.getValue())).build(), HttpResponse.BodyHandlers.ofString());
                if (i >= 0) {
                    times[i] = (System.nanoTime() - started) / 1e6;
                }
                total = answer.headers().firstValue("X-Total-Count").orElse("HTTP " + answer.statusCode());
            }
            Arrays.sort(times);
            out.append(String.format("| %s | %.1f | %.1f | %s |%n", search.getKey(), times[15], times[28], total));
        }
        System.out.println(out);
        Path results = Path.of(System.getProperty("benchmark.work-dir", "target")).resolveSibling("ledger-results.md");
        Files.writeString(results, out.toString());
    }

    private String csv(int rows) {
        StringBuilder csv = new StringBuilder("uscc,name,districtCode,streetCode,industryCode,supervisionCategory,"
                + "address,keyHazardousProcess,keyHazardousChemical,majorHazardSources,riskLevel,contactName,contactPhone\n");
        for (int i = 0; i < rows; i++) {
            int d = random.nextInt(DISTRICTS.length);
            csv.append(uscc(DISTRICTS[d])).append(',').append(name()).append(',').append(DISTRICTS[d]).append(',')
                    .append(STREETS[d]).append(',').append(String.format("%02d", 13 + random.nextInt(31))).append(',')
                    .append(CATEGORIES[random.nextInt(CATEGORIES.length)]).append(",\"").append(name()).append("路")
                    .append(random.nextInt(999) + 1).append("号\",").append(random.nextInt(10) == 0).append(',')
                    .append(random.nextInt(8) == 0).append(',').append(random.nextInt(20) == 0 ? 1 : 0).append(',')
                    .append(RISKS[random.nextInt(RISKS.length)]).append(",安全员,0536-7").append(100000 + random.nextInt(899999))
                    .append('\n');
        }
        return csv.toString();
    }

    /** Rows straight into the read table (no events): the search reads only that table. */
    private void seed(Connection connection, int count) throws Exception {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO enterprise (id, uscc, name, district_code,"
                + " street_code, industry_code, supervision_category, status, address, key_hazardous_process,"
                + " key_hazardous_chemical, major_hazard_sources, risk_level, blacklisted, version, registered_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT DO NOTHING")) {
            for (int i = 0; i < count; i++) {
                int d = random.nextInt(DISTRICTS.length);
                Timestamp at = Timestamp.from(Instant.now().minusSeconds(random.nextInt(86_400 * 365)));
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, uscc(DISTRICTS[d]));
                insert.setString(3, name());
                insert.setString(4, DISTRICTS[d]);
                insert.setString(5, STREETS[d]);
                insert.setString(6, String.format("%02d", 13 + random.nextInt(31)));
                insert.setString(7, CATEGORIES[random.nextInt(CATEGORIES.length)]);
                insert.setString(8, random.nextInt(30) == 0 ? "SUSPENDED" : "ACTIVE");
                insert.setString(9, "示例路" + i + "号");
                insert.setBoolean(10, random.nextInt(10) == 0);
                insert.setBoolean(11, random.nextInt(8) == 0);
                insert.setInt(12, random.nextInt(20) == 0 ? 1 : 0);
                insert.setString(13, RISKS[random.nextInt(RISKS.length)]);
                insert.setBoolean(14, random.nextInt(200) == 0);
                insert.setTimestamp(15, at);
                insert.setTimestamp(16, at);
                insert.addBatch();
                if (i % 5_000 == 4_999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
        connection.createStatement().execute("ANALYZE enterprise");
    }

    private String name() {
        StringBuilder name = new StringBuilder();
        int length = 4 + random.nextInt(5);
        for (int i = 0; i < length; i++) {
            name.append(SYLLABLES.charAt(random.nextInt(SYLLABLES.length())));
        }
        return name.append(SUFFIXES[random.nextInt(SUFFIXES.length)]).toString();
    }

    private String uscc(String district) {
        String body = "91" + district + String.format("%09d", (random.nextLong() & Long.MAX_VALUE) % 1_000_000_000L);
        return body + UnifiedSocialCreditCode.checkCharacter(body + "0");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
