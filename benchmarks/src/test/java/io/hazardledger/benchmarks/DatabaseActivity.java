package io.hazardledger.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What PostgreSQL did in each service's database over the measured window ({@code pg_stat_database}: transactions
 * committed, a statement outside a transaction counting as one even when it only reads; rows written) and in its write-ahead log ({@code pg_stat_wal}, the whole server: records, bytes,
 * flushes). Counted per command answered, these are the command path's cost in the database's own units, which do
 * not move with the machine's speed as the rates do. PostgreSQL's counters lag behind by up to its statistics
 * interval; over a window of a minute that is a few per cent.
 */
public final class DatabaseActivity {
    /** Counters of one database, or of the WAL (then only records, bytes and flushes). */
    public record Counts(long commits, long rollbacks, long inserted, long updated, long deleted, long walRecords,
                  long walBytes, long walFlushes) {
        public Counts minus(Counts before) {
            return new Counts(commits - before.commits, rollbacks - before.rollbacks, inserted - before.inserted,
                    updated - before.updated, deleted - before.deleted, walRecords - before.walRecords,
                    walBytes - before.walBytes, walFlushes - before.walFlushes);
        }
    }

    /**
     * How long to wait before reading the counters after a window: backends report them at most once a second while
     * busy and after 10 s idle.
     */
    public static final Duration SETTLE = Duration.ofSeconds(11);

    public static final String WAL = "write-ahead log (whole server)";

    private DatabaseActivity() {
    }

    /** The counters now, by label: each of {@code databases} (label → database name) and {@link #WAL}. */
    public static Map<String, Counts> snapshot(Connection connection, Map<String, String> databases) throws SQLException {
        Map<String, Counts> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> database : databases.entrySet()) {
                try (var rows = statement.executeQuery("""
                        SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted
                        FROM pg_stat_database WHERE datname = '%s'""".formatted(database.getValue().replace("'", "''")))) {
                    if (rows.next()) {
                        counts.put(database.getKey(), new Counts(rows.getLong(1), rows.getLong(2), rows.getLong(3),
                                rows.getLong(4), rows.getLong(5), 0, 0, 0));
                    }
                }
            }
            try (var rows = statement.executeQuery("SELECT wal_records, wal_bytes, wal_sync FROM pg_stat_wal")) {
                rows.next();
                counts.put(WAL, new Counts(0, 0, 0, 0, 0, rows.getLong(1), rows.getLong(2), rows.getLong(3)));
            }
        }
        return counts;
    }

    /** The window's counts per command answered, as a Markdown table. */
    static String table(Map<String, Counts> before, Map<String, Counts> after, long commands) {
        StringBuilder out = new StringBuilder("| database | transactions committed (reads included) | rolled back | rows inserted | rows updated | rows deleted |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        Counts sum = new Counts(0, 0, 0, 0, 0, 0, 0, 0);
        for (String label : after.keySet()) {
            if (label.equals(WAL) || !before.containsKey(label)) {
                continue;
            }
            Counts c = after.get(label).minus(before.get(label));
            out.append(row(label, c, commands));
            sum = new Counts(sum.commits + c.commits, sum.rollbacks + c.rollbacks, sum.inserted + c.inserted,
                    sum.updated + c.updated, sum.deleted + c.deleted, 0, 0, 0);
        }
        out.append(row("**all four**", sum, commands));
        if (before.containsKey(WAL) && after.containsKey(WAL)) {
            Counts wal = after.get(WAL).minus(before.get(WAL));
            out.append("\nWrite-ahead log (the whole server) per command: %.1f records, %,.0f bytes, %.2f flushes to disk%n"
                    .formatted(per(wal.walRecords, commands), per(wal.walBytes, commands), per(wal.walFlushes, commands)));
        }
        return out.toString();
    }

    private static String row(String label, Counts c, long commands) {
        return "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n".formatted(label, per(c.commits, commands),
                per(c.rollbacks, commands), per(c.inserted, commands), per(c.updated, commands), per(c.deleted, commands));
    }

    private static double per(long count, long commands) {
        return commands == 0 ? Double.NaN : (double) count / commands;
    }
}
