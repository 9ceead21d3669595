package dev.omnigraph.ports.out.table;

/**
 * The result of reclaiming old versions of a table.
 *
 * @param versionsRemoved how many versions became unreadable
 * @param bytesRemoved how many bytes of files only those versions referenced were deleted
 */
public record CleanupOutcome(long versionsRemoved, long bytesRemoved) {
    public CleanupOutcome {
        if (versionsRemoved < 0 || bytesRemoved < 0) {
            throw new IllegalArgumentException("cleanup counts cannot be negative");
        }
    }
}
