package dev.omnigraph.domain.query;

import dev.omnigraph.domain.lang.LanguageException;
import dev.omnigraph.domain.lang.Lexer;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.lang.Token;
import dev.omnigraph.domain.query.parse.ParsedQueries;
import dev.omnigraph.domain.query.parse.QueryParser;
import dev.omnigraph.domain.query.parse.QueryPrinter;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The parser faces text from users, files and the network: whatever it is given, it must end with a
 * tree or a {@link LanguageException}, never hang, overflow the stack or throw anything else. The
 * inputs are the example queries mutated at token level, truncated, or random bytes.
 */
class QueryParserFuzzProperties {

    private static final String EXAMPLE = QueryTestSupport.resource("example.gq");
    private static final List<String> TOKENS = Lexer.tokenize(new SourceFile("example.gq", EXAMPLE)).stream()
            .map(Token::text).filter(t -> !t.isEmpty()).toList();

    /** Parses; accepted output must survive a print/re-parse round trip. */
    private static boolean terminatesCleanly(String text) {
        try {
            ParsedQueries parsed = QueryParser.parse(text);
            ParsedQueries again = QueryParser.parse(QueryPrinter.print(parsed.file()));
            return parsed.file().equals(again.file());
        } catch (LanguageException expected) {
            return !expected.diagnostics().isEmpty();
        }
    }

    @Property(tries = 300)
    boolean token_edits_end_in_a_tree_or_a_language_error(@ForAll("edits") List<int[]> edits) {
        List<String> tokens = new ArrayList<>(TOKENS);
        for (int[] edit : edits) {
            int at = Math.floorMod(edit[1], tokens.size());
            switch (edit[0]) {
                case 0 -> tokens.remove(at);
                case 1 -> tokens.add(at, TOKENS.get(Math.floorMod(edit[2], TOKENS.size())));
                default -> {
                    int other = Math.floorMod(edit[2], tokens.size());
                    String swap = tokens.get(at);
                    tokens.set(at, tokens.get(other));
                    tokens.set(other, swap);
                }
            }
            if (tokens.isEmpty()) {
                break;
            }
        }
        return terminatesCleanly(String.join(" ", tokens));
    }

    @Provide
    Arbitrary<List<int[]>> edits() {
        Arbitrary<int[]> edit = Arbitraries.integers().between(0, 2).flatMap(kind ->
                Arbitraries.integers().between(0, 10_000).tuple2().map(t -> new int[] {kind, t.get1(), t.get2()}));
        return edit.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 200)
    boolean truncations_end_in_a_tree_or_a_language_error(@ForAll @IntRange(min = 0, max = 100_000) int cut) {
        return terminatesCleanly(EXAMPLE.substring(0, cut % (EXAMPLE.length() + 1)));
    }

    @Property(tries = 300)
    boolean random_bytes_end_in_a_tree_or_a_language_error(@ForAll byte[] bytes) {
        return terminatesCleanly(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 200)
    boolean random_grammar_soup_ends_in_a_tree_or_a_language_error(@ForAll("soup") String text) {
        return terminatesCleanly(text);
    }

    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(60).map(list -> String.join(" ", list));
    }
}
