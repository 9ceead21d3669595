package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.LanguageException;
import dev.omnigraph.domain.lang.SourceFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One table per grammar construct: sources that must be accepted (with what they mean) and
 * sources that must be rejected with an exact code at an exact line:column. Codes are a public
 * contract (docs/schema-language.md), so a changed code or position is a breaking change.
 */
class SchemaParserTest {

    static SchemaDocument parse(String text) {
        return SchemaParser.parse(new SourceFile("t.pg", text));
    }

    static ValidatedSchema compile(String text) {
        return SchemaCompiler.compile("t.pg", text);
    }

    /** (construct, source, code, line, column) for sources the parser or validator must reject. */
    static Stream<Arguments> rejected() {
        return Stream.of(
                // declarations
                Arguments.of("declaration", "type A {}", "S002", 1, 1),
                Arguments.of("declaration", "node a {}", "S003", 1, 6),
                Arguments.of("declaration", "node A", "S001", 1, 7),
                Arguments.of("declaration", "node A {", "S001", 1, 9),
                Arguments.of("interface", "interface I { @key(a) }", "S001", 1, 15),
                Arguments.of("implements", "node A implements {}", "S003", 1, 19),
                Arguments.of("implements", "node A implements I, {}", "S003", 1, 22),
                Arguments.of("header constraint", "node A @key(x) {}", "S001", 1, 8),
                // properties and types
                Arguments.of("property", "node A { Name: String }", "S001", 1, 10),
                Arguments.of("property", "node A { name String }", "S001", 1, 15),
                Arguments.of("type", "node A { name: Text }", "S005", 1, 16),
                Arguments.of("type", "node A { name: }", "S005", 1, 16),
                Arguments.of("vector", "node A { v: Vector(0) }", "S007", 1, 20),
                Arguments.of("vector", "node A { v: Vector(2147483648) }", "S006", 1, 20),
                Arguments.of("vector", "node A { v: Vector }", "S001", 1, 20),
                Arguments.of("list", "node A { b: [Blob] }", "S008", 1, 13),
                Arguments.of("list", "node A { b: [Vector(3)] }", "S008", 1, 14),
                Arguments.of("list", "node A { b: [String }", "S001", 1, 21),
                Arguments.of("enum", "node A { e: enum() }", "S009", 1, 18),
                Arguments.of("enum", "node A { e: enum(a, b, a) }", "S009", 1, 24),
                Arguments.of("enum", "node A { e: enum(a.b) }", "S001", 1, 19),
                // annotations
                Arguments.of("annotation", "node A { n: String @Key }", "S004", 1, 21),
                Arguments.of("annotation", "node A { n: String @doc(Foo) }", "S012", 1, 25),
                Arguments.of("annotation", "node A { n: String @doc(\"a\", \"b\") }", "S012", 1, 30),
                Arguments.of("annotation", "node A { n: String @doc(\"a\", k=v) }", "S012", 1, 32),
                Arguments.of("annotation", "node A { n: String @doc(\"a\" }", "S001", 1, 29),
                Arguments.of("body annotation", "node A {\n @description(\"x\") }", "S001", 2, 2),
                // body constraints
                Arguments.of("@key", "node A { n: String @key() }", "S011", 1, 20),
                Arguments.of("@key", "node A { n: String @key(\"n\") }", "S011", 1, 25),
                Arguments.of("@range", "node A { n: I32 @range(n) }", "S011", 1, 25),
                Arguments.of("@range", "node A { n: I32 @range(n, 5) }", "S011", 1, 28),
                Arguments.of("@range", "node A { n: I32 @range(n, ..) }", "S011", 1, 27),
                Arguments.of("@range", "node A { n: I32 @range(n, - 1..) }", "S011", 1, 27),
                Arguments.of("@range", "node A { n: I32 @range(n, 0..1, 2) }", "S011", 1, 31),
                Arguments.of("@check", "node A { n: String @check(n, x) }", "S011", 1, 30),
                // edges
                Arguments.of("edge", "edge E A -> B", "S001", 1, 8),
                Arguments.of("edge", "edge E: A - B", "S001", 1, 11),
                Arguments.of("@card", "edge E: A -> B @card(2..1)", "S010", 1, 16),
                Arguments.of("@card", "edge E: A -> B @card(..1)", "S001", 1, 22),
                Arguments.of("@card", "edge E: A -> B @card(4294967296..)", "S006", 1, 22),
                Arguments.of("@card", "edge E: A -> B @description(\"x\") @card(0..1)", "S001", 1, 41),
                // lexical
                Arguments.of("string", "node A { n: String @doc(\"abc) }", "L002", 1, 25),
                Arguments.of("string", "node A { n: String @doc(\"a\\q\") }", "L003", 1, 27),
                Arguments.of("comment", "node A {} /* open", "L004", 1, 11),
                Arguments.of("character", "node A { n: String # }", "L001", 1, 20),
                // validation
                Arguments.of("duplicate type", "node A {}\nnode A {}", "S101", 2, 6),
                Arguments.of("duplicate type", "interface I {}\ninterface I {}", "S101", 2, 11),
                Arguments.of("edge case collision", "node A {}\nedge Knows: A -> A\nedge KNOWS: A -> A", "S102", 3, 6),
                Arguments.of("duplicate property", "node A { n: String n: I32 }", "S103", 1, 20),
                Arguments.of("reserved property", "node A { _rowid: String }", "S104", 1, 10),
                Arguments.of("unknown interface", "node A implements Missing {}", "S105", 1, 19),
                Arguments.of("interface type", "interface I { n: String }\nnode A implements I { n: I32 }", "S106", 2, 26),
                Arguments.of("interface semantics", "interface I { n: String @index }\ninterface J { n: String }\nnode A implements I, J {}", "S107", 3, 19),
                Arguments.of("endpoint", "node A {}\nedge E: A -> Missing", "S108", 2, 14),
                Arguments.of("endpoint", "interface I {}\nnode A {}\nedge E: I -> A", "S108", 3, 9),
                Arguments.of("type annotation", "node A @key {}", "S109", 1, 8),
                Arguments.of("type annotation", "node A {}\nedge E: A -> A @unique", "S109", 2, 16),
                Arguments.of("property annotation", "node A { n: String @instruction(\"x\") }", "S110", 1, 20),
                Arguments.of("property annotation", "node A {}\nedge E: A -> A { n: String @key }", "S110", 2, 28),
                Arguments.of("list property", "node A { n: [String] @index }", "S111", 1, 22),
                Arguments.of("vector property", "node A { v: Vector(3) @unique }", "S111", 1, 23),
                Arguments.of("blob property", "node A { b: Blob @index }", "S111", 1, 18),
                Arguments.of("blob body unique", "node A { b: Blob\n @unique(b) }", "S111", 2, 10),
                Arguments.of("annotation value", "node A { n: String @index(\"x\") }", "S011", 1, 27),
                Arguments.of("annotation value", "node A @instruction {}", "S112", 1, 8),
                Arguments.of("description", "node A @description(\"  \") {}", "S112", 1, 8),
                Arguments.of("rename_from", "node A @rename_from {}", "S112", 1, 8),
                Arguments.of("rename_from", "node A @rename_from(\"B\", typo=\"x\") {}", "S112", 1, 8),
                Arguments.of("duplicate annotation", "node A @description(\"a\") @description(\"b\") {}", "S113", 1, 26),
                Arguments.of("duplicate annotation", "node A { n: String @key @key }", "S113", 1, 25),
                Arguments.of("embed", "node A { t: String n: String @embed(t) }", "S114", 1, 30),
                Arguments.of("embed", "node A { t: I32 v: Vector(3) @embed(t) }", "S114", 1, 30),
                Arguments.of("embed", "node A { v: Vector(3) @embed(missing) }", "S115", 1, 23),
                Arguments.of("embed", "node A { t: String v: Vector(3) @embed(t, dims=\"3\") }", "S112", 1, 33),
                Arguments.of("unknown constraint property", "node A { n: String\n @index(n, m) }", "S115", 2, 12),
                Arguments.of("edge constraint", "node A {}\nedge E: A -> A { w: I32 @range(w, 0..) }", "S116", 2, 25),
                Arguments.of("edge constraint", "node A {}\nedge E: A -> A { @key(src) }", "S116", 2, 18),
                Arguments.of("multiple keys", "node A { a: String @key b: String\n @key(b) }", "S117", 2, 2),
                Arguments.of("nullable key", "node A { a: String?\n @key(a) }", "S118", 2, 7),
                Arguments.of("range type", "node A { a: String\n @range(a, 0..1) }", "S119", 2, 9),
                Arguments.of("check type", "node A { a: I32\n @check(a, \"x\") }", "S119", 2, 9));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rejected")
    void rejectsWithExactCodeAndPosition(String construct, String source, String code, int line, int column) {
        LanguageException error = assertThrows(LanguageException.class, () -> compile(source));
        assertEquals(code, error.code(), () -> error.getMessage());
        assertEquals(line, error.primary().span().line(), () -> error.getMessage());
        assertEquals(column, error.primary().span().column(), () -> error.getMessage());
    }

    @Test
    void interfacesInjectPropertiesAndTheirConstraints() {
        ValidatedSchema schema = compile("""
                interface Named { name: String @key @description("n") }
                node Person implements Named { age: I32? }
                node Pet implements Named { name: String }
                """);
        EffectiveNode person = schema.node("Person").orElseThrow();
        assertEquals(List.of("age", "name"), person.properties().stream().map(PropertyDeclaration::nameText).toList());
        assertTrue(person.constraints().stream().anyMatch(c -> c instanceof Constraint.Key));
        assertEquals(false, person.origins().get("name").declaredDirectly());
        EffectiveNode pet = schema.node("Pet").orElseThrow();
        assertEquals(true, pet.origins().get("name").declaredDirectly());
        assertEquals(List.of(new ShapePropertyRef("Named", "name")), pet.origins().get("name").interfaceProperties());
    }

    @Test
    void nodeHeaderAcceptsAnnotationsOnEitherSideOfImplements() {
        NodeDeclaration node = parse("interface I {}\nnode A @a implements I @b(\"x\") {}").nodes().get(0);
        assertEquals(List.of("a", "b"), node.annotations().stream().map(Annotation::name).toList());
        assertEquals("I", node.implementedInterfaces().get(0).text());
    }

    @Test
    void everyScalarTypeParses() {
        String source = "node A { a: String b: Blob c: Bool d: I32 e: I64 f: U32 g: U64 h: F32 i: F64 j: DateTime "
                + "k: Date l: Vector(768) m: [I64]? n: enum(z, y-1, 2x)? }";
        List<PropertyType> types = parse(source).nodes().get(0).properties().stream().map(PropertyDeclaration::type).toList();
        assertEquals(List.of("String", "Blob", "Bool", "I32", "I64", "U32", "U64", "F32", "F64", "DateTime", "Date",
                "Vector(768)", "[I64]?", "enum(2x, y-1, z)?"), types.stream().map(PropertyType::displayName).toList());
    }

    @Test
    void edgeBodyAndCardinalityAreOptional() {
        SchemaDocument document = parse("node A {}\nedge E: A -> A\nedge F: A -> A @card(1..) { w: F64 }\n"
                + "edge G: A -> A @card(0..1) @description(\"g\") {}");
        List<EdgeDeclaration> edges = document.edges();
        assertEquals(Cardinality.DEFAULT, edges.get(0).cardinality());
        assertEquals(new Cardinality(1, null), edges.get(1).cardinality());
        assertEquals(new Cardinality(0, 1L), edges.get(2).cardinality());
        assertEquals("g", edges.get(2).annotations().get(0).value());
    }

    @Test
    void annotationArgumentsDecodeLikeTheReference() {
        PropertyDeclaration property = parse("node A { t: String v: Vector(2) @embed(t, model=\"m\\\"1\") "
                + "@x(1.5) @y(true) @z(\"a\\n\\tb\") @w }").nodes().get(0).properties().get(1);
        List<Annotation> annotations = property.annotations();
        assertEquals("t", annotations.get(0).value());
        assertEquals("m\"1", annotations.get(0).kwargs().get("model"));
        assertEquals("1.5", annotations.get(1).value());
        assertEquals("true", annotations.get(2).value());
        assertEquals("a\n\tb", annotations.get(3).value());
        assertNull(annotations.get(4).value());
    }

    @Test
    void rangeBoundsKeepTheirKindAndSign() {
        List<Constraint> constraints = parse("node A { a: F64 b: I64 c: I32\n @range(a, -1.5..2.25)\n "
                + "@range(b, -9223372036854775808..99999999999999999999)\n @range(c, ..7) }").nodes().get(0).constraints();
        Constraint.Range first = assertInstanceOf(Constraint.Range.class, constraints.get(0));
        assertEquals(new RangeBound.FloatBound(-1.5), first.min());
        Constraint.Range second = assertInstanceOf(Constraint.Range.class, constraints.get(1));
        assertEquals(new RangeBound.IntegerBound(Long.MIN_VALUE), second.min());
        assertEquals(new RangeBound.FloatBound(1e20), second.max());
        Constraint.Range third = assertInstanceOf(Constraint.Range.class, constraints.get(2));
        assertNull(third.min());
        assertEquals(new RangeBound.IntegerBound(7), third.max());
    }

    @Test
    void openLowerRangeFollowsTheReferenceInTheShape() {
        // The reference records the first bound written as the minimum; shapes and IR follow it.
        ConstraintShape range = compile("node A { c: I32\n @range(c, ..7) }").shape().nodes().get(0).constraints().get(0);
        assertEquals(new ConstraintShape.Range("c", new RangeBound.IntegerBound(7), null), range);
    }

    @Test
    void propertyLevelConstraintsAndBodyConstraintsMeetInTheShape() {
        SchemaShape shape = compile("node A { t: String @key u: String @unique v: String @index\n"
                + " @unique(v, u) @index(u, v) @check(t, \"^x\") }").shape();
        assertEquals(List.of(new ConstraintShape.Check("t", "^x"), new ConstraintShape.Index(List.of("u", "v")),
                        new ConstraintShape.Index(List.of("v")), new ConstraintShape.Key(List.of("t")),
                        new ConstraintShape.Unique(List.of("u")), new ConstraintShape.Unique(List.of("u", "v"))),
                shape.nodes().get(0).constraints());
    }

    @Test
    void unknownAnnotationsAreKeptAsMetadata() {
        SchemaShape shape = compile("node A @owner(\"team-x\") { n: String @pii }").shape();
        assertEquals(List.of(Annotation.of("owner", "team-x")), shape.nodes().get(0).annotations());
        assertEquals(List.of(Annotation.of("pii", null)), shape.nodes().get(0).properties().get(0).annotations());
    }

    @Test
    void validationReportsEveryViolationInSourceOrder() {
        LanguageException error = assertThrows(LanguageException.class,
                () -> compile("node A { n: String n: I32 }\nnode A implements Missing {}\nedge E: A -> B"));
        assertEquals(List.of("S103", "S101", "S105", "S108"),
                error.diagnostics().stream().map(d -> d.code()).toList());
    }

    @Test
    void renderedErrorShowsLocationAndCaret() {
        LanguageException error = assertThrows(LanguageException.class,
                () -> compile("node A {\n    age: Integer\n}\n"));
        assertEquals("t.pg:2:10: error[S005]: unknown type 'Integer'; expected String, Blob, Bool, I32, I64, U32, "
                + "U64, F32, F64, DateTime, Date, Vector(n), [T] or enum(...)\n"
                + " 2 |     age: Integer\n"
                + "   |          ^^^^^^^", error.getMessage());
    }

    @Test
    void everyCodeIsDocumented() {
        String docs = SchemaTestFiles.docs();
        for (String code : SchemaCodes.catalogue().keySet()) {
            assertTrue(docs.contains("`" + code + "`"), "docs/schema-language.md documents " + code);
        }
    }
}
