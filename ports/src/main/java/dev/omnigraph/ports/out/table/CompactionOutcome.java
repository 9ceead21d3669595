package dev.omnigraph.ports.out.table;

/**
 * The result of one compaction.
 *
 * @param version the branch's latest version afterwards
 * @param committed whether the compaction committed new versions (false when there was nothing to rewrite)
 * @param filesRemoved how many data files (fragments) were rewritten away
 * @param filesAdded how many data files replaced them
 */
public record CompactionOutcome(long version, boolean committed, long filesRemoved, long filesAdded) {
    public CompactionOutcome {
        if (filesRemoved < 0 || filesAdded < 0) {
            throw new IllegalArgumentException("file counts cannot be negative");
        }
        if (!committed && (filesRemoved != 0 || filesAdded != 0)) {
            throw new IllegalArgumentException("a compaction that committed nothing rewrote no files");
        }
    }
}
