package dev.omnigraph.ports.out.table;

import java.time.Instant;

/**
 * One version of a table on one branch.
 *
 * @param version the version number
 * @param committedAt when it was committed
 * @param rowCount rows visible at that version
 */
public record TableVersionInfo(long version, Instant committedAt, long rowCount) {}
