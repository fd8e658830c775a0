package io.hazardledger.reporting.api;

import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.reporting.persistence.Period;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Calendar days in the reporting time zone (default Asia/Shanghai), and periods [from, to) made of them. */
@ApplicationScoped
public class ReportingClock {
    /** Periods without a start begin here: before any hazard the system can hold. */
    static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);
    /** "Closed as of now": every closure counts. */
    static final Instant EVER = Instant.parse("9999-01-01T00:00:00Z");

    @ConfigProperty(name = "reporting.time-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    ZoneId zone() {
        return zone;
    }

    LocalDate today() {
        return LocalDate.now(Clock.system(zone));
    }

    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The resolved period: from defaults to the beginning, to to tomorrow; from must be before to. */
    LocalDate[] resolve(LocalDate from, LocalDate to) {
        LocalDate start = from == null ? BEGINNING : from;
        LocalDate end = to == null ? today().plusDays(1) : to;
        if (!start.isBefore(end)) {
            throw ProblemException.invalid(from == null ? "to" : "from", "from must be before to");
        }
        return new LocalDate[] {start, end};
    }

    /** Closures counted as of now, overdue against today. */
    Period live(LocalDate from, LocalDate to, String district) {
        return new Period(from, to, startOf(from), startOf(to), EVER, today(), Instant.now(), district);
    }

    /** Closures counted as of the period's end (or now, if that is still to come), overdue against the end. */
    Period asOfEnd(LocalDate from, LocalDate to, String district) {
        Instant end = startOf(to);
        Instant now = Instant.now();
        return new Period(from, to, startOf(from), end, end.isBefore(now) ? end : now, to.isBefore(today()) ? to : today(), now,
                district);
    }
}
