package io.hazardledger.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/k8s/base, read file by file: what every overlay builds on. */
class KubernetesBaseTest {
    private final Kustomization base = Kustomization.at("deploy/k8s/base");
    private final InstallChecks install = new InstallChecks("base", base.documentsWithGeneratedConfigMaps());

    @Test
    void everyResourceFileExistsAndEveryDocumentIsAResource() {
        base.resources().forEach(resource -> assertTrue(Files.isRegularFile(base.dir().resolve(resource)), resource + " exists"));
        install.everyDocumentIsAResource();
    }

    @Test
    void everyServiceRunsItsImageWithHealthProbesAndEverySettingItReads() {
        for (String service : Project.SERVICES) {
            assertNotNull(base.imageTag("hazard-ledger/" + service), "kustomize images: tags hazard-ledger/" + service);
            install.serviceRunsItsImageWithProbesAndEverySetting(service, null);
        }
    }

    @Test
    void everyServiceHasAServiceADisruptionBudgetAndAnAutoscaler() {
        Project.SERVICES.forEach(install::serviceHasItsServiceBudgetAndAutoscaler);
    }

    @Test
    void theTopicJobCreatesTheTopicsOfContractsWithAtLeastSixPartitions() {
        Map<String, String> settings = install.topicJobSettings();
        assertTrue(Integer.parseInt(settings.get("TOPIC_PARTITIONS")) >= 6, "partitions >= 6 (DESIGN §2)");
        String script = Project.read("deploy/k8s/base/topics/create-topics.sh");
        assertTrue(script.contains("\"$topic.dlq\""), "every topic gets its dead-letter topic");
        assertTrue(script.contains("--if-not-exists"), "the script can run again");
    }

    @Test
    void theStrimziComponentDeclaresEveryTopicAndItsDeadLetterTopic() {
        Kustomization component = Kustomization.at("deploy/k8s/components/strimzi-topics");
        assertEquals("Component", Yaml.string(component.spec(), "kind"));
        Set<String> topics = component.resourceDocuments().stream().filter(d -> "KafkaTopic".equals(d.get("kind")))
                .map(d -> Yaml.string(d, "spec.topicName")).collect(Collectors.toSet());
        assertEquals(TopicNames.allTopics(), topics);
        component.resourceDocuments().forEach(topic -> {
            assertEquals("-1", String.valueOf(Yaml.map(topic, "spec.config").get("retention.ms")), "topics keep every event");
            assertTrue(Integer.parseInt(Yaml.string(topic, "spec.partitions")) >= 6);
        });
    }
}
