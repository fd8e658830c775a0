package io.hazardledger.eventstore.http;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * The service's record of {@code Idempotency-Key}s ({@code es_idempotency}): who holds a key, with which request,
 * whether its command committed, and the answer once there is one. Plain SQL on the reactive pool, outside the
 * command's transaction: the key must be held before the command runs and stay free if it fails. Only the commit
 * mark is written inside that transaction ({@link IdempotentCommit}).
 */
@ApplicationScoped
class IdempotencyKeys {
    /** A key held this long without an answer belongs to a request that died; a retry may take it over. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    /**
     * A condition that makes the statement's own transaction commit without waiting for the disk: the reservation
     * and the answer are not what must survive a crash of PostgreSQL, the command's events are, and their commit
     * (synchronous) makes every earlier write durable with it. Lost with a crash are only a reservation whose command
     * never committed (the key is free again, as on any failure) or an answer stored in the last few hundred ms (a
     * retry is then answered 409, in progress or answer lost, and nothing runs twice). Two disk flushes fewer per
     * command; {@code set_config(…, true)} holds for the statement's own transaction only.
     */
    private static final String WITHOUT_WAITING_FOR_DISK = "set_config('synchronous_commit', 'off', true) IS NOT NULL";
    private static final String RESERVE = "INSERT INTO es_idempotency (idempotency_key, fingerprint) SELECT $1, $2 WHERE "
            + WITHOUT_WAITING_FOR_DISK + " ON CONFLICT DO NOTHING";
    private static final String FIND = """
            SELECT fingerprint, status, content_type, location, etag, body, completed_at IS NOT NULL AS completed,
                   committed_at IS NOT NULL AS committed,
                   created_at < clock_timestamp() - make_interval(secs => $2) AS abandoned
            FROM es_idempotency WHERE idempotency_key = $1""";
    // Conditional, so that of two retries of an abandoned request only one takes it over.
    private static final String TAKE_OVER = """
            UPDATE es_idempotency SET created_at = clock_timestamp()
            WHERE idempotency_key = $1 AND completed_at IS NULL AND committed_at IS NULL
              AND created_at < clock_timestamp() - make_interval(secs => $2)""";
    private static final String COMPLETE = """
            UPDATE es_idempotency SET status = $2, content_type = $3, location = $4, etag = $5, body = $6,
                                      completed_at = clock_timestamp()
            WHERE idempotency_key = $1""" + " AND " + WITHOUT_WAITING_FOR_DISK;
    // A key whose command committed stays held even when the request failed afterwards: running it again would repeat it.
    private static final String RELEASE =
            "DELETE FROM es_idempotency WHERE idempotency_key = $1 AND completed_at IS NULL AND committed_at IS NULL";

    @Inject
    Pool pool;

    /**
     * Claims {@code key} for a request with {@code fingerprint}. Empty: the key is now this request's, run it. An
     * answer: the request was answered before, replay that. Fails with a 422 problem when the key belongs to another
     * request, a 409 one while the first request with it is still running, and a 409 one when that request's
     * command committed but its answer was never stored (the service died in between): it is not run again.
     */
    Uni<Optional<StoredAnswer>> claim(String key, String fingerprint) {
        return pool.preparedQuery(RESERVE).execute(Tuple.of(key, fingerprint))
                .chain(reserved -> reserved.rowCount() == 1
                        ? Uni.createFrom().item(Optional.<StoredAnswer>empty())
                        : pool.preparedQuery(FIND).execute(Tuple.of(key, abandonedSeconds()))
                                .chain(rows -> decide(key, fingerprint, rows)));
    }

    private Uni<Optional<StoredAnswer>> decide(String key, String fingerprint, RowSet<Row> rows) {
        if (rows.rowCount() == 0) {
            return claim(key, fingerprint); // the holder failed and let go of the key in between
        }
        Row held = rows.iterator().next();
        if (!fingerprint.equals(held.getString("fingerprint"))) {
            return Uni.createFrom().failure(reused());
        }
        if (held.getBoolean("completed")) {
            return Uni.createFrom().item(Optional.of(StoredAnswer.of(held)));
        }
        if (!held.getBoolean("abandoned")) {
            return Uni.createFrom().failure(inProgress());
        }
        if (held.getBoolean("committed")) {
            return Uni.createFrom().failure(answerLost());
        }
        return pool.preparedQuery(TAKE_OVER).execute(Tuple.of(key, abandonedSeconds()))
                .map(taken -> {
                    if (taken.rowCount() == 0) {
                        throw inProgress();
                    }
                    return Optional.empty();
                });
    }

    /** Keeps the answer for replays. Never fails: the command has run, its answer goes out either way. */
    Uni<Void> complete(String key, StoredAnswer answer) {
        return pool.preparedQuery(COMPLETE)
                .execute(Tuple.of(key, answer.status(), answer.contentType(), answer.location(), answer.etag(), answer.body()))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf(e, "Answer for Idempotency-Key %s not stored", key))
                .onFailure().recoverWithNull();
    }

    /** Lets go of a key whose request failed, so that a corrected request may use it. Never fails. */
    Uni<Void> release(String key) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(key))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf(e, "Idempotency-Key %s not released", key))
                .onFailure().recoverWithNull();
    }

    private static double abandonedSeconds() {
        return ABANDONED_AFTER.toSeconds();
    }

    private static ProblemException reused() {
        return new ProblemException(Problem.of("idempotency-key-reused", "Idempotency-Key used for another request", 422,
                "This Idempotency-Key was sent before with another request; use a new key for a new request"));
    }

    private static ProblemException answerLost() {
        return ProblemException.conflict("idempotency-key-answer-lost",
                "The request with this Idempotency-Key was carried out but its answer was lost; read the resource "
                        + "instead of retrying");
    }

    private static ProblemException inProgress() {
        return ProblemException.conflict("idempotency-key-in-progress",
                "A request with this Idempotency-Key is still in progress; retry in a moment");
    }
}
