package io.hazardledger.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code up}: start the local stack with demo data and print where everything is; {@code down}: stop it all.
 * Run from the project root (deploy/local/up.sh and down.sh do).
 */
public final class StackCommand {
    private StackCommand() {
    }

    public static void main(String[] args) throws Exception {
        String verb = args.length == 0 ? "up" : args[0];
        LocalStack stack = new LocalStack(StackSettings.defaults(Path.of("").toAbsolutePath()));
        switch (verb) {
            case "up" -> up(stack);
            case "token" -> token(stack, args);
            case "down" -> {
                stack.down();
                System.out.println("Stopped. Nothing of the stack is running; data stays in PostgreSQL and "
                        + stack.settings().runDir().resolve("kafka"));
            }
            default -> {
                System.err.println("usage: StackCommand up|down|token ROLE [DISTRICT|ENTERPRISE_ID]");
                System.exit(2);
            }
        }
    }

    private static void up(LocalStack stack) throws Exception {
        long started = System.nanoTime();
        int findings;
        try {
            stack.up();
            findings = new DemoData(stack.settings()).load();
        } catch (Exception e) {
            System.err.println("Start failed: " + e.getMessage() + "\nLogs: " + stack.settings().runDir().resolve("logs"));
            stack.down();
            System.exit(1);
            return;
        }
        StackSettings s = stack.settings();
        StringBuilder out = new StringBuilder();
        out.append("Hazard Ledger is running (ready in ").append(seconds(Duration.ofNanos(System.nanoTime() - started)))
                .append(", demo data: ").append(findings).append(" new findings).\n\n");
        out.append(String.format("%-20s %-34s %-42s %s%n", "service", "API", "Swagger UI", "health"));
        Map<ServiceSpec, String> api = Map.of(
                ServiceSpec.ALL.get(0), "/api/enterprises",
                ServiceSpec.ALL.get(1), "/api/inspections",
                ServiceSpec.ALL.get(2), "/api/hazards",
                ServiceSpec.ALL.get(3), "/api/stats/districts");
        for (ServiceSpec service : ServiceSpec.ALL) {
            String base = s.baseUrl(service);
            out.append(String.format("%-20s %-34s %-42s %s%n", service.module(), base + api.get(service),
                    base + "/q/swagger-ui", base + "/q/health"));
        }
        out.append("\nKafka      127.0.0.1:").append(s.kafkaPort())
                .append("  (topics enterprise-events, inspection-events, hazard-events, report-events)\n");
        out.append("PostgreSQL 127.0.0.1:").append(s.postgresPort()).append("  (databases enterprise, inspection, hazard, reporting)\n");
        out.append("Logs       ").append(s.runDir().resolve("logs")).append('\n');
        out.append("Stop with  deploy/local/down.sh\n\n");
        out.append("Bearer tokens (12 h; more with deploy/local/token.sh ROLE [DISTRICT|ENTERPRISE_ID]):\n");
        for (String[] demo : DEMO_CALLERS) {
            out.append(String.format("  %-24s %s%n", demo[0] + (demo[1] != null ? " " + demo[1] : " (all districts)"),
                    stack.token(demo[0], demo[1], null)));
        }
        out.append("  e.g. curl -H \"Authorization: Bearer $TOKEN\" ").append(s.baseUrl(ServiceSpec.ALL.get(3)))
                .append("/api/stats/districts\n\n");
        out.append("Dashboard  ").append(s.baseUrl(ServiceSpec.ALL.get(3))).append("/?token=")
                .append(stack.token("analyst", null, null)).append("\n\nStart-up times:\n");
        stack.startTimes().forEach((name, time) -> out.append(String.format("  %-20s %s%n", name, seconds(time))));
        System.out.print(out);
    }

    /** One demo caller per role, in the seed district with the chemical park (昌邑市). */
    private static final String[][] DEMO_CALLERS = {
            {"regulator", "370786"}, {"inspector", "370786"}, {"analyst", "370786"}, {"analyst", null}, {"admin", null}};

    /** Prints one token: {@code token ROLE [DISTRICT|ENTERPRISE_ID]}. */
    private static void token(LocalStack stack, String[] args) throws Exception {
        if (args.length < 2 || !ROLES.contains(args[1])) {
            System.err.println("usage: token ROLE [DISTRICT|ENTERPRISE_ID]; ROLE one of " + ROLES);
            System.exit(2);
        }
        String scope = args.length > 2 ? args[2] : null;
        boolean enterprise = "enterprise".equals(args[1]);
        if (enterprise && scope == null) {
            System.err.println("an enterprise token names its enterprise id");
            System.exit(2);
        }
        System.out.println(stack.token(args[1], enterprise ? null : scope,
                enterprise ? java.util.UUID.fromString(scope) : null));
    }

    private static final java.util.List<String> ROLES =
            java.util.List.of("enterprise", "inspector", "regulator", "analyst", "admin");

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
