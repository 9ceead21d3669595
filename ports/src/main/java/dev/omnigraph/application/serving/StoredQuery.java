package dev.omnigraph.application.serving;

import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.query.descriptor.StoredQueryDescriptor;
import java.util.Objects;

/**
 * One stored query of a served graph: its declaration and the whole source file it came from (which is
 * what is compiled at invocation, so sibling declarations resolve as they did at apply time).
 *
 * @param sourceName the catalog file name, for messages
 */
public record StoredQuery(QueryDecl declaration, String sourceName, String source) {
    public StoredQuery {
        Objects.requireNonNull(declaration, "declaration");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(source, "source");
    }

    public String name() {
        return declaration.name();
    }

    public boolean isMutation() {
        return declaration.isMutation();
    }

    public StoredQueryDescriptor describe() {
        return StoredQueryDescriptor.of(declaration, java.util.Optional.empty());
    }
}
