package io.hazardledger.reporting.persistence;

import io.hazardledger.eventstore.Transactions;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Gives the district roll-up the calendar of {@code reporting.time-zone} before anything is projected or queried:
 * its day buckets must be the days the periods are made of. When the setting changed, the buckets of every
 * generation that keeps them are summed again from its hazards, in the same transaction (a rebuild's are summed when
 * it is switched in).
 */
@ApplicationScoped
public class RollupCalendar {
    private static final Logger LOG = Logger.getLogger(RollupCalendar.class);

    @ConfigProperty(name = "reporting.time-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;
    @Inject
    Transactions transactions;

    void align(@Observes @Priority(1) StartupEvent startup) throws Throwable {
        if (zone instanceof ZoneOffset) {
            // PostgreSQL reads "+08:00" as a POSIX zone, eight hours west: only region names mean the same to both.
            throw new IllegalStateException("reporting.time-zone must be a region name such as Asia/Shanghai, not " + zone);
        }
        boolean changed = VertxContextSupport.subscribeAndAwait(() -> transactions.inTransaction(s -> s.createNativeQuery(
                        "UPDATE rp_rollup_setting SET time_zone = :zone WHERE time_zone <> :zone")
                .setParameter("zone", zone.getId())
                .executeUpdate()
                .chain(updated -> updated == 0 ? Uni.createFrom().item(false) : s.createNativeQuery(
                                "SELECT count(rp_rollup_recompute(generation)) FROM rp_generation WHERE NOT dropped AND rollup_kept",
                                Object.class)
                        .getSingleResult().replaceWith(true))));
        if (changed) {
            LOG.infof("District roll-up re-summed for the calendar of %s", zone);
        }
    }
}
