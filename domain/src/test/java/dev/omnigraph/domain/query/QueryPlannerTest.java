package dev.omnigraph.domain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.ast.Literal;
import dev.omnigraph.domain.query.plan.FilterOp;
import dev.omnigraph.domain.query.plan.MatchOp;
import dev.omnigraph.domain.query.plan.MutationOp;
import dev.omnigraph.domain.query.plan.MutationPlan;
import dev.omnigraph.domain.query.plan.MutationRejectedException;
import dev.omnigraph.domain.query.plan.MutationRules;
import dev.omnigraph.domain.query.plan.OutputStage;
import dev.omnigraph.domain.query.plan.PlanExpr;
import dev.omnigraph.domain.query.plan.PlanFilter;
import dev.omnigraph.domain.query.plan.QueryPlan;
import dev.omnigraph.domain.query.plan.ReadPlan;
import dev.omnigraph.domain.query.typecheck.Direction;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The plan shape is the executor's contract: which variable each scan binds, which way each expand
 * walks, and which filters ride inside a scan (so indexed and prefiltered search see them) rather
 * than running afterwards.
 */
class QueryPlannerTest {

    private static final QueryCatalog CATALOG = QueryTestSupport.exampleCatalog();

    private static ReadPlan read(String text) {
        QueryPlan plan = QueryCompiler.compile(CATALOG, new SourceFile("q.gq", text), "q");
        return ((QueryPlan.Read) plan).plan();
    }

    private static MutationPlan write(String text) {
        return ((QueryPlan.Write) QueryCompiler.compile(CATALOG, new SourceFile("m.gq", text), "q")).plan();
    }

    private static final PlanExpr NAME = new PlanExpr.Property("p", "name");

    @Test
    void single_variable_filters_are_pushed_into_the_scan() {
        ReadPlan plan = read("""
                query q($n: String, $q: String) {
                    match {
                        $p: Person { name: $n, tags: "x" }
                        $p.age > 3
                        search($p.email, $q)
                    }
                    return { $p.name }
                }
                """);
        assertEquals(1, plan.match().size());
        MatchOp.NodeScan scan = (MatchOp.NodeScan) plan.match().get(0);
        assertEquals("p", scan.variable());
        assertEquals(List.of(FilterOp.EQ, FilterOp.LIST_CONTAINS, FilterOp.GT, FilterOp.EQ),
                scan.filters().stream().map(PlanFilter::op).toList());
        assertEquals(new PlanExpr.Param("n"), scan.filters().get(0).right());
        assertTrue(scan.filters().get(3).isTextSearch());
        assertEquals("p.name", plan.output().columns().get(0).name());
    }

    @Test
    void expands_carry_direction_destination_filters_and_cycle_closing() {
        ReadPlan plan = read("""
                query q($s: String) {
                    match {
                        $c: Company { slug: $s }
                        $p worksAt $c
                        $p.age > 30
                        $p knows $f
                        $f.name != $p.name
                        $f knows $p
                    }
                    return { $f.name }
                }
                """);
        MatchOp.NodeScan scan = (MatchOp.NodeScan) plan.match().get(0);
        assertEquals("c", scan.variable());
        MatchOp.Expand toPerson = (MatchOp.Expand) plan.match().get(1);
        assertEquals("c", toPerson.source());
        assertEquals("p", toPerson.destination());
        assertEquals(Direction.IN, toPerson.direction(), "walked backwards from the Company endpoint");
        assertEquals("Person", toPerson.destinationType());
        assertEquals(List.of(new PlanFilter(new PlanExpr.Property("p", "age"), FilterOp.GT,
                new PlanExpr.Constant(new Literal.IntLit(30)))), toPerson.destinationFilters());
        MatchOp.Expand toFriend = (MatchOp.Expand) plan.match().get(2);
        assertEquals(Direction.OUT, toFriend.direction());
        MatchOp.Expand cycle = (MatchOp.Expand) plan.match().get(3);
        assertEquals("__temp_p", cycle.destination());
        assertEquals(new MatchOp.Filter(new PlanFilter(new PlanExpr.Property("__temp_p", "id"), FilterOp.EQ,
                new PlanExpr.Property("p", "id"))), plan.match().get(4));
        assertEquals(new MatchOp.Filter(new PlanFilter(new PlanExpr.Property("f", "name"), FilterOp.NE, NAME)),
                plan.match().get(5), "a cross-variable filter runs after the expansions");
    }

