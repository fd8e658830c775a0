package io.hazardledger.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/configuration.md names every setting: each key of the services' and eventstore's properties, each key the
 * code reads ({@code @ConfigProperty}, {@code @ConfigMapping}), each environment variable they refer to, and each
 * variable the deployments set.
 */
class ConfigurationReferenceTest {
    private static final String REFERENCE = "docs/configuration.md";
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(name = \"([^\"]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
    private static final Pattern MAPPING_MEMBER = Pattern.compile("(?m)^\\s+\\w[\\w<>, ]*\\s+(\\w+)\\(\\);");
    private static final Set<String> MODULES = Set.of("eventstore", "enterprise-registry", "inspection-service", "hazard-service", "reporting-service");

    private final String reference = Project.read(REFERENCE);

    @Test
    void namesEveryPropertyAndEveryEnvironmentVariableOfEveryService() {
        Set<String> missing = new TreeSet<>();
        for (String service : Project.SERVICES) {
            ServiceSettings settings = ServiceSettings.of(service);
            settings.properties().keySet().stream().filter(key -> !documented(key)).forEach(missing::add);
            settings.requiredEnvironment().stream().filter(variable -> !documented(variable)).forEach(missing::add);
        }
        assertTrue(missing.isEmpty(), REFERENCE + " does not describe " + missing);
    }

    @Test
    void namesEveryKeyTheCodeReads() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (String module : MODULES) {
            try (Stream<Path> sources = Files.walk(Project.path(module + "/src/main/java"))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String code = Project.read(source);
                    Matcher property = CONFIG_PROPERTY.matcher(code);
                    while (property.find()) {
                        if (!documented(property.group(1))) {
                            missing.add(property.group(1));
                        }
                    }
                    Matcher mapping = CONFIG_MAPPING.matcher(code);
                    if (mapping.find()) {
                        Matcher member = MAPPING_MEMBER.matcher(code);
                        while (member.find()) {
                            String key = mapping.group(1) + "." + member.group(1).replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
                            if (!documented(key)) {
                                missing.add(key);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), REFERENCE + " does not describe " + missing);
    }

    @Test
    void namesEveryVariableTheDeploymentsSet() {
        Set<String> missing = new TreeSet<>();
        Yaml.map(Yaml.document(Project.path("deploy/docker-compose.yml")), "x-service-environment").keySet().stream()
                .filter(variable -> !documented(variable)).forEach(missing::add);
        Kustomization base = Kustomization.at("deploy/k8s/base");
        base.generatedConfigMaps().forEach((name, data) -> data.keySet().stream()
                .filter(key -> key.matches("[A-Z][A-Z0-9_]*") && !documented(key)).forEach(missing::add));
        assertTrue(missing.isEmpty(), REFERENCE + " does not describe " + missing);
    }

    private boolean documented(String name) {
        return reference.contains("`" + name + "`");
    }
}
