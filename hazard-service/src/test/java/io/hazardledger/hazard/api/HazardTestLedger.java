package io.hazardledger.hazard.api;

import java.util.UUID;

/** Entry points of the API fixtures for tests in other packages. */
public final class HazardTestLedger {
    private HazardTestLedger() {
    }

    public static UUID enterprise(String district) {
        if (!HazardApi.DISTRICT.equals(district)) {
            throw new IllegalArgumentException("fixtures place enterprises in " + HazardApi.DISTRICT);
        }
        return HazardApi.enterprise();
    }

    public static String reportedGeneral(UUID enterprise) {
        return HazardApi.report(enterprise, "GENERAL").post("/api/hazards").then().statusCode(201).extract().path("id");
    }
}
