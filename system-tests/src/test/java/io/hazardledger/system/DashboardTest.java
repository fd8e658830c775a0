package io.hazardledger.system;

import io.hazardledger.contracts.enterprise.UnifiedSocialCreditCode;
import io.hazardledger.eventstore.testing.Poll;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analysts' dashboard in headless Chromium against the running system: the 整改率 it shows for a district is
 * the reporting API's figure, and an event that happens while it is open appears in its live feed.
 */
@ExtendWith(SystemUnderTest.class)
class DashboardTest {
    private static final int REGISTRY = 0;
    private static final int INSPECTION = 1;
    private static final int HAZARD = 2;
    private static final int REPORTING = 3;
    private static final String DISTRICT = "370114"; // 济南市章丘区
    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    private static RunningStack system;
    private static ChromeDriver browser;

    @BeforeAll
    static void start(RunningStack stack) throws Exception {
        system = stack;
        browser = HeadlessChromium.start(1440, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDashboardShowsTheApisClosureRateAndFollowsTheLiveFeed() throws Exception {
        String enterpriseId = registerEnterprise();
        long closedBefore = figure("closed").longValue();
        String inspectionId = planInspection(enterpriseId);
        as("inspector").post(system.url(INSPECTION, "/api/inspections/" + inspectionId + "/start")).then().statusCode(200);
        String hazardId = as("inspector")
                .body(Map.of("description", "配电箱未上锁，线路裸露", "category", "ELECTRICAL", "severity", "GENERAL",
                        "location", "锻造车间配电室"))
                .post(system.url(INSPECTION, "/api/inspections/" + inspectionId + "/findings"))
                .then().statusCode(201).extract().path("hazardId");
        closeGeneralHazard(hazardId);
        Poll.until(PROPAGATION, "the district table to count the closure", () -> figure("closed").longValue() == closedBefore + 1);
        BigDecimal apiRate = figure("closureRate");

        // The page keeps the token of its URL for every API call and the live feed.
        browser.get(system.url(REPORTING, "/?token=" + system.token("analyst", null, null)));
        WebDriverWait wait = new WebDriverWait(browser, PROPAGATION);
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("#district-table tr[data-district='" + DISTRICT + "']"))
                .stream().findFirst().orElse(null));
        assertEquals(0, apiRate.compareTo(new BigDecimal(row.getDomAttribute("data-closure-rate"))),
                "the raw 整改率 on the row is the API's");
        String shown = row.findElement(By.cssSelector(".closure-rate .pct")).getText();
        assertEquals(apiRate.movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%", shown, "shown as a percentage");

        wait.until(d -> "connected".equals(d.findElement(By.id("live-status")).getDomAttribute("data-status")));
        String nextInspection = planInspection(enterpriseId);
        WebElement item = wait.until(d -> d.findElements(By.cssSelector(
                "#live-feed li[data-type='InspectionPlanned'][data-aggregate-id='" + nextInspection + "']")).stream()
                .findFirst().orElse(null));
        assertTrue(item.findElement(By.cssSelector(".what")).getText().startsWith("检查计划"), "labelled in Chinese");

        screenshot(Path.of("target/dashboard.png"));

        browser.findElement(By.id("language")).click();
        wait.until(d -> "Hazard Governance Dashboard".equals(d.findElement(By.tagName("h1")).getText()));
        assertTrue(browser.findElement(By.cssSelector("#live-feed li[data-aggregate-id='" + nextInspection + "'] .what"))
                .getText().startsWith("Inspection planned"), "the feed relabelled in English");
    }

    /** The whole page, below the first screen too, as Chromium lays it out for the 1440-pixel-wide window. */
    @SuppressWarnings("unchecked")
    private static void screenshot(Path file) throws Exception {
        Map<String, Object> size = (Map<String, Object>) browser.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "scale", 1,
                        "width", size.get("width"), "height", size.get("height"))));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static String registerEnterprise() {
        String body17 = "913701146" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return as("regulator")
                .body(Map.of("uscc", body17 + UnifiedSocialCreditCode.checkCharacter(body17 + "0"),
                        "name", "济南章丘精密锻件有限公司", "districtCode", DISTRICT,
                        "supervisionCategory", "INDUSTRY_AND_TRADE"))
                .post(system.url(REGISTRY, "/api/enterprises")).then().statusCode(201).extract().path("id");
    }

    private static String planInspection(String enterpriseId) {
        String[] id = new String[1];
        Poll.until(PROPAGATION, "inspection-service to know the enterprise", () -> {
            var planned = as("inspector").body(Map.of("enterpriseId", enterpriseId, "kind", "ENFORCEMENT",
                            "plannedDate", LocalDate.now().toString(), "inspectors", List.of("insp-zq-1", "insp-zq-2")))
                    .post(system.url(INSPECTION, "/api/inspections"));
            id[0] = planned.statusCode() == 201 ? planned.path("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    private static void closeGeneralHazard(String hazardId) {
        String hazard = system.url(HAZARD, "/api/hazards/" + hazardId);
        Poll.until(PROPAGATION, "the hazard of the finding", () -> as("analyst").get(hazard).statusCode() == 200);
        as("regulator").body(Map.of("responsiblePerson", "设备科长", "measures", "配电箱加锁，更换裸露线路",
                "fundsYuan", 3000, "deadline", LocalDate.now().plusDays(7).toString(),
                "emergencyMeasures", "断电挂牌，设置警戒")).post(hazard + "/rectification").then().statusCode(200);
        as("inspector").body(Map.of("summary", "已加锁并更换线路")).post(hazard + "/completion").then().statusCode(200);
        as("inspector").body(Map.of("passed", true, "comment", "复查合格")).post(hazard + "/verification")
                .then().statusCode(200);
    }

    private static BigDecimal figure(String name) {
        JsonPath table = system.as("analyst", null, null).get(system.url(REPORTING, "/api/stats/districts")).then().statusCode(200).extract()
                .jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        int index = table.getList("districts.districtCode").indexOf(DISTRICT);
        if (index < 0) {
            return BigDecimal.ZERO;
        }
        Object value = table.get("districts[" + index + "]." + name);
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static RequestSpecification as(String role) {
        return system.as(role, DISTRICT, null);
    }
}
