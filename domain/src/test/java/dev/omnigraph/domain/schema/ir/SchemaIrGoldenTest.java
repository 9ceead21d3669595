package dev.omnigraph.domain.schema.ir;

import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.schema.SchemaCompiler;
import dev.omnigraph.domain.schema.SchemaTestFiles;
import dev.omnigraph.domain.schema.ValidatedSchema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Why this exists: {@code __schema_state.json} binds {@code _schema.pg} to {@code _schema.ir.json}
 * by the reference's digests, so a graph written by the reference only opens here (and vice versa)
 * if our shape JSON, IR JSON, id allocation and both hashes are byte-identical to the reference's.
 * The golden files under {@code src/test/resources/golden} were produced by running the reference's
 * own compiler (schema parser, shape compiler, identity resolver; domain 01ARZ3NDEKTSV4RRFFQ69G5FAV)
 * on the same sources. Fixture goldens are checked only when the fixture folder is present.
 */
class SchemaIrGoldenTest {

    static final SchemaIdentityDomain DOMAIN = SchemaIdentityDomain.parse("01ARZ3NDEKTSV4RRFFQ69G5FAV");

    @TestFactory
    List<DynamicTest> examplesMatchTheReferenceByteForByte() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : SchemaTestFiles.EXAMPLES) {
            tests.add(DynamicTest.dynamicTest(name, () -> assertMatchesGolden(SchemaTestFiles.example(name), name)));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> fixturesMatchTheReferenceByteForByte() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path fixture : SchemaTestFiles.fixtureSchemas()) {
            String golden = SchemaTestFiles.goldenName(fixture);
            tests.add(DynamicTest.dynamicTest(golden, () -> assertMatchesGolden(SchemaTestFiles.read(fixture), golden)));
        }
        return tests;
    }

    static Map<String, String> golden(String name) {
        Map<String, String> values = new HashMap<>();
        for (String line : SchemaTestFiles.resource("golden/" + name + ".golden").split("\n")) {
            int space = line.indexOf(' ');
            values.put(line.substring(0, space), line.substring(space + 1));
        }
        return values;
    }

    private static void assertMatchesGolden(SourceFile source, String goldenName) {
        Map<String, String> expected = golden(goldenName);
        ValidatedSchema schema = SchemaCompiler.compile(source);
        assertEquals(expected.get("shape_json"), JsonWriter.compact(schema.shape().toJson()), "shape JSON");
        assertEquals(expected.get("shape_hash"), schema.shape().hash(), "schema_shape_hash");
        SchemaIr ir = SchemaIdentityResolver.initialize(DOMAIN, schema).schemaIr();
        assertEquals(expected.get("ir_json"), JsonWriter.compact(ir.toJson()), "IR JSON");
        assertEquals(expected.get("ir_hash"), ir.hash(), "schema_ir_hash");
        assertEquals(expected.get("shape_hash_from_ir"), ir.shapeHash(), "shape hash projected from IR");
        assertEquals(SchemaTestFiles.resource("golden/" + goldenName + ".ir.pretty.json").stripTrailing(),
                ir.toPrettyJson(), "_schema.ir.json pretty text");
    }
}
