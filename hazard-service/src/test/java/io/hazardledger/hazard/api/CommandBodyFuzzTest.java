package io.hazardledger.hazard.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated malformed bodies for every hazard command that takes one: each is refused with a 4xx problem+json and
 * appends nothing. The bodies come from valid ones by a seeded random mutation (a required field dropped, a value
 * of the wrong JSON type, a string over its cap, an unknown enum constant, an impossible date, a truncated or
 * non-JSON text), so a failure names a reproducible body.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CommandBodyFuzzTest {
    private static final long SEED = 20261130L;
    private static final int BODIES = 400;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static UUID enterprise;
    private static String hazard;

    /** One command: its path (relative to the hazard, or the collection), a valid body, and what makes it invalid. */
    private record Command(String path, Map<String, Object> valid, List<String> required, Map<String, Integer> caps,
                           List<String> enums, List<String> dates) {
    }

    @BeforeEach
    void aHazardToAimAt() {
        if (enterprise == null) {
            enterprise = HazardApi.enterprise();
            hazard = HazardApi.report(enterprise, "GENERAL").post("/api/hazards").then().statusCode(201).extract().path("id");
        }
    }

    @Test
    void everyMalformedCommandBodyIs4xxProblemJsonAndAppendsNothing() throws Exception {
        List<Command> commands = commands();
        Random random = new Random(SEED);
        int eventsBefore = events();
        String totalBefore = hazardsOfTheEnterprise();
        for (int i = 0; i < BODIES; i++) {
            Command command = commands.get(random.nextInt(commands.size()));
            String body = mutate(command, random);
            // A subject of its own per body, so the per-caller command rate never answers in the validation's place.
            Response answer = given().contentType(ContentType.JSON)
                    .auth().oauth2(Callers.token("fuzz-" + i, "regulator", HazardApi.DISTRICT, null))
                    .body(body).post(command.path());
            int status = answer.statusCode();
            assertTrue(status >= 400 && status < 500, i + ": " + command.path() + " " + body + " → " + status + " " + answer.asString());
            assertEquals("application/problem+json", answer.contentType(), i + ": " + command.path() + " " + body);
        }
        assertEquals(eventsBefore, events(), "no malformed command appended an event");
        assertEquals(totalBefore, hazardsOfTheEnterprise(), "no malformed report registered a hazard");
    }

    private List<Command> commands() {
        String on = "/api/hazards/" + hazard;
        Map<String, Object> report = new LinkedHashMap<>(Map.of("enterpriseId", enterprise.toString(), "source", "INSPECTION",
                "title", "电缆老化", "description", "配电室电缆老化破损", "category", "ELECTRICAL", "severity", "GENERAL"));
        Map<String, Object> plan = new LinkedHashMap<>(HazardApi.generalPlan(LocalDate.now().plusDays(20)));
        return List.of(
                new Command("/api/hazards", report, List.of("enterpriseId", "source", "title", "description", "category", "severity"),
                        Map.of("title", 200, "description", 4000, "location", 200), List.of("source", "category", "severity"), List.of()),
                new Command(on + "/rectification", plan, List.of("responsiblePerson", "measures", "fundsYuan", "deadline", "emergencyMeasures"),
                        Map.of(), List.of(), List.of("deadline")),
                new Command(on + "/reclassification", new LinkedHashMap<>(Map.of("severity", "GENERAL", "reason", "复核")),
                        List.of("severity", "reason"), Map.of("reason", 1000), List.of("severity"), List.of()),
                new Command(on + "/deadline-extension", new LinkedHashMap<>(Map.of("deadline", LocalDate.now().plusDays(40).toString(), "reason", "设备到货延迟")),
                        List.of("deadline", "reason"), Map.of("reason", 1000), List.of(), List.of("deadline")),
                new Command(on + "/completion", new LinkedHashMap<>(Map.of("summary", "已完成整改")),
                        List.of("summary"), Map.of("summary", 4000), List.of(), List.of()),
                new Command(on + "/verification", new LinkedHashMap<>(Map.of("passed", true)),
                        List.of("passed"), Map.of("comment", 2000), List.of(), List.of()),
                new Command(on + "/supervision", new LinkedHashMap<>(Map.of("listed", true, "level", "CITY", "noticeNumber", "D-1")),
                        List.of("listed"), Map.of("noticeNumber", 100, "reason", 1000), List.of("level"), List.of()),
                new Command(on + "/void", new LinkedHashMap<>(Map.of("reason", "误报")),
                        List.of("reason"), Map.of("reason", 1000), List.of(), List.of()),
                new Command(on + "/reward", new LinkedHashMap<>(Map.of("amountYuan", 500)),
                        List.of("amountYuan"), Map.of(), List.of(), List.of()));
    }

    /** A body that is certainly not acceptable for {@code command}. */
    private static String mutate(Command command, Random random) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(command.valid());
        List<Runnable> mutations = new ArrayList<>();
        mutations.add(() -> body.remove(pick(command.required(), random)));
        mutations.add(() -> body.put(pick(command.required(), random), random.nextBoolean() ? Map.of("x", 1) : List.of(1, 2)));
        mutations.add(() -> body.put(pick(command.required(), random), random.nextBoolean() ? null : List.of()));
        if (!command.caps().isEmpty()) {
            mutations.add(() -> {
                String field = pick(new ArrayList<>(command.caps().keySet()), random);
                body.put(field, "隐".repeat(command.caps().get(field) + 1 + random.nextInt(300)));
            });
        }
        if (!command.enums().isEmpty()) {
            mutations.add(() -> body.put(pick(command.enums(), random), "NO_SUCH_" + random.nextInt(1000)));
        }
        if (!command.dates().isEmpty()) {
            mutations.add(() -> body.put(pick(command.dates(), random), pick(List.of("2026-13-45", "yesterday", "31/12/2026", ""), random)));
        }
        if (command.path().endsWith("/reward")) {
            mutations.add(() -> body.put("amountYuan", pick(List.of(-1, 0, -0.5), random)));
        }
        int kind = random.nextInt(mutations.size() + 2);
        if (kind == mutations.size()) {
            String text = JSON.writeValueAsString(body);
            return text.substring(0, 1 + random.nextInt(text.length() - 1)); // every proper prefix of an object is broken
        }
        if (kind == mutations.size() + 1) {
            return pick(List.of("", "null", "[]", "42", "\"text\"", "<xml/>", "{\"a\":}", "{{}}"), random);
        }
        mutations.get(kind).run();
        return JSON.writeValueAsString(body);
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static int events() {
        return Callers.admin().get("/api/hazards/" + hazard + "/events").then().statusCode(200).extract().jsonPath()
                .getList("type").size();
    }

    private static String hazardsOfTheEnterprise() {
        return Callers.admin().get("/api/hazards?enterpriseId=" + enterprise).then().statusCode(200).extract()
                .header("X-Total-Count");
    }
}
