package dev.omnigraph.ports.in;

/** Parses, typechecks and lints a {@code .gq} file against a schema file or a graph's accepted schema. */
public interface LintQueriesUseCase {
    LintQueriesResult lintQueries(LintQueriesCommand command);
}
