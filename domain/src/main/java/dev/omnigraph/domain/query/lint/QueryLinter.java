package dev.omnigraph.domain.query.lint;

import dev.omnigraph.domain.lang.LanguageException;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.QueryCodes;
import dev.omnigraph.domain.query.ast.Assignment;
import dev.omnigraph.domain.query.ast.Mutation;
import dev.omnigraph.domain.query.ast.QueryBody;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.query.descriptor.OperationDescriptor;
import dev.omnigraph.domain.query.descriptor.QueryOperations;
import dev.omnigraph.domain.query.descriptor.StoredQueryDescriptor;
import dev.omnigraph.domain.query.parse.ParsedQueries;
import dev.omnigraph.domain.query.parse.QueryParser;
import dev.omnigraph.domain.query.typecheck.CheckedQuery;
import dev.omnigraph.domain.query.typecheck.NodeTypeInfo;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.QueryTypeChecker;
import dev.omnigraph.domain.query.typecheck.ValueType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lints one {@code .gq} file against a schema, as {@code omnigraph lint} does in the reference
 * ({@code query/lint.rs}).
 *
 * <ul>
 *   <li>If the file does not parse, the report has no results and one {@code Q000} error finding whose
 *       message is {@code parse error: } followed by the rendered diagnostic.
 *   <li>Otherwise every query gets a result; a query that fails typechecking reports
 *       {@code type error: <code>: <message>}.
 *   <li>A mutation without parameters warns "mutation declares no params; hardcoded mutations are easy to miss".
 *   <li>{@code L201}: for each node type that some valid update query targets, every nullable property
 *       that is not a key, not an {@code @embed} target and assigned by none of those updates.
 * </ul>
 */
public final class QueryLinter {

    /** The per-query warning for a mutation without parameters (uncoded in the reference). */
    public static final String HARDCODED_MUTATION_WARNING =
            "mutation declares no params; hardcoded mutations are easy to miss";

    private QueryLinter() {
    }

    public static LintReport lint(QueryCatalog catalog, SourceFile queries, SchemaSource schemaSource) {
        ParsedQueries parsed;
        try {
            parsed = QueryParser.parse(queries);
        } catch (LanguageException syntax) {
            LintFinding finding = new LintFinding(LintSeverity.ERROR, QueryCodes.LINT_PARSE_ERROR,
                    "parse error: " + syntax.primary().render(queries), Optional.empty(), Optional.empty(), List.of());
            return new LintReport(schemaSource, queries.name(), 0, List.of(), List.of(finding));
        }

        List<LintQueryResult> results = new ArrayList<>();
        Map<String, UpdateCoverage> coverage = new TreeMap<>();
        for (QueryDecl query : parsed.file().queries()) {
            StoredQueryDescriptor.Kind kind = query.isMutation()
                    ? StoredQueryDescriptor.Kind.MUTATION : StoredQueryDescriptor.Kind.READ;
            List<String> warnings = query.isMutation() && query.params().isEmpty()
                    ? List.of(HARDCODED_MUTATION_WARNING) : List.of();
            try {
                CheckedQuery checked = QueryTypeChecker.check(catalog, parsed, query);
                OperationDescriptor operation = QueryOperations.describe(catalog, checked);
                recordUpdates(query, coverage);
                results.add(new LintQueryResult(query.name(), kind, true, warnings, Optional.empty(),
                        Optional.of(operation)));
            } catch (LanguageException typeError) {
                String message = "type error: " + typeError.code() + ": " + typeError.primary().message();
                results.add(new LintQueryResult(query.name(), kind, false, warnings, Optional.of(message),
                        Optional.empty()));
            }
        }
        List<LintFinding> findings = unsetProperties(catalog, coverage);
        findings.sort(LintFinding.ORDER);
        return new LintReport(schemaSource, queries.name(), parsed.file().queries().size(), results, findings);
    }

    /** Which queries update a node type and which properties they assign. */
    private static final class UpdateCoverage {
        final TreeSet<String> queryNames = new TreeSet<>();
        final TreeSet<String> assigned = new TreeSet<>();
    }

    private static void recordUpdates(QueryDecl query, Map<String, UpdateCoverage> coverage) {
        if (!(query.body() instanceof QueryBody.MutationBody mutations)) {
            return;
        }
        for (Mutation statement : mutations.statements()) {
            if (statement instanceof Mutation.Update update) {
                UpdateCoverage entry = coverage.computeIfAbsent(update.typeName(), k -> new UpdateCoverage());
                entry.queryNames.add(query.name());
                for (Assignment assignment : update.assignments()) {
                    entry.assigned.add(assignment.property());
                }
            }
        }
    }

    private static List<LintFinding> unsetProperties(QueryCatalog catalog, Map<String, UpdateCoverage> coverage) {
        List<LintFinding> findings = new ArrayList<>();
        for (NodeTypeInfo node : catalog.nodeTypes()) {
            UpdateCoverage entry = coverage.get(node.name());
            if (entry == null || entry.queryNames.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, ValueType> property : new TreeMap<>(node.properties()).entrySet()) {
                String name = property.getKey();
                if (!property.getValue().nullable() || node.keyProperties().contains(name)
                        || node.embedSources().containsKey(name) || entry.assigned.contains(name)) {
                    continue;
                }
                findings.add(new LintFinding(LintSeverity.WARNING, QueryCodes.LINT_UNSET_PROPERTY,
                        node.name() + "." + name + " exists in schema but no update query sets it",
                        Optional.of(node.name()), Optional.of(name), List.copyOf(entry.queryNames)));
            }
        }
        return findings;
    }
}
