package dev.omnigraph.domain.graph.maintenance;

/**
 * How a table's storage head relates to the version the graph manifest publishes for it. Writers
 * publish every table version they commit (or leave a recovery sidecar that explains it), so outside a
 * pending recovery the two are equal; a head ahead of the manifest is <em>uncovered drift</em> (an
 * interrupted maintenance run, or a write from outside the engine) that only {@code repair} may adopt;
 * a head behind it contradicts the commit protocol.
 */
public sealed interface HeadDrift {

    /** The published version. */
    long published();

    /** The storage head. */
    long head();

    /** Head and manifest agree. */
    record InSync(long published, long head) implements HeadDrift {
    }

    /** The head moved past the published version without a publish. */
    record Ahead(long published, long head) implements HeadDrift {
    }

    /** The head is older than the published version: storage lost a version the manifest names. */
    record Behind(long published, long head) implements HeadDrift {
    }

    static HeadDrift of(long published, long head) {
        if (head == published) {
            return new InSync(published, head);
        }
        return head > published ? new Ahead(published, head) : new Behind(published, head);
    }

    /** The message of a table whose head is behind its published version (an invariant violation). */
    static String behindMessage(String tableKey, Behind behind) {
        return tableKey + " is at storage head version " + behind.head() + ", behind published version "
                + behind.published();
    }
}
