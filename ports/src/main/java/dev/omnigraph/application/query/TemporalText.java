package dev.omnigraph.application.query;

import dev.omnigraph.domain.graph.load.PropertyValues;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Date and date-time text as query literals and parameters accept it. The reference casts such text
 * with Arrow, which takes an ISO-8601 instant with or without offset (no offset means UTC), a space
 * instead of {@code T}, or a bare date (midnight UTC); this class accepts the same family.
 */
final class TemporalText {

    private TemporalText() {
    }

    /** Epoch days of {@code YYYY-MM-DD}, or empty. */
    static Optional<Long> epochDays(String text) {
        try {
            return Optional.of(LocalDate.parse(text.trim()).toEpochDay());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Epoch milliseconds of an ISO-8601 date-time (offset optional, UTC by default) or a date, or empty. */
    static Optional<Long> epochMillis(String text) {
        String trimmed = text.trim();
        try {
            return Optional.of(PropertyValues.parseDateTime(trimmed));
        } catch (PropertyValues.ValueMismatch notWithOffset) {
            // fall through to the offset-free spellings
        }
        String normalised = trimmed.replace(' ', 'T');
        try {
            return Optional.of(PropertyValues.parseDateTime(normalised));
        } catch (PropertyValues.ValueMismatch notWithOffset) {
            // fall through
        }
        try {
            return Optional.of(LocalDateTime.parse(normalised).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException notLocal) {
            // fall through
        }
        return epochDays(trimmed).map(days -> days * 86_400_000L);
    }
}
