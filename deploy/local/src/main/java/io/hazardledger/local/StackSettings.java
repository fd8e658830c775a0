package io.hazardledger.local;

import java.nio.file.Path;

/**
 * Where and on which ports one stack runs. The defaults are the README's: services on 8081–8084, Kafka on 9092,
 * PostgreSQL on 5432 with databases named after the services; system tests use free ports and their own databases.
 */
public record StackSettings(Path projectRoot, Path runDir, int firstServicePort, int kafkaPort, int kafkaControllerPort,
                            int postgresPort, String databasePrefix) {

    public static StackSettings defaults(Path projectRoot) {
        return new StackSettings(projectRoot, projectRoot.resolve("deploy/local/run"), 8081, 9092, 9093, 5432, "");
    }

    public int port(ServiceSpec service) {
        return firstServicePort + service.portOffset();
    }

    public String database(ServiceSpec service) {
        return databasePrefix + service.database();
    }

    /** Where the stack's token key pair lives (generated on first start, never committed). */
    public Path jwtDirectory() {
        return runDir.resolve("jwt");
    }

    public String baseUrl(ServiceSpec service) {
        return "http://127.0.0.1:" + port(service);
    }
}
