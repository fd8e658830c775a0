package io.hazardledger.registry.api;

import io.hazardledger.contracts.Topics;
import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.eventstore.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.hazardledger.registry.api.LedgerFixtures.CHANGYI;
import static io.hazardledger.registry.api.LedgerFixtures.ZHANGQIU;
import static io.hazardledger.registry.api.LedgerFixtures.newUscc;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** CSV import: valid rows written, bad rows reported exactly, nothing half-written, re-import a no-op. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ImportTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String HEADER = "uscc,name,districtCode,streetCode,industryCode,supervisionCategory,address,"
            + "keyHazardousProcess,majorHazardSources,riskLevel,contactName,contactPhone,longitude,latitude\n";

    /** Codes of the rows; row 7 repeats row 1's code, row 3's check character is wrong. */
    private record File(String csv, String good1, String good2, List<String> badCodes) {
    }

    private static File file(String riskOfRow2) {
        String good1 = newUscc(CHANGYI), good2 = newUscc(CHANGYI), unknownDistrict = newUscc(CHANGYI),
                foreignStreet = newUscc(CHANGYI), unreadable = newUscc(CHANGYI), otherDistrict = newUscc(ZHANGQIU),
                nameless = newUscc(CHANGYI), wrongCheck = newUscc(CHANGYI);
        wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '0' ? '1' : '0');
        String csv = HEADER
                + good1 + ",昌邑导入一号化工有限公司,370786,370786102,26,HAZARDOUS_CHEMICALS_PRODUCTION,龙池镇化工园区,是,1,RED,张三,0536-7111111,119.39,36.86\n"
                + good2 + ",\"昌邑导入二号仓储有限公司\",370786,,59,HAZARDOUS_CHEMICALS_TRADE,\"昌邑市奎聚街道, 北海路\n88号\",false,0," + riskOfRow2 + ",,,,\n"
                + wrongCheck + ",昌邑导入三号有限公司,370786,,26,INDUSTRY_AND_TRADE,,,,,,,,\n"
                + unknownDistrict + ",昌邑导入四号有限公司,379999,,26,INDUSTRY_AND_TRADE,,,,,,,,\n"
                + foreignStreet + ",昌邑导入五号有限公司,370786,370772004,26,INDUSTRY_AND_TRADE,,,,,,,,\n"
                + unreadable + ",昌邑导入六号有限公司,370786,,26,INDUSTRY_AND_TRADE,,maybe,,PURPLE,,,,\n"
                + good1 + ",昌邑导入一号重复有限公司,370786,,26,INDUSTRY_AND_TRADE,,,,,,,,\n"
                + otherDistrict + ",章丘导入八号有限公司,370114,,34,INDUSTRY_AND_TRADE,,,,,,,,\n"
                + nameless + ",,370786,,26,INDUSTRY_AND_TRADE,,,,,,,,\n";
        return new File(csv, good1, good2, List.of(wrongCheck, unknownDistrict, foreignStreet, unreadable, otherDistrict, nameless));
    }

    /** Sends the file's bytes with exactly the content type given (RestAssured would add charset=ISO-8859-1). */
    private static RequestSpecification csvAs(RequestSpecification caller) {
        return caller.config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    private static JsonPath importAs(String district, byte[] body, String contentType) {
        return csvAs(Callers.regulator(district)).contentType(contentType).body(body).post("/api/enterprises/import")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void assertReport(JsonPath report, int registered, int updated, int unchanged) {
        assertEquals(9, report.getInt("rows"));
        assertEquals(registered, report.getInt("registered"));
        assertEquals(updated, report.getInt("updated"));
        assertEquals(unchanged, report.getInt("unchanged"));
        assertEquals(7, report.getInt("rejected"));
        assertEquals(List.of(3, 4, 5, 6, 6, 7, 8, 9), report.getList("problems.row"));
        assertEquals(List.of("uscc", "districtCode", "streetCode", "keyHazardousProcess", "riskLevel", "uscc",
                "districtCode", "name"), report.getList("problems.column"));
        assertEquals("repeats the code of row 1", report.getString("problems[5].reason"));
    }

    private static void assertInLedger(String uscc, int count) {
        Callers.analyst(null).get("/api/enterprises?uscc=" + uscc).then().statusCode(200).header("X-Total-Count", String.valueOf(count));
    }

    @Test
    void goodRowsAreRegisteredBadRowsReportedAndReImportChangesNothing() {
        File file = file("YELLOW");
        assertReport(importAs(CHANGYI, file.csv().getBytes(StandardCharsets.UTF_8), "text/csv"), 2, 0, 0);

        String id = Callers.analyst(null).get("/api/enterprises?uscc=" + file.good1()).then().statusCode(200)
                .body("[0].name", equalTo("昌邑导入一号化工有限公司")).body("[0].streetCode", equalTo("370786102"))
                .body("[0].keyHazards.keyHazardousProcess", equalTo(true)).body("[0].riskLevel", equalTo("RED"))
                .extract().path("[0].id");
        Callers.analyst(null).get("/api/enterprises?uscc=" + file.good2()).then()
                .body("[0].address", equalTo("昌邑市奎聚街道, 北海路\n88号")).body("[0].riskLevel", equalTo("YELLOW"));
        file.badCodes().forEach(code -> assertInLedger(code, 0));

        // The same file again: nothing registered twice, nothing written.
        assertReport(importAs(CHANGYI, file.csv().getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8"), 0, 0, 2);
        assertEquals(1, TopicReader.awaitByKey(Topics.ENTERPRISE_EVENTS, id, 2, Duration.ofSeconds(3)).size());
        assertInLedger(file.good1(), 1);

        // A changed row is an update of that enterprise.
        String changed = file.csv().replace(",false,0,YELLOW,", ",false,0,BLUE,");
        assertReport(importAs(CHANGYI, changed.getBytes(StandardCharsets.UTF_8), "text/csv"), 0, 1, 1);
        Callers.analyst(null).get("/api/enterprises?uscc=" + file.good2()).then().body("[0].riskLevel", equalTo("BLUE"))
                .body("[0].version", equalTo(2));
    }

    @Test
    void aGbkFileReadsTheSameWhenItsCharsetIsDeclared() {
        File file = file("ORANGE");
        byte[] gbk = file.csv().getBytes(GBK);
        // Undeclared, the GBK bytes are not UTF-8: refused whole, nothing written.
        csvAs(Callers.regulator(CHANGYI)).contentType("text/csv").body(gbk).post("/api/enterprises/import")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("Content-Type"));
        assertInLedger(file.good1(), 0);

        assertReport(importAs(CHANGYI, gbk, "text/csv; charset=GBK"), 2, 0, 0);
        Callers.analyst(null).get("/api/enterprises?uscc=" + file.good1()).then().body("[0].name", equalTo("昌邑导入一号化工有限公司"));
        // A UTF-8 file with a byte-order mark is the same file.
        byte[] bom = ("\uFEFF" + file.csv()).getBytes(StandardCharsets.UTF_8);
        assertReport(importAs(CHANGYI, bom, "text/csv"), 0, 0, 2);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstReport() {
        File file = file("BLUE");
        String key = UUID.randomUUID().toString();
        var first = csvAs(Callers.regulator(CHANGYI)).contentType("text/csv").header("Idempotency-Key", key)
                .body(file.csv().getBytes(StandardCharsets.UTF_8)).post("/api/enterprises/import").then().statusCode(200).extract();
        var retry = csvAs(Callers.regulator(CHANGYI)).contentType("text/csv").header("Idempotency-Key", key)
                .body(file.csv().getBytes(StandardCharsets.UTF_8)).post("/api/enterprises/import").then().statusCode(200)
                .header("Idempotent-Replayed", "true").extract();
        assertEquals(first.body().asString(), retry.body().asString());
        assertEquals(2, first.jsonPath().getInt("registered"));
    }

    @Test
    void theWholeFileIsRefusedForAWrongHeaderARoleOrItsSize() {
        csvAs(Callers.regulator(CHANGYI)).contentType("text/csv").body("uscc,name,districtCode\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/enterprises/import").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("header"));
        csvAs(Callers.regulator(CHANGYI)).contentType("text/csv")
                .body((HEADER.strip() + ",colour\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/enterprises/import").then().statusCode(400).body("errors[0].field", equalTo("header"));
        csvAs(Callers.inspector(CHANGYI)).contentType("text/csv").body(file("RED").csv().getBytes(StandardCharsets.UTF_8))
                .post("/api/enterprises/import").then().statusCode(403).contentType("application/problem+json");
        byte[] huge = new byte[8 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        csvAs(Callers.regulator(CHANGYI)).contentType("text/csv").body(huge).post("/api/enterprises/import")
                .then().statusCode(413).contentType("application/problem+json");
    }
}
