package io.hazardledger.deploy;

import io.hazardledger.contracts.Topics;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The event topics of the published language, read from {@link Topics} so a new topic needs deploy wiring. */
final class TopicNames {
    private TopicNames() {
    }

    static Set<String> eventTopics() {
        return Arrays.stream(Topics.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(TopicNames::value)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The event topics and their dead-letter topics. */
    static Set<String> allTopics() {
        Set<String> all = new TreeSet<>(eventTopics());
        eventTopics().forEach(topic -> all.add(Topics.deadLetterOf(topic)));
        return all;
    }

    /** A space-separated list as the topic script reads it. */
    static Set<String> parse(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.trim().split("\\s+")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
