package io.hazardledger.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The overlays {@code small} and {@code production}: read as files everywhere, and rendered with kustomize where
 * kubectl or kustomize is installed, the rendering then checked like the base.
 */
class KubernetesOverlaysTest {
    private static final Kustomization BASE = Kustomization.at("deploy/k8s/base");

    private static Kustomization overlay(String name) {
        return Kustomization.at("deploy/k8s/overlays/" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void buildsOnTheBaseAndNamesOnlyWhatExists(String name) {
        Kustomization overlay = overlay(name);
        assertTrue(overlay.resources().contains("../../base"), name + " builds on the base");
        overlay.resources().forEach(resource -> assertTrue(Files.exists(overlay.dir().resolve(resource)), name + ": " + resource));
        Set<String> baseKinds = BASE.resourceDocuments().stream().map(d -> String.valueOf(d.get("kind"))).collect(Collectors.toSet());
        for (Object patch : Yaml.list(overlay.spec(), "patches")) {
            assertTrue(Files.isRegularFile(overlay.dir().resolve(Yaml.string(patch, "path"))), name + ": patch " + Yaml.string(patch, "path"));
            assertTrue(baseKinds.contains(Yaml.string(patch, "target.kind")), name + ": the patch target exists in the base");
        }
        assertEquals(Set.copyOf(Project.SERVICES), Yaml.list(overlay.spec(), "replicas").stream()
                .map(r -> Yaml.string(r, "name")).collect(Collectors.toSet()), name + " sizes every service");
        for (String service : Project.SERVICES) {
            assertNotNull(overlay.imageTag("hazard-ledger/" + service), name + " tags hazard-ledger/" + service);
        }
        for (Object generator : Yaml.list(overlay.spec(), "configMapGenerator")) {
            assertEquals("merge", Yaml.string(generator, "behavior"), name + " changes the base's settings, adds none apart");
            assertTrue(BASE.generatedConfigMaps().containsKey(Yaml.string(generator, "name")), name + ": " + Yaml.string(generator, "name"));
        }
        assertNotNull(Yaml.string(overlay.spec(), "namespace"), name + " installs into a namespace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void everyConsumerInstanceCanHoldAPartition(String name) {
        Sizing sizing = Sizing.of(overlay(name));
        assertTrue(sizing.partitions >= 6, name + ": partitions >= 6 (DESIGN §2)");
        assertTrue(sizing.maxReplicas <= sizing.partitions, name + ": autoscaler maximum " + sizing.maxReplicas
                + " exceeds the " + sizing.partitions + " partitions; the extra instances would idle");
        sizing.replicas.forEach((service, count) -> assertTrue(count >= 1 && count <= sizing.maxReplicas, name + ": " + service));
        assertTrue(sizing.replication >= sizing.minInsync, name + ": replication factor >= min.insync.replicas");
    }

    @Test
    void productionIsLargerThanSmall() {
        Sizing small = Sizing.of(overlay("small"));
        Sizing production = Sizing.of(overlay("production"));
        assertTrue(production.partitions > small.partitions);
        assertTrue(production.maxReplicas > small.maxReplicas);
        assertTrue(production.replication >= 3 && production.minInsync >= 2, "production keeps three copies, writes to two");
        Project.SERVICES.forEach(service -> assertTrue(production.replicas.get(service) >= 3, service + " runs three times in production"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void rendersIntoACompleteInstall(String name) throws Exception {
        var command = KubectlKustomize.command();
        assumeTrue(command.isPresent(), "neither kubectl nor kustomize is installed");
        Kustomization overlay = overlay(name);
        List<Map<String, Object>> rendered = KubectlKustomize.render(command.get(), overlay.dir());
        InstallChecks install = new InstallChecks(name, rendered);
        install.everyDocumentIsAResource();
        String namespace = Yaml.string(overlay.spec(), "namespace");
        rendered.stream().filter(d -> !"Namespace".equals(d.get("kind")))
                .forEach(d -> assertEquals(namespace, Yaml.string(d, "metadata.namespace"), name + ": " + d.get("kind") + " namespace"));
        Sizing sizing = Sizing.of(overlay);
        Map<String, String> topics = install.topicJobSettings();
        assertEquals(String.valueOf(sizing.partitions), topics.get("TOPIC_PARTITIONS"));
        for (String service : Project.SERVICES) {
            install.serviceRunsItsImageWithProbesAndEverySetting(service, overlay.imageTag("hazard-ledger/" + service));
            install.serviceHasItsServiceBudgetAndAutoscaler(service);
            assertEquals(sizing.maxReplicas, install.maxReplicas(service), name + ": " + service + " autoscaler maximum");
            assertEquals(sizing.replicas.get(service), Integer.valueOf(Yaml.string(install.one("Deployment", service), "spec.replicas")));
        }
    }

    /** An overlay's sizes as its files state them: partitions, replication, replicas, the autoscalers' maximum. */
    private record Sizing(int partitions, int replication, int minInsync, int maxReplicas, Map<String, Integer> replicas) {
        static Sizing of(Kustomization overlay) {
            Map<String, String> topics = new HashMap<>(BASE.generatedConfigMaps().get("kafka-topics-config"));
            Map<String, String> overridden = overlay.generatedConfigMaps().get("kafka-topics-config");
            if (overridden != null) {
                topics.putAll(overridden);
            }
            int maxReplicas = Integer.parseInt(Yaml.string(BASE.resourceDocuments().stream()
                    .filter(d -> "HorizontalPodAutoscaler".equals(d.get("kind"))).findFirst().orElseThrow(), "spec.maxReplicas"));
            for (Object patch : Yaml.list(overlay.spec(), "patches")) {
                if ("HorizontalPodAutoscaler".equals(Yaml.string(patch, "target.kind"))) {
                    for (Object operation : (List<?>) new org.yaml.snakeyaml.Yaml().load(
                            Project.read(overlay.dir().resolve(Yaml.string(patch, "path"))))) {
                        if ("/spec/maxReplicas".equals(Yaml.string(operation, "path"))) {
                            maxReplicas = Integer.parseInt(Yaml.string(operation, "value"));
                        }
                    }
                }
            }
            Map<String, Integer> replicas = Yaml.list(overlay.spec(), "replicas").stream().collect(Collectors.toMap(
                    r -> Yaml.string(r, "name"), r -> Integer.valueOf(Yaml.string(r, "count"))));
            return new Sizing(Integer.parseInt(topics.get("TOPIC_PARTITIONS")), Integer.parseInt(topics.get("TOPIC_REPLICATION_FACTOR")),
                    Integer.parseInt(topics.get("TOPIC_MIN_INSYNC_REPLICAS")), maxReplicas, replicas);
        }
    }
}
