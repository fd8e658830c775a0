package io.hazardledger.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One kustomization directory read as plain YAML: its resource documents and the ConfigMaps its
 * {@code configMapGenerator} would make (literals and files, named without kustomize's hash suffix).
 */
record Kustomization(Path dir, Map<String, Object> spec) {
    static Kustomization at(String relative) {
        Path dir = Project.path(relative);
        return new Kustomization(dir, Yaml.document(dir.resolve("kustomization.yaml")));
    }

    List<String> resources() {
        return Yaml.list(spec, "resources").stream().map(String::valueOf).toList();
    }

    /** The documents of the resource files (resources that are directories, i.e. other kustomizations, are left out). */
    List<Map<String, Object>> resourceDocuments() {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String resource : resources()) {
            Path file = dir.resolve(resource);
            if (Files.isRegularFile(file)) {
                documents.addAll(Yaml.documents(file));
            }
        }
        return documents;
    }

    /** Generated ConfigMaps by name: data from literals ({@code KEY=value}) and files (file name as key). */
    Map<String, Map<String, String>> generatedConfigMaps() {
        Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
        for (Object generator : Yaml.list(spec, "configMapGenerator")) {
            Map<String, String> data = new LinkedHashMap<>();
            for (Object literal : Yaml.list(generator, "literals")) {
                String text = String.valueOf(literal);
                data.put(text.substring(0, text.indexOf('=')), text.substring(text.indexOf('=') + 1));
            }
            for (Object file : Yaml.list(generator, "files")) {
                Path path = dir.resolve(String.valueOf(file));
                data.put(path.getFileName().toString(), Project.read(path));
            }
            configMaps.put(Yaml.string(generator, "name"), data);
        }
        return configMaps;
    }

    /** The resource documents plus the generated ConfigMaps, as the base renders (names without hashes). */
    List<Map<String, Object>> documentsWithGeneratedConfigMaps() {
        List<Map<String, Object>> documents = new ArrayList<>(resourceDocuments());
        generatedConfigMaps().forEach((name, data) -> documents.add(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", name), "data", data)));
        return documents;
    }

    /** The tag the {@code images:} list gives an image, or null. */
    String imageTag(String image) {
        return Yaml.list(spec, "images").stream().filter(entry -> image.equals(Yaml.string(entry, "name")))
                .map(entry -> Yaml.string(entry, "newTag")).findFirst().orElse(null);
    }
}
