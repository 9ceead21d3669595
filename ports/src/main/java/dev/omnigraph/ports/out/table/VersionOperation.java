package dev.omnigraph.ports.out.table;

import java.util.Objects;

/**
 * The operation that committed one version of a table, as the backend recorded it.
 *
 * @param version the version it committed
 * @param name the backend's name for the operation (for Lance: {@code Append}, {@code Delete},
 *     {@code Update}, {@code Merge}, {@code Overwrite}, {@code Restore}, {@code Rewrite},
 *     {@code ReserveFragments}, …), for operators to read
 * @param preservesContent whether the operation only reorganised storage and cannot have changed any row
 *     of any version (compaction's rewrite, a fragment-id reservation); everything else, including
 *     operations the adapter does not know, is {@code false}
 */
public record VersionOperation(long version, String name, boolean preservesContent) {
    public VersionOperation {
        Objects.requireNonNull(name, "name");
    }
}
