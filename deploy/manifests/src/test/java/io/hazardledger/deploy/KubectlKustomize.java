package io.hazardledger.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Renders an overlay with {@code kubectl kustomize} (or {@code kustomize build}) when either is installed. */
final class KubectlKustomize {
    private KubectlKustomize() {
    }

    static Optional<List<String>> command() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "kubectl"))) {
                return Optional.of(List.of(Path.of(dir, "kubectl").toString(), "kustomize"));
            }
            if (Files.isExecutable(Path.of(dir, "kustomize"))) {
                return Optional.of(List.of(Path.of(dir, "kustomize").toString(), "build"));
            }
        }
        return Optional.empty();
    }

    static List<Map<String, Object>> render(List<String> command, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Stream.concat(command.stream(), Stream.of(dir.toString())).toList()).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " " + dir + " failed: " + err);
        }
        return Yaml.documents(new String(out, StandardCharsets.UTF_8));
    }
}
