package dev.omnigraph.domain.lang;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Why this exists: the rendered form is what operators read in CLI and HTTP errors; its layout is pinned. */
class DiagnosticTest {

    @Test
    void rendersHeaderSourceLineAndCarets() {
        SourceFile source = new SourceFile("schema.pg", "node A {\n\tbad: Thing\n}\n");
        Diagnostic diagnostic = Diagnostic.error("S005", "unknown type 'Thing'", source.span(15, 20));
        assertEquals("schema.pg:2:7: error[S005]: unknown type 'Thing'\n"
                + " 2 | \tbad: Thing\n"
                + "   | \t     ^^^^^", diagnostic.render(source));
    }

    @Test
    void zeroWidthSpansGetOneCaretAndLocationFreeDiagnosticsOnlyAHeader() {
        SourceFile source = new SourceFile("q.gq", "ab");
        assertEquals("q.gq:1:3: error[L002]: x\n 1 | ab\n   |   ^",
                Diagnostic.error("L002", "x", source.point(2)).render(source));
        assertEquals("warning[J001]: y", Diagnostic.warning("J001", "y", null).render(null));
    }

    @Test
    void lineAndColumnLookupCountsCodePoints() {
        SourceFile source = new SourceFile("f", "é😀x\r\nsecond");
        assertEquals(3, source.columnOf(source.text().indexOf('x')));
        assertEquals("é😀x", source.lineText(1));
        assertEquals(2, source.lineOf(source.text().indexOf('s')));
        assertEquals(2, source.lineCount());
    }

    @Test
    void exceptionMessageIsTheRenderedDiagnostics() {
        SourceFile source = new SourceFile("f", "abc");
        LanguageException error = new LanguageException(List.of(Diagnostic.error("S001", "one", source.span(0, 1)),
                Diagnostic.error("S002", "two", source.span(2, 3))), source);
        assertEquals("S001", error.code());
        assertEquals("f:1:1: error[S001]: one\n 1 | abc\n   | ^\nf:1:3: error[S002]: two\n 1 | abc\n   |   ^",
                error.getMessage());
    }
}
