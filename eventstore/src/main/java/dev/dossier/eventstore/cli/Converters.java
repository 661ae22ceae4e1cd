package dev.dossier.eventstore.cli;

import dev.dossier.domain.model.ExpectedVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converters for the tool's option types; a bad value is a usage error (exit code 2). */
final class Converters {
    private Converters() {
    }

    /** {@code any}, {@code no-stream}, or a version number (0 or more). */
    static final class ExpectedVersions implements ITypeConverter<ExpectedVersion> {
        @Override
        public ExpectedVersion convert(String text) {
            return parseExpectedVersion(text);
        }
    }

    /** An ISO-8601 instant ({@code 2026-01-31T12:00:00Z}), a date-time with offset, or a date (UTC midnight). */
    static final class Instants implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String text) {
            try {
                if (text.length() == 10) {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                }
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + text + "' is not a time; use e.g. 2026-01-31T12:00:00Z or 2026-01-31");
            }
        }
    }

    static ExpectedVersion parseExpectedVersion(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("any")) {
            return ExpectedVersion.any();
        }
        if (value.equals("no-stream")) {
            return ExpectedVersion.noStream();
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return ExpectedVersion.exactly(version);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TypeConversionException("'" + text + "' is not an expected version; use a number (0 or more),"
                + " 'any' or 'no-stream'");
    }
}
