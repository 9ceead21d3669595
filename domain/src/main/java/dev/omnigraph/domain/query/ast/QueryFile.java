package dev.omnigraph.domain.query.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One {@code .gq} file: its query declarations in source order. */
public record QueryFile(List<QueryDecl> queries) {
    public QueryFile {
        queries = List.copyOf(queries);
    }

    /** The first declaration with this name, if any (the reference selects stored queries the same way). */
    public Optional<QueryDecl> find(String name) {
        Objects.requireNonNull(name, "name");
        return queries.stream().filter(q -> q.name().equals(name)).findFirst();
    }
}
