package io.hazardledger.reporting.api;

import io.hazardledger.contracts.Topics;
import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.eventstore.testing.TopicReader;
import io.hazardledger.reporting.domain.Quarter;
import io.hazardledger.reporting.domain.QuarterlyFiling;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class QuarterlyReportTest {
    private static final List<String> COLUMNS = List.of("districtCode", "districtName", "generalFound", "majorFound",
            "generalClosed", "majorClosed", "closureRate", "fundsYuan", "majorListed", "overdueAtQuarterEnd", "producedAt",
            "signedOffAt", "signedOffBy");
    private static ScriptedHistory history;

    private static synchronized ScriptedHistory published() {
        if (history == null) {
            history = new ScriptedHistory("45" + String.format("%04d", (int) (Math.random() * 10_000)),
                    "46" + String.format("%04d", (int) (Math.random() * 10_000)));
            history.publish(false);
        }
        Projections.awaitCaughtUp();
        return history;
    }

    private static JsonPath table() {
        return new JsonPath(Callers.analyst(null).accept("application/json").get("/api/reports/quarterly?year=2025&quarter=1").then()
                .statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static Map<String, Object> row(JsonPath table, String district) {
        List<Map<String, Object>> rows = table.getList("districts");
        return rows.stream().filter(r -> district.equals(r.get("districtCode"))).findFirst().orElseThrow();
    }

    @Test
    void theQuarterlyRowHoldsTheHandComputedFiguresAsOfTheQuartersEnd() {
        ScriptedHistory h = published();
        JsonPath table = table();
        assertEquals("2025-04-14", table.getString("due"));
        Map<String, Object> row = row(table, h.district);
        assertEquals(3, ((Number) row.get("generalFound")).intValue());   // H1 H2 H6
        assertEquals(2, ((Number) row.get("majorFound")).intValue());     // H3 (reclassified) H4
        assertEquals(2, ((Number) row.get("generalClosed")).intValue());  // H1 H6
        assertEquals(0, ((Number) row.get("majorClosed")).intValue());
        assertEquals(new BigDecimal("0.4000"), row.get("closureRate"));
        assertEquals(new BigDecimal("6600.00"), row.get("fundsYuan"));
        assertEquals(1, ((Number) row.get("majorListed")).intValue());    // H3
        assertEquals(1, ((Number) row.get("overdueAtQuarterEnd")).intValue()); // H3, deadline 1 March
        assertNotNull(row.get("producedAt"), "fetching an ended quarter records its production");
        assertNull(row.get("signedOffAt"));
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> produced = TopicReader.awaitByKey(
                Topics.REPORT_EVENTS, QuarterlyFiling.idOf(new Quarter(2025, 1), h.district).toString(), 1,
                Duration.ofSeconds(30));
        assertTrue(produced.get(0).value().contains("QuarterlyTableProduced"));
    }

    @Test
    void theCsvParsedBackEqualsTheJson() {
        published();
        JsonPath table = table();
        byte[] bytes = Callers.analyst(null).accept("text/csv").get("/api/reports/quarterly?year=2025&quarter=1").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 BOM");
        List<String> lines = Arrays.asList(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertTrue(lines.get(0).startsWith("区县代码 districtCode,"));
        List<Map<String, Object>> rows = new ArrayList<>(table.getList("districts"));
        rows.add(table.getMap("total"));
        assertEquals(rows.size(), lines.size() - 1);
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = parse(lines.get(i + 1));
            Map<String, Object> json = rows.get(i);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Object value = json.get(COLUMNS.get(c));
                String cell = cells.get(c);
                if (c == 0 && value == null) {
                    assertEquals("合计 total", cell);
                } else if (value == null) {
                    assertEquals("", cell, COLUMNS.get(c));
                } else if (value instanceof Number number) {
                    assertEquals(0, new BigDecimal(number.toString()).compareTo(new BigDecimal(cell)), COLUMNS.get(c));
                } else if (COLUMNS.get(c).endsWith("At")) {
                    assertEquals(Instant.parse((String) value), Instant.parse(cell), COLUMNS.get(c));
                } else {
                    assertEquals(value, cell, COLUMNS.get(c));
                }
            }
        }
    }

    /** RFC 4180 cells of one line. */
    private static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Test
    void aRegulatorOfTheDistrictSignsOffOnce() {
        ScriptedHistory h = published();
        table(); // produces the ended quarter's tables
        String url = "/api/reports/quarterly/2025/1/districts/" + h.district + "/sign-off";
        Callers.inspector(h.district).post(url).then().statusCode(403);
        Callers.regulator("370786").post(url).then().statusCode(404);
        Callers.regulator(h.district).post(url).then().statusCode(200)
                .body("signedOffBy", org.hamcrest.Matchers.equalTo("regulator-" + h.district));
        Callers.regulator(h.district).post(url).then().statusCode(409).contentType("application/problem+json");
        Map<String, Object> row = row(table(), h.district);
        assertEquals("regulator-" + h.district, row.get("signedOffBy"));
        assertNotNull(row.get("signedOffAt"));
        Callers.regulator(h.district).post("/api/reports/quarterly/2099/1/districts/" + h.district + "/sign-off").then()
                .statusCode(404);
    }
}
