package io.hazardledger.local;

import java.nio.file.Path;
import java.util.List;

/** One of the four services: its module, the database it owns and its place in the port range. */
public record ServiceSpec(String module, String database, int portOffset) {
    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("enterprise-registry", "enterprise", 0),
            new ServiceSpec("inspection-service", "inspection", 1),
            new ServiceSpec("hazard-service", "hazard", 2),
            new ServiceSpec("reporting-service", "reporting", 3));

    /** The runnable build Maven leaves in the module. */
    public Path runner(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
