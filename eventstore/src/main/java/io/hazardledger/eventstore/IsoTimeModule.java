package io.hazardledger.eventstore;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * Instants and dates in the ISO-8601 forms this system writes and PostgreSQL's JSON gives back, read and written
 * without {@link DateTimeFormatter}: its general parser took a tenth of the CPU of a projection's replay, where
 * every envelope, payload and row carries a few. Registered after Jackson's {@code JavaTimeModule}; what is not in
 * these forms (another year range, a numeric timestamp) goes to Jackson's own, with its errors. The text written is
 * exactly {@link DateTimeFormatter#ISO_INSTANT}'s: stored events keep their bytes.
 */
public final class IsoTimeModule extends SimpleModule {

    public IsoTimeModule() {
        super("IsoTimeModule");
        addDeserializer(Instant.class, new FastReader<>(Instant.class, IsoTimeModule::parseInstant,
                InstantDeserializer.INSTANT));
        addSerializer(Instant.class, new InstantWriter());
        addDeserializer(LocalDate.class, new FastReader<>(LocalDate.class, IsoTimeModule::parseDate,
                LocalDateDeserializer.INSTANCE));
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1–9 digits, then {@code Z}, {@code ±HH}, {@code ±HHmm}
     * or {@code ±HH:mm}; null for anything else, or for a field out of range (the general parser then says why).
     */
    static Instant parseInstant(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i++) - '0');
            }
            if (i == start || (i < n && isDigit(s.charAt(i)))) {
                return null;
            }
            for (int scale = i - start; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        int offset = offsetSeconds(s, i);
        if (offset == Integer.MIN_VALUE) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException outOfRange) {
            return null;
        }
        long seconds = date.toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second - offset;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** {@code yyyy-MM-dd}; null for anything else. */
    static LocalDate parseDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The offset at {@code i} to the end, in seconds; {@link Integer#MIN_VALUE} when there is none. */
    private static int offsetSeconds(String s, int i) {
        int n = s.length();
        if (i == n - 1 && s.charAt(i) == 'Z') {
            return 0;
        }
        if (i >= n || (s.charAt(i) != '+' && s.charAt(i) != '-')) {
            return Integer.MIN_VALUE;
        }
        int sign = s.charAt(i) == '-' ? -1 : 1;
        int hours;
        int minutes = 0;
        switch (n - i) {
            case 3 -> hours = digits(s, i + 1, 2);
            case 5 -> {
                hours = digits(s, i + 1, 2);
                minutes = digits(s, i + 3, 2);
            }
            case 6 -> {
                hours = s.charAt(i + 3) == ':' ? digits(s, i + 1, 2) : -1;
                minutes = digits(s, i + 4, 2);
            }
            default -> {
                return Integer.MIN_VALUE;
            }
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        return sign * (hours * 3_600 + minutes * 60);
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** As {@link DateTimeFormatter#ISO_INSTANT} writes it, for the years 0000–9999; null outside them. */
    static String formatInstant(Instant instant) {
        char[] text = new char[INSTANT_CHARS];
        int length = formatInstant(instant, text);
        return length < 0 ? null : new String(text, 0, length);
    }

    /** The longest instant written: {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}. */
    private static final int INSTANT_CHARS = 30;

    /**
     * Writes the instant into {@code text} (at least {@link #INSTANT_CHARS} long) as {@link #formatInstant(Instant)}
     * does, digit by digit: no string per field, as a replay writes a few instants per row. Its length, or -1
     * outside the years 0000–9999.
     */
    static int formatInstant(Instant instant, char[] text) {
        long seconds = instant.getEpochSecond();
        if (seconds < -62_167_219_200L || seconds > 253_402_300_799L) {
            return -1;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3_600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        int at = 19;
        int nanos = instant.getNano();
        if (nanos > 0) {
            text[at++] = '.';
            if (nanos % 1_000_000 == 0) {
                at = put(text, at, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                at = put(text, at, nanos / 1_000, 6);
            } else {
                at = put(text, at, nanos, 9);
            }
        }
        text[at++] = 'Z';
        return at;
    }

    /** Writes value as width digits, zero-padded, at from; the index after them. */
    private static int put(char[] text, int from, int value, int width) {
        for (int i = from + width - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return from + width;
    }

    /** Text in the fast form read at once; anything else by Jackson's own deserializer. */
    private static final class FastReader<T> extends StdScalarDeserializer<T> {
        private final Function<String, T> fast;
        private final JsonDeserializer<T> general;

        FastReader(Class<T> type, Function<String, T> fast, JsonDeserializer<T> general) {
            super(type);
            this.fast = fast;
            this.general = general;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                T value = fast.apply(p.getText().trim());
                if (value != null) {
                    return value;
                }
            }
            return general.deserialize(p, ctxt);
        }
    }

    private static final class InstantWriter extends StdScalarSerializer<Instant> {
        InstantWriter() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            char[] text = new char[INSTANT_CHARS];
            int length = formatInstant(value, text);
            if (length < 0) {
                gen.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
            } else {
                gen.writeString(text, 0, length);
            }
        }
    }
}
