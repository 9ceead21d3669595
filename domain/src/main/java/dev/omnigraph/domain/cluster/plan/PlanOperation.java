package dev.omnigraph.domain.cluster.plan;

import java.util.Locale;

/** What a change does to a resource: only desired ⇒ create, both with different digests ⇒ update, only applied ⇒ delete. */
public enum PlanOperation {
    CREATE,
    UPDATE,
    DELETE;

    /** JSON spelling: {@code create}, {@code update}, {@code delete}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Human spelling: {@code Create}, {@code Update}, {@code Delete}. */
    public String title() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
