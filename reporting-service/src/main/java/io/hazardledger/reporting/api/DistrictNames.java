package io.hazardledger.reporting.api;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Chinese names of the county-level districts (GB/T 2260 and the statistical codes of development zones), from the
 * gazetteer the registry checks codes against ({@code reference/districts.csv.gz} in contracts; its source and
 * licence are in enterprise-registry/reference-data/README.md). A code it does not hold has no name.
 */
@ApplicationScoped
public class DistrictNames {
    private static final String RESOURCE = "reference/districts.csv.gz";
    private final Map<String, String> names = new HashMap<>();

    DistrictNames() {
        try (InputStream raw = DistrictNames.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("District gazetteer missing from the build: " + RESOURCE);
            }
            var lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            lines.readLine(); // code,name,city,province
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split(",", 3); // codes and district names hold no comma or quote
                names.put(fields[0], fields[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String of(String code) {
        return code == null ? null : names.get(code);
    }
}
