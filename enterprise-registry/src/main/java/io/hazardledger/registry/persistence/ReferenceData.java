package io.hazardledger.registry.persistence;

import io.hazardledger.registry.domain.Gazetteer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Districts, streets and industries, read once from the resources under {@code reference/} (see
 * reference-data/README.md for their sources) into immutable maps. Held in memory rather than in a table: the data
 * changes only with a release, ~45,000 entries take a few MB, and every registration and every import row is
 * checked against it without a database round trip.
 */
@ApplicationScoped
public class ReferenceData implements Gazetteer {
    private final Map<String, District> districts;
    private final Map<String, Street> streets;
    private final Map<String, List<Street>> streetsByDistrict;
    private final Map<String, Industry> industries;

    public ReferenceData() {
        districts = read("reference/districts.csv.gz", r -> new District(r.get("code"), r.get("name"), r.get("city"),
                r.get("province")), District::code);
        streets = read("reference/streets.csv.gz", r -> new Street(r.get("code"), r.get("name"),
                r.get("code").substring(0, 6)), Street::code);
        industries = read("reference/industries.csv", r -> new Industry(r.get("code"), r.get("name"),
                r.get("section").isEmpty() ? null : r.get("section")), Industry::code);
        Map<String, List<Street>> byDistrict = new LinkedHashMap<>();
        streets.values().forEach(s -> byDistrict.computeIfAbsent(s.districtCode(), d -> new ArrayList<>()).add(s));
        byDistrict.replaceAll((d, list) -> List.copyOf(list));
        streetsByDistrict = Collections.unmodifiableMap(byDistrict);
    }

    @Override
    public Optional<District> district(String code) {
        return Optional.ofNullable(code == null ? null : districts.get(code));
    }

    @Override
    public Optional<Street> street(String code) {
        return Optional.ofNullable(code == null ? null : streets.get(code));
    }

    @Override
    public Optional<Industry> industry(String code) {
        return Optional.ofNullable(code == null ? null : industries.get(code));
    }

    /** Every district in code order, or those whose code starts with {@code prefix} (a province or city code). */
    public List<District> districts(String prefix) {
        return districts.values().stream().filter(d -> prefix == null || d.code().startsWith(prefix)).toList();
    }

    public List<Street> streetsOf(String districtCode) {
        return streetsByDistrict.getOrDefault(districtCode, List.of());
    }

    /** Sections and divisions in the standard's order (each section before its divisions). */
    public List<Industry> industries() {
        return List.copyOf(industries.values());
    }

    private static <T> Map<String, T> read(String resource, Function<CSVRecord, T> row, Function<T, String> key) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setCommentMarker('#').setIgnoreEmptyLines(true).get();
        try (InputStream raw = ReferenceData.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("Reference data missing from the build: " + resource);
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                Map<String, T> entries = new LinkedHashMap<>();
                for (CSVRecord record : format.parse(reader)) {
                    T entry = row.apply(record);
                    entries.put(key.apply(entry), entry);
                }
                return Collections.unmodifiableMap(entries);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reference data unreadable: " + resource, e);
        }
    }
}
