package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.LanguageException;
import dev.omnigraph.domain.lang.SourceFile;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: schema sources arrive from users and over the network (cluster apply, HTTP
 * schema endpoints). Whatever the bytes, parsing and validation must end, quickly, in either a
 * result or a {@link LanguageException} with a located diagnostic: never another exception, a
 * hang or a stack overflow. Inputs are our examples mutated by deleting, inserting, swapping and
 * duplicating token-sized slices, truncating, and splicing random characters.
 */
class SchemaParserFuzzProperties {

    private static final List<String> CORPUS = SchemaTestFiles.EXAMPLES.stream()
            .map(name -> SchemaTestFiles.example(name).text()).toList();

    private static final List<String> PIECES = List.of("node", "edge", "interface", "implements", "{", "}", "(", ")",
            "[", "]", ":", ",", "?", "@", "->", "..", "-", "\"", "\\", "/*", "//", "@key", "@card(", "enum(",
            "Vector(", "String", "0", "-1", "1.5", "99999999999999999999", "\n", " ", "$x", "é", "\u0000");

    @Property(tries = 400)
    void parsingEndsInAResultOrALocatedLanguageException(@ForAll("mutatedSources") String text) {
        try {
            assertNotNull(SchemaCompiler.compile("fuzz.pg", text));
        } catch (LanguageException expected) {
            assertTrue(expected.primary().hasSpan(), "syntax and validation errors are located");
            assertNotNull(expected.getMessage());
        }
    }

    @Property(tries = 50)
    void deeplyRepeatedInputStaysLinear(@ForAll("repetitions") int count) {
        String text = "node A { " + "n: enum(".repeat(count);
        try {
            SchemaParser.parse(new SourceFile("deep.pg", text));
        } catch (LanguageException expected) {
            assertTrue(expected.code().startsWith("S") || expected.code().startsWith("L"));
        }
    }

    @Provide
    Arbitrary<Integer> repetitions() {
        return Arbitraries.integers().between(1, 20_000);
    }

    @Provide
    Arbitrary<String> mutatedSources() {
        Arbitrary<String> base = Arbitraries.of(CORPUS);
        Arbitrary<List<Integer>> edits = Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<List<String>> inserts = Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(8);
        return Combinators.combine(base, edits, inserts, noise).as(SchemaParserFuzzProperties::mutate);
    }

    private static String mutate(String text, List<Integer> edits, List<String> inserts, String noise) {
        StringBuilder out = new StringBuilder(text);
        List<String> pieces = new ArrayList<>(inserts);
        pieces.add(noise);
        for (int i = 0; i < edits.size(); i++) {
            int seed = edits.get(i);
            int at = out.length() == 0 ? 0 : seed % out.length();
            int span = 1 + (seed / 7) % 12;
            int end = Math.min(out.length(), at + span);
            switch (seed % 5) {
                case 0 -> out.delete(at, end);
                case 1 -> out.insert(at, pieces.get(i % pieces.size()));
                case 2 -> {
                    String slice = out.substring(at, end);
                    int other = (seed / 13) % Math.max(1, out.length());
                    out.delete(at, end);
                    out.insert(Math.min(other, out.length()), slice);
                }
                case 3 -> out.setLength(at);
                default -> out.insert(at, out.substring(at, end));
            }
        }
        return out.toString();
    }
}
