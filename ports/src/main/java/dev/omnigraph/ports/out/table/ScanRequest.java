package dev.omnigraph.ports.out.table;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What to read: the columns (empty = all, in schema order), a pushed-down filter and an optional row
 * limit. Rows of a filtered or limited scan come in no particular order; a scan with {@link
 * TableFilter#ALL} and no limit returns every row in the version's storage order, the order that row
 * positions ({@link TableStorage#take}) count.
 */
public record ScanRequest(Optional<List<String>> columns, TableFilter filter, OptionalLong limit) {
    public ScanRequest {
        Objects.requireNonNull(columns, "columns");
        columns = columns.map(List::copyOf);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(limit, "limit");
    }

    public static ScanRequest everything() {
        return new ScanRequest(Optional.empty(), TableFilter.ALL, OptionalLong.empty());
    }

    public static ScanRequest where(TableFilter filter) {
        return new ScanRequest(Optional.empty(), filter, OptionalLong.empty());
    }

    public ScanRequest project(List<String> names) {
        return new ScanRequest(Optional.of(names), filter, limit);
    }

    public ScanRequest limitedTo(long rows) {
        return new ScanRequest(columns, filter, OptionalLong.of(rows));
    }
}
