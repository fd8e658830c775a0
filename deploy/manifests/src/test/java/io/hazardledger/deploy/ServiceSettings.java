package io.hazardledger.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service reads from its environment, derived from its {@code application.properties} and the shared
 * defaults of eventstore ({@code META-INF/microprofile-config.properties}), so a setting added there later without
 * deploy wiring fails the checks. A deployment must set:
 * <ul>
 *   <li>every environment variable a value refers to ({@code ${DB_URL:...}}), since its default is this machine's;</li>
 *   <li>every key whose own value points at this machine (localhost, 127.0.0.1), through its environment name;</li>
 *   <li>the keys that differ per cluster whatever their default: the HTTP port and the JWT issuer and key location.</li>
 * </ul>
 */
record ServiceSettings(String service, Map<String, String> properties, Set<String> requiredEnvironment) {
    static final String SHARED_DEFAULTS = "eventstore/src/main/resources/META-INF/microprofile-config.properties";
    static final List<String> CLUSTER_KEYS = List.of("quarkus.http.port", "mp.jwt.verify.issuer", "mp.jwt.verify.publickey.location");

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");
    private static final Pattern THIS_MACHINE = Pattern.compile("localhost|127\\.0\\.0\\.1");

    static ServiceSettings of(String service) {
        Map<String, String> properties = new LinkedHashMap<>(load(SHARED_DEFAULTS));
        properties.putAll(load(service + "/src/main/resources/application.properties"));
        Set<String> required = new TreeSet<>();
        properties.forEach((key, value) -> {
            Matcher reference = ENV_REFERENCE.matcher(value);
            while (reference.find()) {
                required.add(reference.group(1));
            }
            if (THIS_MACHINE.matcher(EXPRESSION.matcher(value).replaceAll("")).find()) {
                required.add(environmentName(key));
            }
        });
        CLUSTER_KEYS.forEach(key -> required.add(environmentName(key)));
        return new ServiceSettings(service, properties, required);
    }

    /** The environment variable MicroProfile Config maps to a key: non-alphanumerics to '_', upper case. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    int httpPort() {
        return Integer.parseInt(properties.get("quarkus.http.port"));
    }

    /** The database named by the default of the service's {@code DB_URL}. */
    String database() {
        Matcher url = Pattern.compile("\\$\\{DB_URL:[^}]*/([a-z_]+)}").matcher(properties.get("quarkus.datasource.reactive.url"));
        if (!url.find()) {
            throw new AssertionError(service + ": quarkus.datasource.reactive.url does not read DB_URL with a default database");
        }
        return url.group(1);
    }

    /** Keys in effect in production: the test and dev profiles' ({@code %test.}) left out. */
    private static Map<String, String> load(String relative) {
        Properties loaded = new Properties();
        try {
            loaded.load(new StringReader(Project.read(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        loaded.stringPropertyNames().stream().filter(key -> !key.startsWith("%")).sorted()
                .forEach(key -> properties.put(key, loaded.getProperty(key)));
        return properties;
    }
}
