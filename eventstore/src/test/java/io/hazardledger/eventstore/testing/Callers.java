package io.hazardledger.eventstore.testing;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * How every test names the caller of a request: the one place that knows how a caller is carried on the wire,
 * so tests never set identity headers themselves.
 */
public final class Callers {
    private Callers() {
    }

    /** A JSON request made by a caller of {@code role} in {@code district} (may be null) for {@code enterprise} (may be null). */
    public static RequestSpecification as(String role, String district, UUID enterprise) {
        return given().contentType(ContentType.JSON).headers(headers(role, district, enterprise));
    }

    public static RequestSpecification regulator(String district) {
        return as("regulator", district, null);
    }

    public static RequestSpecification inspector(String district) {
        return as("inspector", district, null);
    }

    public static RequestSpecification analyst(String district) {
        return as("analyst", district, null);
    }

    public static RequestSpecification admin() {
        return as("admin", null, null);
    }

    public static RequestSpecification enterprise(UUID enterpriseId) {
        return as("enterprise", null, enterpriseId);
    }

    /** The headers that identify such a caller, for clients other than RestAssured. */
    public static Map<String, String> headers(String role, String district, UUID enterprise) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Actor", role + "-" + (district != null ? district : enterprise != null ? enterprise : "all"));
        headers.put("X-Actor-Role", role);
        if (district != null) {
            headers.put("X-Actor-District", district);
        }
        if (enterprise != null) {
            headers.put("X-Actor-Enterprise", enterprise.toString());
        }
        return headers;
    }
}
