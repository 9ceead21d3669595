package dev.omnigraph.ports.in;

import java.util.List;
import java.util.Optional;

/** The reference's {@code QueriesCatalogOutput}: a graph's stored queries, by name. */
public record StoredQueryCatalogResult(List<StoredQuery> queries) {
    public StoredQueryCatalogResult {
        queries = List.copyOf(queries);
    }

    /**
     * @param toolName the name agents call it by (MCP tool name)
     * @param mutation whether invoking it writes
     */
    public record StoredQuery(String name, String toolName, Optional<String> description, Optional<String> instruction,
                              boolean mutation, List<Param> params) {
        public StoredQuery {
            params = List.copyOf(params);
        }
    }

    /**
     * @param kind the parameter's type kind ({@code string}, {@code i64}, {@code list}, {@code vector}, …)
     * @param itemKind the element kind of a list
     * @param vectorDim the dimension of a vector
     */
    public record Param(String name, String kind, Optional<String> itemKind, Optional<Integer> vectorDim,
                        boolean nullable) {}
}
