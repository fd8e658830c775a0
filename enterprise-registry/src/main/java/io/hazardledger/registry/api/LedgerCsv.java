package io.hazardledger.registry.api;

import io.hazardledger.contracts.enterprise.Contact;
import io.hazardledger.contracts.enterprise.GeoPoint;
import io.hazardledger.contracts.enterprise.KeyHazards;
import io.hazardledger.eventstore.http.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The CSV form of ledger entries: one header row naming the columns (any order), then one enterprise per row. Empty
 * cells are "not given". Booleans: true/false, 1/0, 是/否; enums by name as in the JSON API.
 */
final class LedgerCsv {
    static final List<String> COLUMNS = List.of("uscc", "name", "districtCode", "streetCode", "industryCode",
            "supervisionCategory", "address", "parkName", "keyHazardousProcess", "keyHazardousChemical",
            "majorHazardSources", "riskLevel", "standardisationGrade", "responsibleCadre", "contactName", "contactPhone",
            "longitude", "latitude");
    static final Set<String> REQUIRED = Set.of("uscc", "name", "districtCode", "supervisionCategory");
    /** Field paths of the JSON entry that have a column of another name. */
    private static final Map<String, String> FIELD_COLUMNS = Map.of(
            "keyHazards.majorHazardSources", "majorHazardSources", "keyHazards", "majorHazardSources",
            "contact.phone", "contactPhone", "contact.name", "contactName", "contact", "contactName",
            "location", "longitude", "location.longitude", "longitude", "location.latitude", "latitude");

    private LedgerCsv() {
    }

    /** A data row read into an entry, or the reasons it could not be. */
    record Row(int number, String uscc, EnterpriseEntry entry, List<ImportReport.RowProblem> problems) {
    }

    static String columnOf(String field) {
        return FIELD_COLUMNS.getOrDefault(field, field);
    }

    /** Reads every row; a header that lacks a required column or names an unknown one refuses the whole file. */
    static List<Row> read(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            checkHeader(parser.getHeaderNames());
            List<Row> rows = new ArrayList<>();
            int number = 0;
            for (CSVRecord record : parser) {
                rows.add(row(++number, record));
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.invalid("body", "not a readable CSV file: " + e.getMessage());
        }
    }

    private static void checkHeader(List<String> header) {
        Set<String> missing = new LinkedHashSet<>(REQUIRED);
        header.forEach(missing::remove);
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("header", "missing column(s) " + String.join(", ", missing)
                    + "; the columns are " + String.join(",", COLUMNS));
        }
        List<String> unknown = header.stream().filter(h -> !COLUMNS.contains(h)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("header", "unknown column(s) " + String.join(", ", unknown)
                    + "; the columns are " + String.join(",", COLUMNS));
        }
    }

    private static Row row(int number, CSVRecord record) {
        Cells cells = new Cells(number, record);
        String uscc = cells.text("uscc");
        Boolean keyProcess = cells.parse("keyHazardousProcess", LedgerCsv::bool);
        Boolean keyChemical = cells.parse("keyHazardousChemical", LedgerCsv::bool);
        Integer majorSources = cells.parse("majorHazardSources", Integer::valueOf);
        KeyHazards keyHazards = keyProcess == null && keyChemical == null && majorSources == null ? null
                : new KeyHazards(Boolean.TRUE.equals(keyProcess), Boolean.TRUE.equals(keyChemical),
                majorSources == null ? 0 : majorSources);
        String contactName = cells.text("contactName");
        String contactPhone = cells.text("contactPhone");
        Double longitude = cells.parse("longitude", Double::valueOf);
        Double latitude = cells.parse("latitude", Double::valueOf);
        if ((longitude == null) != (latitude == null)) {
            cells.problem(longitude == null ? "longitude" : "latitude", "give both coordinates or neither");
        }
        EnterpriseEntry entry = new EnterpriseEntry(uscc, cells.text("name"), cells.text("districtCode"),
                cells.text("streetCode"), cells.text("industryCode"),
                cells.parse("supervisionCategory", v -> Enum.valueOf(
                        io.hazardledger.contracts.enterprise.SupervisionCategory.class, v.toUpperCase(Locale.ROOT))),
                cells.text("address"), cells.text("parkName"), keyHazards,
                cells.parse("riskLevel", v -> Enum.valueOf(
                        io.hazardledger.contracts.enterprise.RiskLevel.class, v.toUpperCase(Locale.ROOT))),
                cells.parse("standardisationGrade", v -> Enum.valueOf(
                        io.hazardledger.contracts.enterprise.StandardisationGrade.class, v.toUpperCase(Locale.ROOT))),
                cells.text("responsibleCadre"),
                contactName == null && contactPhone == null ? null : new Contact(contactName, contactPhone),
                longitude == null || latitude == null ? null : new GeoPoint(longitude, latitude));
        return new Row(number, uscc, entry, cells.problems);
    }

    private static Boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "是" -> true;
            case "false", "0", "no", "n", "否" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    /** The cells of one record, collecting a problem for each that cannot be read. */
    private static final class Cells {
        final int number;
        final CSVRecord record;
        final List<ImportReport.RowProblem> problems = new ArrayList<>();

        Cells(int number, CSVRecord record) {
            this.number = number;
            this.record = record;
        }

        String text(String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            String value = record.get(column);
            return value.isEmpty() ? null : value;
        }

        <T> T parse(String column, Function<String, T> parser) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                problem(column, "cannot be read: '" + value + "'");
                return null;
            }
        }

        void problem(String column, String reason) {
            problems.add(new ImportReport.RowProblem(number, text("uscc"), column, reason));
        }
    }
}
