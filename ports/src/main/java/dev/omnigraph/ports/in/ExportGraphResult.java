package dev.omnigraph.ports.in;

/**
 * @param snapshotId the exported snapshot
 * @param nodes node records written
 * @param edges edge records written
 */
public record ExportGraphResult(String snapshotId, long nodes, long edges) {}
