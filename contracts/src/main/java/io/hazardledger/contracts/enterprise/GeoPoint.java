package io.hazardledger.contracts.enterprise;

/** A position in WGS 84 degrees. */
public record GeoPoint(double longitude, double latitude) {
}
