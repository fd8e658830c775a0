package io.hazardledger.benchmarks;

import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** The benchmark's own throwaway database (created by TestInfrastructure), reached with plain JDBC. */
record BenchmarkDatabase(String jdbcUrl, String user, String password) {
    /** Sent at connection start-up, as the reactive pool does: the setting under test, whatever the server's default. */
    static final String SESSION_OPTIONS = "-c synchronous_commit=on";

    static BenchmarkDatabase fromConfig() {
        var config = ConfigProvider.getConfig();
        return new BenchmarkDatabase(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("options", SESSION_OPTIONS);
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    String host() {
        return uri().getHost();
    }

    int port() {
        int port = uri().getPort();
        return port < 0 ? 5432 : port;
    }

    String name() {
        return uri().getPath().substring(1);
    }

    private URI uri() {
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }

    static String text(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static long number(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
