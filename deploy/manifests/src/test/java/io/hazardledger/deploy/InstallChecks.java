package io.hazardledger.deploy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every rendering of the Kubernetes install must hold, whether the base read file by file or an overlay
 * rendered by kustomize: the four services with their probes, ports, settings, Service, budget and autoscaler,
 * and the topic Job.
 */
final class InstallChecks {
    private final String install;
    private final List<Map<String, Object>> documents;

    InstallChecks(String install, List<Map<String, Object>> documents) {
        this.install = install;
        this.documents = documents;
    }

    void everyDocumentIsAResource() {
        for (Map<String, Object> document : documents) {
            assertNotNull(document.get("apiVersion"), install + ": a document without apiVersion: " + document);
            assertNotNull(document.get("kind"), install + ": a document without kind: " + document);
            assertNotNull(Yaml.string(document, "metadata.name"), install + ": a " + document.get("kind") + " without a name");
        }
    }

    Map<String, Object> one(String kind, String name) {
        List<Map<String, Object>> found = documents.stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(Yaml.string(d, "metadata.name"))).toList();
        assertEquals(1, found.size(), install + ": expected one " + kind + " " + name);
        return found.get(0);
    }

    /** A ConfigMap's data by the name the install gives it (kustomize's hash suffix included once rendered). */
    Map<String, String> configMap(String name) {
        return documents.stream().filter(d -> "ConfigMap".equals(d.get("kind")) && name.equals(Yaml.string(d, "metadata.name")))
                .findFirst().map(d -> Yaml.map(d, "data").entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))))
                .orElseGet(() -> fail(install + ": no ConfigMap " + name));
    }

    /** The environment of a service's container: its ConfigMaps' keys and values, and its own env entries. */
    Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> environment = new HashMap<>();
        for (Object source : Yaml.list(container, "envFrom")) {
            String configMap = Yaml.string(source, "configMapRef.name");
            assertNotNull(configMap, install + ": envFrom only from ConfigMaps (Secrets are referenced key by key)");
            environment.putAll(configMap(configMap));
        }
        for (Object variable : Yaml.list(container, "env")) {
            Object secret = Yaml.at(variable, "valueFrom.secretKeyRef");
            environment.put(Yaml.string(variable, "name"), secret != null
                    ? "secret:" + Yaml.string(secret, "name") + "/" + Yaml.string(secret, "key")
                    : Yaml.string(variable, "value"));
        }
        return environment;
    }

    Map<String, Object> container(String service) {
        Map<String, Object> deployment = one("Deployment", service);
        List<Object> containers = Yaml.list(deployment, "spec.template.spec.containers");
        assertEquals(1, containers.size(), install + ": " + service + " runs one container");
        @SuppressWarnings("unchecked")
        Map<String, Object> container = (Map<String, Object>) containers.get(0);
        return container;
    }

    void serviceRunsItsImageWithProbesAndEverySetting(String service, String expectedTag) {
        ServiceSettings settings = ServiceSettings.of(service);
        Map<String, Object> deployment = one("Deployment", service);
        Map<String, Object> container = container(service);
        String image = Yaml.string(container, "image");
        assertEquals("hazard-ledger/" + service + (expectedTag == null ? "" : ":" + expectedTag), image, install + " image");

        Map<String, Object> podLabels = Yaml.map(deployment, "spec.template.metadata.labels");
        assertTrue(podLabels.entrySet().containsAll(Yaml.map(deployment, "spec.selector.matchLabels").entrySet()),
                install + ": " + service + " selector matches its pods");
        assertEquals(Boolean.TRUE, Yaml.at(deployment, "spec.template.spec.securityContext.runAsNonRoot"), service + " runs as non-root");

        List<Object> ports = Yaml.list(container, "ports");
        assertEquals(1, ports.size());
        assertEquals("http", Yaml.string(ports.get(0), "name"));
        assertEquals(String.valueOf(settings.httpPort()), Yaml.string(ports.get(0), "containerPort"), install + ": " + service + " port");
        assertEquals("/q/health/ready", Yaml.string(container, "readinessProbe.httpGet.path"), service + " readiness");
        assertEquals("/q/health/live", Yaml.string(container, "livenessProbe.httpGet.path"), service + " liveness");
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            Object port = Yaml.at(container, probe + ".httpGet.port");
            assertTrue("http".equals(port) || String.valueOf(settings.httpPort()).equals(String.valueOf(port)), service + " " + probe + " port");
        }
        assertNotNull(Yaml.string(container, "resources.requests.cpu"), install + ": " + service + " requests CPU (the HPA needs it)");
        assertNotNull(Yaml.string(container, "resources.requests.memory"), service + " requests memory");
        assertNotNull(Yaml.string(container, "resources.limits.memory"), service + " has a memory limit");

        Map<String, String> environment = environment(container);
        Set<String> missing = new TreeSet<>(settings.requiredEnvironment());
        missing.removeAll(environment.keySet());
        assertTrue(missing.isEmpty(), install + ": " + service + " does not set " + missing);
        assertEquals(String.valueOf(settings.httpPort()), environment.get("QUARKUS_HTTP_PORT"), install + ": " + service + " port setting");
        assertTrue(environment.get("DB_URL").endsWith("/" + settings.database()), install + ": " + service + " database");
        assertEquals("secret:" + service + "-db/DB_PASSWORD", environment.get("DB_PASSWORD"), service + " password from its Secret");
        assertEquals("secret:" + service + "-db/DB_USER", environment.get("DB_USER"), service + " user from its Secret");
    }

    void serviceHasItsServiceBudgetAndAutoscaler(String service) {
        int port = ServiceSettings.of(service).httpPort();
        Map<String, Object> podLabels = Yaml.map(one("Deployment", service), "spec.template.metadata.labels");
        Map<String, Object> svc = one("Service", service);
        assertTrue(podLabels.entrySet().containsAll(Yaml.map(svc, "spec.selector").entrySet()), service + " Service selects its pods");
        assertEquals(String.valueOf(port), Yaml.string(Yaml.list(svc, "spec.ports").get(0), "port"));
        assertEquals("http", Yaml.string(Yaml.list(svc, "spec.ports").get(0), "targetPort"));
        Map<String, Object> budget = one("PodDisruptionBudget", service);
        assertTrue(podLabels.entrySet().containsAll(Yaml.map(budget, "spec.selector.matchLabels").entrySet()), service + " budget");
        Map<String, Object> autoscaler = one("HorizontalPodAutoscaler", service);
        assertEquals("Deployment", Yaml.string(autoscaler, "spec.scaleTargetRef.kind"));
        assertEquals(service, Yaml.string(autoscaler, "spec.scaleTargetRef.name"));
        assertTrue(minReplicas(service) <= maxReplicas(service), service + " autoscaler range");
    }

    int minReplicas(String service) {
        return Integer.parseInt(Yaml.string(one("HorizontalPodAutoscaler", service), "spec.minReplicas"));
    }

    int maxReplicas(String service) {
        return Integer.parseInt(Yaml.string(one("HorizontalPodAutoscaler", service), "spec.maxReplicas"));
    }

    /** The Job creates every topic of contracts with the Kafka image's own tool. */
    Map<String, String> topicJobSettings() {
        Map<String, Object> job = one("Job", "kafka-topics");
        List<Object> containers = Yaml.list(job, "spec.template.spec.containers");
        String image = Yaml.string(containers.get(0), "image");
        assertTrue(image.startsWith("apache/kafka:"), "topics are created with the official Kafka image: " + image);
        assertTrue(String.valueOf(Yaml.list(containers.get(0), "command")).contains("create-topics.sh"));
        String scripts = Yaml.string(Yaml.list(job, "spec.template.spec.volumes").get(0), "configMap.name");
        assertTrue(configMap(scripts).get("create-topics.sh").contains("kafka-topics.sh"), "the script uses kafka-topics.sh");
        Map<String, String> settings = new HashMap<>();
        for (Object source : Yaml.list(containers.get(0), "envFrom")) {
            settings.putAll(configMap(Yaml.string(source, "configMapRef.name")));
        }
        assertEquals(TopicNames.eventTopics(), TopicNames.parse(settings.get("TOPICS")), install + ": the Job creates the topics of contracts");
        assertNotNull(settings.get("KAFKA_BOOTSTRAP_SERVERS"), "the Job knows the brokers");
        return settings;
    }
}
