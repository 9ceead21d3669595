package dev.omnigraph.domain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.query.parse.ParsedQueries;
import dev.omnigraph.domain.query.parse.QueryParser;
import dev.omnigraph.domain.query.parse.QueryPrinter;
import dev.omnigraph.domain.query.plan.QueryPlan;
import dev.omnigraph.domain.query.plan.QueryPlanner;
import dev.omnigraph.domain.query.typecheck.CheckedQuery;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.QueryTypeChecker;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our own example schema and query file cover every construct of the language, so the default suite
 * exercises parse → typecheck → plan → print end to end even where the reference fixtures are absent.
 */
class ExampleQueriesTest {

    private final QueryCatalog catalog = QueryTestSupport.exampleCatalog();
    private final ParsedQueries parsed =
            QueryParser.parse(new SourceFile("example.gq", QueryTestSupport.resource("example.gq")));

    @Test
    void every_example_query_typechecks_and_plans() {
        List<String> failures = new ArrayList<>();
        for (QueryDecl query : parsed.file().queries()) {
            try {
                CheckedQuery checked = QueryTypeChecker.check(catalog, parsed, query);
                QueryPlan plan = QueryPlanner.plan(catalog, checked);
                assertEquals(query.name(), plan.name());
                assertEquals(query.isMutation(), plan instanceof QueryPlan.Write);
            } catch (RuntimeException e) {
                failures.add(query.name() + ": " + e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
        assertEquals(14, parsed.file().queries().size());
    }

    @Test
    void printing_and_reparsing_the_examples_gives_an_equal_tree() {
        String printed = QueryPrinter.print(parsed.file());
        ParsedQueries reparsed = QueryParser.parse(new SourceFile("printed.gq", printed));
        assertEquals(parsed.file(), reparsed.file());
        assertEquals(printed, QueryPrinter.print(reparsed.file()), "printing is a fixed point");
    }

    @Test
    void annotations_are_kept() {
        QueryDecl person = parsed.query("person").orElseThrow();
        assertEquals("one person by name", person.description().orElseThrow());
        assertEquals("pass the exact name", person.instruction().orElseThrow());
        assertFalse(person.isMutation());
        assertInstanceOf(CheckedQuery.Mutation.class,
                QueryTypeChecker.check(catalog, parsed, parsed.query("hire").orElseThrow()));
    }
}
