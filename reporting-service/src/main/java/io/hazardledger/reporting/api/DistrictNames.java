package io.hazardledger.reporting.api;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Chinese names of the districts reporting knows by name: the demo districts, from GB/T 2260 (district-names.properties).
 * Reporting keeps no reference data of its own; other codes have no name here (the registry's /api/districts has them).
 */
@ApplicationScoped
public class DistrictNames {
    private final Properties names = new Properties();

    DistrictNames() {
        try (var in = DistrictNames.class.getResourceAsStream("/district-names.properties")) {
            if (in != null) {
                names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String of(String code) {
        return code == null ? null : names.getProperty(code);
    }
}
