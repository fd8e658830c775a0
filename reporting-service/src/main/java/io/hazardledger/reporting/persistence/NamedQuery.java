package io.hazardledger.reporting.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read written with {@code :named} parameters, run straight on the SQL client with PostgreSQL's positional ones
 * ({@code $1, $2, …}; a name used twice is one parameter). The statistics reads go this way rather than through
 * Hibernate's native queries, whose layer took about as much of the event loop as decoding the rows did.
 * Rows come back as arrays of their column values, with NUMERIC as {@link java.math.BigDecimal}.
 */
final class NamedQuery {
    private final String sql;
    private final List<String> names;

    private NamedQuery(String sql, List<String> names) {
        this.sql = sql;
        this.names = names;
    }

    /** Rewrites the names once: {@code ::} casts and quoted text are left alone. */
    static NamedQuery of(String named) {
        StringBuilder sql = new StringBuilder(named.length());
        Map<String, Integer> positions = new LinkedHashMap<>();
        int i = 0;
        while (i < named.length()) {
            char c = named.charAt(i);
            if (c == '\'' || c == '"') {
                int close = named.indexOf(c, i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("Unclosed " + c + " in: " + named);
                }
                sql.append(named, i, close + 1);
                i = close + 1;
            } else if (c == ':' && i + 1 < named.length() && named.charAt(i + 1) == ':') {
                sql.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < named.length() && Character.isJavaIdentifierStart(named.charAt(i + 1))) {
                int end = i + 1;
                while (end < named.length() && Character.isJavaIdentifierPart(named.charAt(end))) {
                    end++;
                }
                String name = named.substring(i + 1, end);
                sql.append('$').append(positions.computeIfAbsent(name, n -> positions.size() + 1));
                i = end;
            } else {
                sql.append(c);
                i++;
            }
        }
        return new NamedQuery(sql.toString(), List.copyOf(positions.keySet()));
    }

    String sql() {
        return sql;
    }

    /** The parameters' names, in the order of their positions. */
    List<String> names() {
        return names;
    }

    /** The rows, each as its column values; every name the statement uses must be bound. */
    Uni<List<Object[]>> rows(SqlClient client, Bindings bindings) {
        return client.preparedQuery(sql).execute(bindings.tuple(names)).map(NamedQuery::values);
    }

    private static List<Object[]> values(RowSet<Row> rows) {
        List<Object[]> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Object[] columns = new Object[row.size()];
            for (int c = 0; c < columns.length; c++) {
                Object value = row.getValue(c);
                columns[c] = value instanceof Numeric n ? n.bigDecimalValue() : value;
            }
            values.add(columns);
        }
        return values;
    }

    /** Values by name, nulls included; Instants travel as UTC date-times ({@link Sql#bindable}). */
    static final class Bindings {
        private final Map<String, Object> values = new HashMap<>();

        Bindings set(String name, Object value) {
            values.put(name, Sql.bindable(value));
            return this;
        }

        /** The period's bounds and district, which most statistics reads take. */
        static Bindings of(Period period) {
            return new Bindings().set("from", period.from()).set("to", period.to()).set("district", period.district());
        }

        Tuple tuple(List<String> names) {
            Tuple tuple = Tuple.tuple();
            for (String name : names) {
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("No value bound for :" + name);
                }
                tuple.addValue(values.get(name));
            }
            return tuple;
        }
    }
}
