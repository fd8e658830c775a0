package io.hazardledger.reporting.api;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.Poll;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Waits in tests until the projection has applied everything on the topics. */
public final class Projections {
    private Projections() {
    }

    /** Until one generation is active, none is building, and it has read every partition to its end. */
    public static int awaitCaughtUp() {
        Poll.until(Duration.ofSeconds(60), "projection caught up with the topics", () -> {
            JsonPath status = Callers.admin().get("/api/admin/projections").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> projections = status.getList("projections");
            return projections.size() == 1 && "ACTIVE".equals(projections.get(0).get("status"))
                    && ((Number) projections.get(0).get("lag")).longValue() == 0
                    && !status.getList("projections[0].partitions").isEmpty();
        });
        return Callers.admin().get("/api/admin/projections").then().extract().jsonPath().getInt("projections[0].generation");
    }
}
