package io.hazardledger.hazard.messaging;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.StoreFixtures;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.hazard.domain.Hazard;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OverdueWatchTest {
    private static final String DISTRICT = "370786";

    @Inject
    OverdueWatch watch;

    private static io.restassured.specification.RequestSpecification regulator() {
        return Callers.regulator(DISTRICT);
    }

    private static List<String> overdueDeadlines(String id) {
        return Callers.analyst(null).get("/api/hazards/" + id + "/events").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.type == 'HazardOverdue' }.payload.deadline");
    }

    @Test
    void aPassedDeadlineIsMarkedOnceEvenBySweepsRacingAndAgainOnceAfterAnExtension() throws Exception {
        UUID enterprise = io.hazardledger.hazard.api.HazardTestLedger.enterprise(DISTRICT);
        String id = io.hazardledger.hazard.api.HazardTestLedger.reportedGeneral(enterprise);
        LocalDate today = LocalDate.now(Hazard.CALENDAR);
        regulator().body(Map.of("responsiblePerson", "李四", "measures", "更换电缆", "fundsYuan", 800,
                        "deadline", today.toString(), "emergencyMeasures", "断电警示"))
                .post("/api/hazards/" + id + "/rectification").then().statusCode(200);

        assertEquals(List.of(), overdueDeadlines(id));
        StoreFixtures.await(() -> watch.sweep(Instant.now()));
        assertEquals(List.of(), overdueDeadlines(id), "not overdue while its day lasts");

        Instant twoDaysLater = Instant.now().plus(Duration.ofDays(2));
        var first = CompletableFuture.runAsync(() -> StoreFixtures.await(() -> watch.sweep(twoDaysLater)));
        var second = CompletableFuture.runAsync(() -> StoreFixtures.await(() -> watch.sweep(twoDaysLater)));
        first.get();
        second.get();
        StoreFixtures.await(() -> watch.sweep(twoDaysLater)); // as after a restart
        assertEquals(List.of(today.toString()), overdueDeadlines(id));

        LocalDate extended = today.plusDays(5);
        regulator().body(Map.of("deadline", extended.toString(), "reason", "设备到货延迟"))
                .post("/api/hazards/" + id + "/deadline-extension").then().statusCode(200);
        StoreFixtures.await(() -> watch.sweep(twoDaysLater));
        assertEquals(List.of(today.toString()), overdueDeadlines(id), "the new deadline has not passed yet");
        Instant weekLater = Instant.now().plus(Duration.ofDays(7));
        StoreFixtures.await(() -> watch.sweep(weekLater));
        StoreFixtures.await(() -> watch.sweep(weekLater));
        assertEquals(List.of(today.toString(), extended.toString()), overdueDeadlines(id));
    }
}
