package io.hazardledger.deploy;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each service's src/main/docker/Dockerfile.jvm: the Quarkus fast-jar on a Java 17 runtime, as a non-root user. */
class DockerfileTest {
    private static final Pattern FROM = Pattern.compile("(?m)^FROM (\\S+)");
    private static final Pattern USER = Pattern.compile("(?m)^USER (\\S+)");

    @Test
    void everyServiceImageRunsItsFastJarOnJava17AsANonRootUser() {
        for (String service : Project.SERVICES) {
            String dockerfile = Project.read(service + "/src/main/docker/Dockerfile.jvm");
            Matcher from = FROM.matcher(dockerfile);
            assertTrue(from.find(), service + " has a base image");
            String base = from.group(1);
            assertTrue(base.contains("openjdk-17-runtime") || base.startsWith("eclipse-temurin:17-jre"), service + " base " + base);
            for (String part : new String[] {"lib/", "*.jar", "app/", "quarkus/"}) {
                assertTrue(dockerfile.contains("target/quarkus-app/" + part), service + " copies target/quarkus-app/" + part);
            }
            Matcher user = USER.matcher(dockerfile);
            String last = null;
            while (user.find()) {
                last = user.group(1);
            }
            assertTrue(last != null && !"root".equals(last) && !"0".equals(last), service + " runs as a non-root user, not " + last);
            assertTrue(dockerfile.contains("EXPOSE " + ServiceSettings.of(service).httpPort()), service + " exposes its port");
            assertEquals("*\n!target/quarkus-app/", Project.read(service + "/src/main/docker/Dockerfile.jvm.dockerignore")
                    .lines().filter(line -> !line.startsWith("#")).reduce((a, b) -> a + "\n" + b).orElse(""),
                    service + ": only the build goes into the image context");
        }
    }
}
