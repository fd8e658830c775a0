package io.hazardledger.benchmarks;

import io.hazardledger.local.KafkaBroker;
import io.hazardledger.local.Processes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own perf tools (kafka-tools' ProducerPerformance and ConsumerPerformance, from the jars the broker runs on)
 * against the stack's broker, on a scratch topic that is deleted afterwards: what the broker does on this machine
 * without our services in between.
 */
final class KafkaPerf {
    private static final Pattern PRODUCED = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
            + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private final String bootstrap;
    private final Path toolsLog4j;
    private final Path workDir;

    KafkaPerf(String bootstrap, Path projectRoot, Path workDir) {
        this.bootstrap = bootstrap;
        this.toolsLog4j = projectRoot.resolve("deploy/local/kafka-tools-log4j2.properties");
        this.workDir = workDir;
    }

    record Produced(long records, double recordsPerSecond, double mbPerSecond, double p50Millis, double p99Millis) {
    }

    record Consumed(long records, double recordsPerSecond, double mbPerSecond) {
    }

    record Figures(int recordSize, String acks, Produced produced, Consumed consumed) {
    }

    Figures run(long records, int recordSize) throws Exception {
        String topic = "perf-" + UUID.randomUUID();
        try {
            String producerOut = tool("producer", "org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                    "--num-records", Long.toString(records), "--record-size", Integer.toString(recordSize),
                    "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all");
            Matcher produced = PRODUCED.matcher(producerOut);
            Produced p = null;
            while (produced.find()) { // the last summary is the whole run's
                p = new Produced(Long.parseLong(produced.group(1)), Double.parseDouble(produced.group(2)),
                        Double.parseDouble(produced.group(3)), Double.parseDouble(produced.group(6)),
                        Double.parseDouble(produced.group(8)));
            }
            if (p == null) {
                throw new IllegalStateException("ProducerPerformance printed no summary:\n" + producerOut);
            }
            String consumerOut = tool("consumer", "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server",
                    bootstrap, "--topic", topic, "--messages", Long.toString(records), "--timeout", "60000");
            return new Figures(recordSize, "all", p, consumed(consumerOut));
        } finally {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** ConsumerPerformance prints a header and one line: start, end, MB, MB/s, records, records/s, … */
    private static Consumed consumed(String out) {
        List<String> lines = out.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("start.time")) {
                String[] fields = lines.get(i + 1).split(",\\s*");
                return new Consumed(Long.parseLong(fields[4]), Double.parseDouble(fields[5]), Double.parseDouble(fields[3]));
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no figures:\n" + out);
    }

    private String tool(String name, String main, String... args) throws Exception {
        Path log = workDir.resolve("kafka-perf-" + name + ".out");
        Files.createDirectories(workDir);
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable(), "-Xmx512m", "-cp", brokerClasspath(),
                "-Dlog4j2.configurationFile=" + toolsLog4j, main));
        command.addAll(List.of(args));
        Process process = Processes.startDetached(command, log, Map.of());
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " perf tool did not finish; see " + log);
        }
        String out = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " perf tool failed:\n" + out);
        }
        return out;
    }

    /** The jars deploy/local resolved for the broker, kafka-tools among them. */
    private static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/kafka-broker.classpath")) {
            if (in == null) {
                throw new IOException("kafka-broker.classpath missing: build deploy/local first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