    @Test
    void negation_becomes_an_anti_join_keyed_by_the_outer_variable() {
        ReadPlan plan = read("""
                query q($n: String) {
                    match {
                        $p: Person
                        not { $p worksAt $c  $c.slug = $n }
                        $p <knows> $f
                    }
                    return { $p.name, count($f) as friends }
                    order { friends desc }
                }
                """);
        MatchOp.AntiJoin anti = (MatchOp.AntiJoin) plan.match().get(plan.match().size() - 1);
        assertEquals("p", anti.outerVariable());
        MatchOp.Expand inner = (MatchOp.Expand) anti.inner().get(0);
        assertEquals(Direction.OUT, inner.direction());
        assertEquals(1, inner.destinationFilters().size(), "the inner filter rides on the inner expand");
        assertEquals(Direction.BOTH, ((MatchOp.Expand) plan.match().get(1)).direction());
        OutputStage.Aggregate aggregate = assertInstanceOf(OutputStage.Aggregate.class, plan.output());
        assertEquals(List.of("p.name"), aggregate.groupKeys().stream().map(c -> c.name()).toList());
        assertEquals(List.of(), plan.order().orElseThrow().tieBreakVariables(), "groups need no tie-break");
    }

    @Test
    void ordering_records_null_placement_and_the_id_tie_break() {
        ReadPlan plan = read("""
                query q() {
                    match { $p: Person  $p $w:knows $f }
                    return { $p.name, $w.weight as w }
                    order { $p.age desc, w }
                    limit 5
                }
                """);
        var order = plan.order().orElseThrow();
        assertEquals(List.of(true, false), order.keys().stream().map(k -> k.descending()).toList());
        assertEquals(List.of(false, true), order.keys().stream().map(k -> k.nullsFirst()).toList());
        assertEquals(new PlanExpr.ColumnRef("w"), order.keys().get(1).expr());
        assertEquals(List.of("f", "p", "w"), order.tieBreakVariables());
        assertEquals(Optional.of("w"), ((MatchOp.Expand) plan.match().get(1)).edgeBinding());
        assertEquals(5, plan.limit().getAsLong());
    }

    @Test
    void string_contains_and_list_contains_are_resolved() {
        ReadPlan plan = read("""
                query q() {
                    match { $p: Person  $p.name contains "a"  $p.tags contains "b" }
                    return { $p.name }
                }
                """);
        MatchOp.NodeScan scan = (MatchOp.NodeScan) plan.match().get(0);
        assertEquals(List.of(FilterOp.STRING_CONTAINS, FilterOp.LIST_CONTAINS),
                scan.filters().stream().map(PlanFilter::op).toList());
    }

    @Test
    void mutations_plan_with_types_and_cascades() {
        MutationPlan hire = write("""
                query q($n: String, $c: String, $d: Date) {
                    insert Person { name: $n, role: "member" }
                    insert WorksAt { from: $n, to: $c, started: $d }
                    update Person set { age: 3 } where name = $n
                }
                """);
        MutationOp.InsertEdge edge = (MutationOp.InsertEdge) hire.operations().get(1);
        assertEquals(new PlanExpr.Param("n"), edge.from());
        assertEquals(List.of("started"), edge.assignments().stream().map(a -> a.property()).toList());
        assertEquals(Optional.empty(), MutationRules.mixedStatements(hire));

        MutationPlan purge = write("query q() { delete Person where role = \"guest\" }");
        assertEquals(List.of("Knows", "WorksAt", "Wrote"),
                ((MutationOp.DeleteNodes) purge.operations().get(0)).cascadeEdgeTypes());
    }

    @Test
    void static_mutation_rules_refuse_mixing_and_key_updates() {
        MutationPlan mixed = write("""
                query q($n: String) {
                    insert Person { name: $n, role: "member" }
                    delete Person where name = "old"
                }
                """);
        MutationRejectedException error = assertThrows(MutationRejectedException.class,
                () -> MutationRules.enforce(mixed, CATALOG));
        assertEquals("Q201", error.code());
        assertTrue(error.primary().message().startsWith(
                "mutation 'q' on the same query mixes inserts/updates and deletes; split into separate mutations"));

        MutationPlan rekey = write("query q($n: String) { update Person set { name: \"x\" } where name = $n }");
        MutationRejectedException key = assertThrows(MutationRejectedException.class,
                () -> MutationRules.enforce(rekey, CATALOG));
        assertEquals("Q202", key.code());
        assertEquals("cannot update @key property 'name' — delete and re-insert instead", key.primary().message());
    }
}
