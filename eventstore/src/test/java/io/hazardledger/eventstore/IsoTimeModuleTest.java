package io.hazardledger.eventstore;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IsoTimeModuleTest {
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new IsoTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void writesAndReadsInstantsAsIsoInstantDoesAcrossTheYearsAndFractions() throws Exception {
        SplittableRandom random = new SplittableRandom(20261207);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String text = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertEquals(text, IsoTimeModule.formatInstant(instant));
            assertEquals(instant, IsoTimeModule.parseInstant(text), text);
            if (i % 100 == 0) {
                assertEquals('"' + text + '"', mapper.writeValueAsString(instant));
            }
        }
    }

    @Test
    void readsTheOffsetsPostgresqlJsonCarries() {
        Instant midnight = Instant.parse("2026-03-01T00:00:00Z");
        assertEquals(midnight, IsoTimeModule.parseInstant("2026-03-01T08:00:00+08:00"));
        assertEquals(midnight, IsoTimeModule.parseInstant("2026-03-01T08:00:00+0800"));
        assertEquals(midnight, IsoTimeModule.parseInstant("2026-03-01T08:00:00+08"));
        assertEquals(midnight, IsoTimeModule.parseInstant("2026-02-28T18:30:00-05:30"));
        assertEquals(Instant.parse("2026-03-01T08:00:00.123456Z"),
                IsoTimeModule.parseInstant("2026-03-01T08:00:00.123456+00:00"));
        assertEquals(Instant.parse("2026-03-01T08:00:00.100Z"), IsoTimeModule.parseInstant("2026-03-01T08:00:00.1Z"));
    }

    @Test
    void leavesEveryOtherFormToTheGeneralParser() {
        for (String other : new String[] {"2026-02-30T00:00:00Z", "2026-03-01 08:00:00Z", "2026-03-01T24:00:00Z",
                "2026-03-01T08:00:00.Z", "2026-03-01T08:00:00.1234567891Z", "2026-03-01T08:00:00", "2026-03-01T08:00:00z",
                "+12026-03-01T08:00:00Z", "2026-03-01T08:00:00+19:00", "2026-03-01T08:00:00+08:0", "2026-03-01T23:59:60Z"}) {
            assertNull(IsoTimeModule.parseInstant(other), other);
        }
        assertNull(IsoTimeModule.formatInstant(Instant.parse("+10000-01-01T00:00:00Z")));
    }

    @Test
    void readsDatesAndLeavesOthersToTheGeneralParser() {
        assertEquals(LocalDate.of(2024, 2, 29), IsoTimeModule.parseDate("2024-02-29"));
        assertNull(IsoTimeModule.parseDate("2026-02-29"));
        assertNull(IsoTimeModule.parseDate("2026-2-28"));
        assertNull(IsoTimeModule.parseDate("2026-02-28T00:00"));
    }

    @Test
    void aMapperWithTheModuleUsesItAndKeepsJacksonsAnswersForTheRest() throws Exception {
        assertSame(IsoTimeModule.class, mapper.getSerializerProviderInstance().findValueSerializer(Instant.class)
                .getClass().getEnclosingClass());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), mapper.readValue("\"2026-03-01T08:00:00+08:00\"", Instant.class));
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), mapper.readValue("1700000000", Instant.class));
        assertEquals("\"+10000-01-01T00:00:00Z\"", mapper.writeValueAsString(Instant.parse("+10000-01-01T00:00:00Z")));
        assertEquals(LocalDate.of(2026, 2, 28), mapper.readValue("\"2026-02-28T00:00\"", LocalDate.class));
        assertThrows(JsonMappingException.class, () -> mapper.readValue("\"2026-02-30T00:00:00Z\"", Instant.class));
        assertThrows(JsonMappingException.class, () -> mapper.readValue("\"2026-02-30\"", LocalDate.class));
    }
}
