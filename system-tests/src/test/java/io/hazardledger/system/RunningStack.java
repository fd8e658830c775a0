package io.hazardledger.system;

import io.hazardledger.local.LocalStack;
import io.hazardledger.local.Ports;
import io.hazardledger.local.ServiceSpec;
import io.hazardledger.local.StackSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The system under test: the stack already running on the README's ports when {@code HL_STACK=running}, otherwise
 * one this test run starts on free ports with databases of its own, and stops and drops afterwards.
 */
final class RunningStack implements AutoCloseable {
    private final LocalStack stack;
    private final boolean owned;
    private final boolean ownDatabases;

    private RunningStack(LocalStack stack, boolean owned, boolean ownDatabases) {
        this.stack = stack;
        this.owned = owned;
        this.ownDatabases = ownDatabases;
    }

    static RunningStack start() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        if ("running".equals(System.getenv("HL_STACK"))) {
            return new RunningStack(new LocalStack(StackSettings.defaults(root)), false, false);
        }
        String prefix = "st_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
        StackSettings settings = new StackSettings(root, root.resolve("system-tests/target/stack"),
                Ports.freeRange(18081, 4), Ports.free(), Ports.free(), 5432, prefix);
        LocalStack stack = new LocalStack(settings);
        try {
            stack.up();
        } catch (Exception e) {
            stack.down();
            stack.dropDatabases();
            throw e;
        }
        return new RunningStack(stack, true, true);
    }

    /**
     * A stack of its own under {@code system-tests/target/<name>}, started afresh: an embedded PostgreSQL on a free
     * port, its own broker and the four services, all of which the caller may kill, stop and restart. For tests
     * that break things the shared stack must keep working.
     */
    static RunningStack startIsolated(String name) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path runDir = root.resolve("system-tests/target").resolve(name);
        deleteRecursively(runDir);
        StackSettings settings = new StackSettings(root, runDir, Ports.freeRange(18181, 4), Ports.free(), Ports.free(),
                Ports.free(), "");
        LocalStack stack = new LocalStack(settings);
        try {
            stack.up();
        } catch (Exception e) {
            stack.down();
            throw e;
        }
        return new RunningStack(stack, true, false);
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        }
    }

    String url(int serviceIndex, String path) {
        return stack.settings().baseUrl(ServiceSpec.ALL.get(serviceIndex)) + path;
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + stack.settings().kafkaPort();
    }

    /** A bearer token the running services accept, for a caller of {@code role}. */
    String token(String role, String district, UUID enterprise) {
        try {
            return stack.token(role, district, enterprise);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A JSON request by a caller of {@code role}, with a token the running services accept. */
    io.restassured.specification.RequestSpecification as(String role, String district, UUID enterprise) {
        return io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .auth().oauth2(token(role, district, enterprise));
    }

    LocalStack stack() {
        return stack;
    }

    /**
     * The last failure {@code serviceIndex} logged as unexpected (the cause of a 500), with its stack trace, or a
     * note that there is none: what a failed assertion needs to say, since CI keeps no logs.
     */
    String lastUnexpectedFailure(int serviceIndex) {
        Path log = stack.logFile(ServiceSpec.ALL.get(serviceIndex));
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains("Unexpected failure")) {
                    return String.join("\n", lines.subList(i, Math.min(lines.size(), i + 40)));
                }
            }
            return "no unexpected failure in " + log;
        } catch (java.io.IOException e) {
            return "cannot read " + log + ": " + e;
        }
    }

    @Override
    public void close() throws Exception {
        if (owned) {
            stack.down();
            // An isolated stack's embedded server is gone with its data; databases on a shared server are dropped.
            if (ownDatabases) {
                stack.dropDatabases();
            }
        }
    }
}
