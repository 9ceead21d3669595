package dev.omnigraph.domain.query;

import dev.omnigraph.domain.lang.Diagnostic;
import dev.omnigraph.domain.lang.LanguageException;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.query.parse.ParsedQueries;
import dev.omnigraph.domain.query.parse.QueryParser;
import dev.omnigraph.domain.query.plan.QueryPlan;
import dev.omnigraph.domain.query.plan.QueryPlanner;
import dev.omnigraph.domain.query.typecheck.CheckedQuery;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.QueryTypeChecker;

/**
 * The one-call path from {@code .gq} text to a plan: parse, select the named declaration, typecheck
 * against the catalog, plan. Every failure is a {@link LanguageException} with a stable code.
 */
public final class QueryCompiler {

    private QueryCompiler() {
    }

    /** Parses a whole file. */
    public static ParsedQueries parse(SourceFile source) {
        return QueryParser.parse(source);
    }

    /** Selects {@code name} from a parsed file ({@code Q105} when absent). */
    public static QueryDecl select(ParsedQueries parsed, String name) {
        return parsed.query(name).orElseThrow(() -> new LanguageException(Diagnostic.error(QueryCodes.UNKNOWN_QUERY,
                "no `query " + name + "` declaration found", parsed.source().point(0)), parsed.source()));
    }

    /** Parses, selects and typechecks one query. */
    public static CheckedQuery check(QueryCatalog catalog, SourceFile source, String name) {
        ParsedQueries parsed = parse(source);
        return QueryTypeChecker.check(catalog, parsed, select(parsed, name));
    }

    /** Parses, selects, typechecks and plans one query. */
    public static QueryPlan compile(QueryCatalog catalog, SourceFile source, String name) {
        return QueryPlanner.plan(catalog, check(catalog, source, name));
    }
}
