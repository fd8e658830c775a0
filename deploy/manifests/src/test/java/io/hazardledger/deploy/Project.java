package io.hazardledger.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The source tree the checks read: found from the module's working directory, whichever it is. */
final class Project {
    /** The four services, as they appear in module names, image names, compose services and Deployments. */
    static final List<String> SERVICES = List.of("enterprise-registry", "inspection-service", "hazard-service", "reporting-service");

    private static final Path ROOT = findRoot();

    private Project() {
    }

    static Path root() {
        return ROOT;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("contracts"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Not inside the hazard-ledger source tree: " + Path.of("").toAbsolutePath());
    }
}
