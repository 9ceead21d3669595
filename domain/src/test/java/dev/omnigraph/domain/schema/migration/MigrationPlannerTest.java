package dev.omnigraph.domain.schema.migration;

import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.schema.SchemaCompiler;
import dev.omnigraph.domain.schema.SchemaTestFiles;
import dev.omnigraph.domain.schema.ir.IdentityCodes;
import dev.omnigraph.domain.schema.ir.SchemaIdentityDomain;
import dev.omnigraph.domain.schema.ir.SchemaIdentityException;
import dev.omnigraph.domain.schema.ir.SchemaIdentityResolver;
import dev.omnigraph.domain.schema.ir.SchemaIr;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: a migration plan decides what schema apply does to stored data, and operators
 * read it (and tooling parses its JSON). Each case in {@code migration-cases.txt} is an (accepted,
 * desired) schema pair with the plan JSON the reference planner produced for it, covering its own
 * planner tests (enum widening, renames, soft drops, OG-MF-103/106, embed bindings, provenance)
 * plus endpoint/cardinality/constraint/annotation changes and identity errors. We require the
 * same steps, in the same order, serialised to the same bytes.
 */
class MigrationPlannerTest {

    private static final SchemaIdentityDomain DOMAIN = SchemaIdentityDomain.parse("01ARZ3NDEKTSV4RRFFQ69G5FAV");

    record Case(String name, String oldSource, String newSource, String expected) {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String text = SchemaTestFiles.resource("migration-cases.txt");
        for (String block : text.split("\n=== ")) {
            if (block.startsWith("#")) {
                continue;
            }
            String name = block.substring(0, block.indexOf('\n'));
            String old = between(block, "--- old\n", "\n--- new\n");
            String desired = between(block, "--- new\n", "\n--- expect\n");
            String expected = block.substring(block.indexOf("--- expect\n") + 11).strip();
            cases.add(new Case(name, old, desired, expected));
        }
        return cases;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    static SchemaIr accepted(String source) {
        return SchemaIdentityResolver.initialize(DOMAIN, SchemaCompiler.compile("old.pg", source)).schemaIr();
    }

    @TestFactory
    List<DynamicTest> plansMatchTheReferencePlanner() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                SchemaIr accepted = accepted(c.oldSource());
                if (c.expected().startsWith("ERR ")) {
                    SchemaIdentityException error = assertThrows(SchemaIdentityException.class,
                            () -> MigrationPlanner.plan(accepted, SchemaCompiler.compile("new.pg", c.newSource())));
                    assertEquals(IdentityCodes.RESOLUTION_FAILED, error.code());
                    assertEquals(c.expected().substring(4), error.primary().message());
                    assertTrue(error.primary().hasSpan(), "identity errors point into the desired source");
                } else {
                    MigrationPlan plan = MigrationPlanner.plan(accepted, SchemaCompiler.compile("new.pg", c.newSource()));
                    assertEquals(c.expected(), JsonWriter.compact(plan.toJson()));
                    assertEquals(plan, MigrationPlan.fromJson(plan.toJson()), "plan JSON round trip");
                }
            }));
        }
        assertTrue(tests.size() >= 40, "the case table is complete");
        return tests;
    }

    @Test
    void dropsAreSoftUnlessPromoted() {
        SchemaIr accepted = accepted("node A { k: String n: I32? } node B { k: String }");
        MigrationPlan plan = MigrationPlanner.plan(accepted, SchemaCompiler.compile("new.pg", "node A { k: String }"));
        assertTrue(plan.supported());
        assertEquals(List.of(new MigrationStep.DropProperty(dev.omnigraph.domain.schema.TypeKind.NODE, "A", "n", DropMode.SOFT),
                new MigrationStep.DropType(dev.omnigraph.domain.schema.TypeKind.NODE, "B", DropMode.SOFT)), plan.steps());
        MigrationPlan hard = plan.withHardDrops();
        assertEquals("{\"supported\":true,\"steps\":[{\"kind\":\"drop_property\",\"type_kind\":\"node\",\"type_name\":\"A\","
                + "\"property_name\":\"n\",\"mode\":\"hard\"},{\"kind\":\"drop_type\",\"type_kind\":\"node\",\"name\":\"B\","
                + "\"mode\":\"hard\"}]}", JsonWriter.compact(hard.toJson()));
    }

    @Test
    void unsupportedPlanExplainsItselfWithTheCode() {
        SchemaIr accepted = accepted("node A { k: String }");
        MigrationPlan plan = MigrationPlanner.plan(accepted, SchemaCompiler.compile("new.pg", "node A { k: String n: I32 }"));
        assertFalse(plan.supported());
        assertEquals("[OG-MF-103] adding required property 'A.n' requires a backfill and is not supported in schema "
                + "migration v1", plan.firstUnsupported().orElseThrow().message());
    }

    @Test
    void identityViolationsAreHardErrorsNotSteps() {
        SchemaIr accepted = accepted("node A { k: String }");
        SchemaIr regressed = new SchemaIr(accepted.irVersion(), accepted.schemaIdentityDomain(),
                accepted.nextIdentityId() + 5, accepted.interfaces(), accepted.nodes(), accepted.edges());
        SchemaIdentityException error = assertThrows(SchemaIdentityException.class,
                () -> MigrationPlanner.plan(regressed, accepted));
        assertEquals(IdentityCodes.EVOLUTION_VIOLATION, error.code());

        SchemaIr otherDomain = SchemaIdentityResolver.initialize(SchemaIdentityDomain.parse("01BX5ZZKBKACTAV9WEVGEMMVRZ"),
                SchemaCompiler.compile("x.pg", "node A { k: String }")).schemaIr();
        assertThrows(SchemaIdentityException.class, () -> MigrationPlanner.plan(accepted, otherDomain));
    }

    @Test
    void unclassifiedIrChangeIsUnsupported() {
        SchemaIr accepted = accepted("node N { value: String }");
        SchemaIr bumped = new SchemaIr(accepted.irVersion(), accepted.schemaIdentityDomain(),
                accepted.nextIdentityId() + 1, accepted.interfaces(), accepted.nodes(), accepted.edges());
        MigrationPlan plan = MigrationPlanner.plan(accepted, bumped);
        assertFalse(plan.supported());
        assertEquals(new MigrationStep.UnsupportedChange("schema",
                "schema migration contains an unclassified semantic IR change", null), plan.steps().get(0));
    }

    @Test
    void ourEvolutionExampleIsSupported() {
        SourceFile before = SchemaTestFiles.example("evolution-before");
        SchemaIr accepted = SchemaIdentityResolver.initialize(DOMAIN, SchemaCompiler.compile(before)).schemaIr();
        MigrationPlan plan = MigrationPlanner.plan(accepted, SchemaCompiler.compile(SchemaTestFiles.example("evolution-after")));
        assertTrue(plan.supported(), () -> plan.toString());
        assertTrue(plan.steps().contains(new MigrationStep.RenameType(dev.omnigraph.domain.schema.TypeKind.NODE, "Person", "Human")));
        assertTrue(plan.steps().contains(new MigrationStep.RenameType(dev.omnigraph.domain.schema.TypeKind.EDGE, "WorksAt", "EmployedBy")));
    }
}
