package dev.omnigraph.ports.out.table;

/**
 * The result of one committed write: the table version it produced and how many rows it touched.
 *
 * @param version the new latest version of the written branch
 * @param inserted rows inserted
 * @param updated rows updated in place
 * @param deleted rows deleted
 */
public record WriteOutcome(long version, long inserted, long updated, long deleted) {}
