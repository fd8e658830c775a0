package io.hazardledger.reporting.domain;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.report.QuarterlyTableProduced;
import io.hazardledger.contracts.report.QuarterlyTableSignedOff;
import io.hazardledger.eventstore.domain.IllegalTransition;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The quarterly filing (季度报送) of one district: its table is produced once the quarter has ended, then signed off
 * by a regulator of the district. Event-sourced in reporting's own store.
 */
public record QuarterlyFiling(UUID id, Instant producedAt, Instant signedOffAt, String signedOffBy) {
    public static final String STREAM_TYPE = "quarterly-filing";
    public static final QuarterlyFiling NONE = new QuarterlyFiling(null, null, null, null);

    /** The filing's id, derived from year, quarter and district so that every instance finds the same stream. */
    public static UUID idOf(Quarter quarter, String districtCode) {
        return UUID.nameUUIDFromBytes(("quarterly-filing:" + quarter.year() + "/" + quarter.quarter() + "/" + districtCode)
                .getBytes(StandardCharsets.UTF_8));
    }

    public static List<DomainEvent> produce(Quarter quarter, String districtCode, Instant now, long found, long closed,
                                            BigDecimal closureRate) {
        return List.of(new QuarterlyTableProduced(idOf(quarter, districtCode), quarter.year(), quarter.quarter(),
                districtCode, quarter.due(), now, found, closed, closureRate));
    }

    public List<DomainEvent> signOff(Quarter quarter, String districtCode, String regulator, Instant now, LocalDate today) {
        if (producedAt == null) {
            throw new IllegalTransition("sign off", "NOT_PRODUCED (fetch the table once the quarter has ended)");
        }
        if (signedOffAt != null) {
            throw new IllegalTransition("sign off", "SIGNED_OFF");
        }
        return List.of(new QuarterlyTableSignedOff(id, quarter.year(), quarter.quarter(), districtCode, regulator, now,
                !today.isAfter(quarter.due())));
    }

    public QuarterlyFiling apply(DomainEvent event) {
        if (event instanceof QuarterlyTableProduced p) {
            return new QuarterlyFiling(p.filingId(), p.producedAt(), null, null);
        }
        if (event instanceof QuarterlyTableSignedOff s) {
            return new QuarterlyFiling(id, producedAt, s.signedOffAt(), s.signedOffBy());
        }
        return this;
    }
}
