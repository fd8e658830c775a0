package io.hazardledger.eventstore.http;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Dates ({@code 2026-01-01}) and instants ({@code 2026-01-01T00:00:00Z}) in query and path parameters; a malformed
 * one is a 400 naming the parameter (JAX-RS alone would answer 404).
 */
@Provider
public class TimeParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(nameOf(annotations), LocalDate::parse, "an ISO date, e.g. 2026-01-01");
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(nameOf(annotations), Instant::parse, "an ISO-8601 UTC instant, e.g. 2026-01-01T00:00:00Z");
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(String name, Function<String, V> parse, String expected) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (DateTimeParseException e) {
                    throw ProblemException.invalid(name, "must be " + expected);
                }
            }

            @Override
            public String toString(V value) {
                return value.toString();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return "parameter";
    }
}
