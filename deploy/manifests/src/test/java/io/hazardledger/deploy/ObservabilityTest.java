package io.hazardledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prometheus scrapes every service; the Grafana dashboard asks only for metrics the code registers. */
class ObservabilityTest {
    private static final String DASHBOARD = "deploy/observability/grafana/dashboards/hazard-ledger.json";
    private static final Pattern METER = Pattern.compile("(counter|gauge|Timer\\.builder)\\(\"(eventstore\\.[a-z.]+)\"");
    private static final Pattern USED_METRIC = Pattern.compile("\\b(eventstore_[a-z_]+)");

    @Test
    void prometheusScrapesEveryServiceAtItsMetricsEndpoint() {
        Map<String, Object> config = Yaml.document(Project.path("deploy/observability/prometheus/prometheus.yml"));
        Object job = Yaml.list(config, "scrape_configs").get(0);
        assertEquals("/q/metrics", Yaml.string(job, "metrics_path"));
        Set<String> targets = new TreeSet<>();
        for (Object group : Yaml.list(job, "static_configs")) {
            String service = Yaml.string(group, "labels.service");
            Yaml.list(group, "targets").forEach(target -> {
                assertTrue(String.valueOf(target).startsWith(service + ":"), "target " + target + " is labelled with its service");
                targets.add(String.valueOf(target));
            });
        }
        Set<String> expected = new TreeSet<>();
        Project.SERVICES.forEach(service -> expected.add(service + ":" + ServiceSettings.of(service).httpPort()));
        assertEquals(expected, targets);
    }

    @Test
    void theDashboardShowsEventsOutboxConsumerLagAndApiLatency() {
        String queries = String.join("\n", queries());
        for (String metric : List.of("eventstore_events_appended_total", "eventstore_outbox_backlog", "eventstore_outbox_oldest_seconds",
                "kafka_consumer_fetch_manager_records_lag", "http_server_requests_seconds_sum", "http_server_requests_seconds_count")) {
            assertTrue(queries.contains(metric), "the dashboard has a panel on " + metric);
        }
    }

    @Test
    void theDashboardAsksOnlyForMetricsTheEventStoreRegisters() throws IOException {
        Set<String> registered = registeredMetrics();
        assertTrue(registered.contains("eventstore_outbox_backlog"), "meters found in eventstore: " + registered);
        Matcher used = USED_METRIC.matcher(String.join("\n", queries()));
        while (used.find()) {
            String metric = used.group(1).replaceAll("_(count|sum|max|bucket)$", "");
            assertTrue(registered.contains(metric), "the dashboard asks for " + used.group(1) + ", which eventstore does not register");
        }
    }

    @Test
    void grafanaIsProvisionedWithTheDataSourceAndDashboardItUses() throws IOException {
        Map<String, Object> datasources = Yaml.document(Project.path("deploy/observability/grafana/provisioning/datasources/prometheus.yml"));
        String uid = Yaml.string(Yaml.list(datasources, "datasources").get(0), "uid");
        for (JsonNode panel : dashboard().get("panels")) {
            if (!"row".equals(panel.path("type").asText())) {
                assertEquals(uid, panel.path("datasource").path("uid").asText(), panel.path("title").asText());
            }
        }
        Map<String, Object> providers = Yaml.document(Project.path("deploy/observability/grafana/provisioning/dashboards/hazard-ledger.yml"));
        String path = Yaml.string(Yaml.list(providers, "providers").get(0), "options.path");
        List<Object> volumes = Yaml.list(Yaml.document(Project.path("deploy/docker-compose.yml")), "services.grafana.volumes");
        assertTrue(volumes.contains("./observability/grafana/dashboards:" + path + ":ro"), "compose mounts the dashboards where Grafana looks");
    }

    private static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(Project.read(DASHBOARD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> queries() {
        List<String> queries = new ArrayList<>();
        dashboard().findValues("expr").forEach(expr -> queries.add(expr.asText()));
        return queries;
    }

    /** Prometheus names of the meters eventstore registers: counters end in _total, timers in _seconds. */
    private static Set<String> registeredMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Project.path("eventstore/src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher meter = METER.matcher(Project.read(source));
                while (meter.find()) {
                    String name = meter.group(2).replace('.', '_');
                    names.add(switch (meter.group(1)) {
                        case "counter" -> name + "_total";
                        case "gauge" -> name;
                        default -> name + "_seconds";
                    });
                }
            }
        }
        return names;
    }
}
