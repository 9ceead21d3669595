package dev.omnigraph.domain.graph.maintenance;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which old versions {@code cleanup} may reclaim (the reference's {@code CleanupPolicyOptions}): those
 * beyond the newest {@code keepVersions} of a table, those older than {@code olderThan}, or — with both —
 * only versions outside <em>both</em> windows. At least one is required: there is no implicit default,
 * because cleanup is irreversible. The newest version is always kept, even for {@code keepVersions = 0}.
 */
public record CleanupPolicy(OptionalLong keepVersions, Optional<Duration> olderThan) {

    public CleanupPolicy {
        Objects.requireNonNull(keepVersions, "keepVersions");
        Objects.requireNonNull(olderThan, "olderThan");
        if (keepVersions.isEmpty() && olderThan.isEmpty()) {
            throw new IllegalArgumentException("cleanup requires at least one of --keep or --older-than");
        }
        if (keepVersions.isPresent() && keepVersions.getAsLong() < 0) {
            throw new IllegalArgumentException("--keep must not be negative, got " + keepVersions.getAsLong());
        }
        if (olderThan.isPresent() && olderThan.get().isNegative()) {
            throw new IllegalArgumentException("--older-than must not be negative, got " + olderThan.get());
        }
    }

    public static CleanupPolicy keep(long versions) {
        return new CleanupPolicy(OptionalLong.of(versions), Optional.empty());
    }

    public static CleanupPolicy olderThan(Duration age) {
        return new CleanupPolicy(OptionalLong.empty(), Optional.of(age));
    }

    /** The policy in words, e.g. {@code keep 10 versions, remove anything older than 7d}. */
    public String describe() {
        String keep = keepVersions.isPresent() ? "keep " + keepVersions.getAsLong() + " versions" : null;
        String age = olderThan.map(d -> "remove anything older than " + formatAge(d)).orElse(null);
        if (keep != null && age != null) {
            return keep + ", " + age;
        }
        return keep != null ? keep : age;
    }

    /**
     * Parses an age as the reference's CLI does: a whole number with an optional unit {@code s} (the
     * default), {@code m}, {@code h}, {@code d} or {@code w} — {@code 7d}, {@code 24h}, {@code 90m}.
     *
     * @throws IllegalArgumentException naming the text for anything else
     */
    public static Duration parseAge(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("duration is empty");
        }
        int unitStart = trimmed.length();
        while (unitStart > 0 && Character.isLetter(trimmed.charAt(unitStart - 1))) {
            unitStart--;
        }
        String number = trimmed.substring(0, unitStart);
        String unit = trimmed.substring(unitStart).toLowerCase(Locale.ROOT);
        long amount;
        try {
            amount = Long.parseLong(number);
        } catch (NumberFormatException malformed) {
            throw new IllegalArgumentException("invalid duration '" + trimmed + "': expected a whole number and a unit");
        }
        if (amount < 0) {
            throw new IllegalArgumentException("invalid duration '" + trimmed + "': it must not be negative");
        }
        long seconds = switch (unit) {
            case "", "s" -> 1;
            case "m" -> 60;
            case "h" -> 3_600;
            case "d" -> 86_400;
            case "w" -> 604_800;
            default -> throw new IllegalArgumentException("unknown duration unit '" + unit + "'. Supported: s, m, h, d, w");
        };
        try {
            return Duration.ofSeconds(Math.multiplyExact(amount, seconds));
        } catch (ArithmeticException tooLong) {
            throw new IllegalArgumentException("invalid duration '" + trimmed + "': too long");
        }
    }

    /** The largest of d, h, m, s that expresses the age exactly ({@code 7d}, {@code 90m}, {@code 45s}). */
    static String formatAge(Duration age) {
        long seconds = age.getSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
