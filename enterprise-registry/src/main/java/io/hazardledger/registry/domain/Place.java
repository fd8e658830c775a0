package io.hazardledger.registry.domain;

import java.util.Objects;

/** Where an enterprise is supervised: its district (区县) and, when known, its street (镇街). */
public record Place(String districtCode, String streetCode) {
    public boolean differsFrom(Place other) {
        return !Objects.equals(districtCode, other.districtCode) || !Objects.equals(streetCode, other.streetCode);
    }
}
