package io.hazardledger.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/docker-compose.yml, checked without the Docker CLI so CI runs it everywhere. */
class ComposeFileTest {
    private static final String FILE = "deploy/docker-compose.yml";
    private final Map<String, Object> compose = Yaml.document(Project.path(FILE));
    private final Map<String, Object> services = Yaml.map(compose, "services");

    @Test
    void holdsTheInfrastructureAndTheFourServices() {
        for (String name : List.of("postgres", "kafka", "kafka-topics", "keycloak", "prometheus", "grafana")) {
            assertTrue(services.containsKey(name), FILE + " has no service " + name);
        }
        Project.SERVICES.forEach(service -> assertTrue(services.containsKey(service), FILE + " has no service " + service));
        assertTrue(Yaml.string(services, "kafka.image").startsWith("apache/kafka:"), "Kafka runs from the official image");
        assertEquals("broker,controller", Yaml.string(services, "kafka.environment.KAFKA_PROCESS_ROLES"), "Kafka runs in KRaft mode");
    }

    @Test
    void everyLongRunningContainerHasAHealthcheck() {
        services.forEach((name, service) -> {
            if (!"kafka-topics".equals(name)) {
                assertFalse(Yaml.list(service, "healthcheck.test").isEmpty(), name + " has no healthcheck");
            }
        });
    }

    @Test
    void everyServiceGetsEverySettingItReadsFromTheEnvironment() {
        for (String service : Project.SERVICES) {
            ServiceSettings settings = ServiceSettings.of(service);
            Map<String, Object> environment = Yaml.map(services, service + ".environment");
            for (String variable : settings.requiredEnvironment()) {
                assertNotNull(environment.get(variable), service + " in " + FILE + " does not set " + variable);
            }
            assertEquals(String.valueOf(settings.httpPort()), String.valueOf(environment.get("QUARKUS_HTTP_PORT")), service + " port");
            assertTrue(String.valueOf(environment.get("DB_URL")).endsWith("/" + settings.database()),
                    service + " uses its own database " + settings.database());
            assertTrue(Project.read("deploy/postgres/create-databases.sql").contains("CREATE DATABASE " + settings.database() + ";"),
                    "the database " + settings.database() + " is created");
        }
    }

    @Test
    void everyServiceIsBuiltFromItsDockerfileAndWaitsForItsDependencies() {
        for (String service : Project.SERVICES) {
            assertEquals("../" + service, Yaml.string(services, service + ".build.context"));
            String dockerfile = Yaml.string(services, service + ".build.dockerfile");
            assertTrue(Files.isRegularFile(Project.path(service).resolve(dockerfile)), service + ": " + dockerfile + " exists");
            assertTrue(Yaml.string(services, service + ".image").startsWith("hazard-ledger/" + service + ":"), service + " image name");
            String health = String.join(" ", Yaml.list(services, service + ".healthcheck.test").stream().map(String::valueOf).toList());
            assertTrue(health.contains("/q/health/ready"), service + " healthcheck asks /q/health/ready");
            assertEquals(Set.of("postgres", "kafka-topics", "keycloak"), Yaml.map(services, service + ".depends_on").keySet());
            List<Object> ports = Yaml.list(services, service + ".ports");
            int port = ServiceSettings.of(service).httpPort();
            assertTrue(ports.contains(port + ":" + port), service + " publishes " + port);
        }
    }

    @Test
    void createsEveryTopicAndItsDeadLetterTopic() {
        assertEquals(TopicNames.eventTopics(), TopicNames.parse(Yaml.string(services, "kafka-topics.environment.TOPICS")));
        assertTrue(Integer.parseInt(Yaml.string(services, "kafka-topics.environment.TOPIC_PARTITIONS")) >= 6, "at least 6 partitions");
    }

    @Test
    void mountsOnlyFilesThatExist() {
        services.forEach((name, service) -> Yaml.list(service, "volumes").stream().map(String::valueOf)
                .filter(volume -> volume.startsWith("./"))
                .forEach(volume -> assertTrue(Files.exists(Project.path("deploy").resolve(volume.substring(0, volume.indexOf(':')))),
                        name + " mounts a missing " + volume)));
    }

    @Test
    void servicesTrustTheImportedKeycloakRealm() {
        assertTrue(Yaml.list(services, "keycloak.command").contains("--import-realm"));
        String realm = String.valueOf(Yaml.at(KeycloakRealmTest.realm(), "realm"));
        for (String service : Project.SERVICES) {
            assertTrue(Yaml.string(services, service + ".environment.MP_JWT_VERIFY_ISSUER").endsWith("/realms/" + realm));
            assertTrue(Yaml.string(services, service + ".environment.MP_JWT_VERIFY_PUBLICKEY_LOCATION")
                    .endsWith("/realms/" + realm + "/protocol/openid-connect/certs"));
        }
    }
}
