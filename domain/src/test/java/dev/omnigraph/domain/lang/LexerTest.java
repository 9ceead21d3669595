package dev.omnigraph.domain.lang;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: both languages share this lexer, so its token boundaries (unsigned numbers,
 * '..' never swallowed into floats, '->' vs '-', comments) and its error codes/positions are a
 * contract for two parsers at once.
 */
class LexerTest {

    static List<Token> lex(String text) {
        return Lexer.tokenize(new SourceFile("t", text));
    }

    static List<TokenKind> kinds(String text) {
        return lex(text).stream().map(Token::kind).toList();
    }

    @Test
    void coversEveryTokenOfBothLanguages() {
        assertEquals(List.of(TokenKind.IDENTIFIER, TokenKind.VARIABLE, TokenKind.STRING, TokenKind.INTEGER,
                TokenKind.FLOAT, TokenKind.LEFT_BRACE, TokenKind.RIGHT_BRACE, TokenKind.LEFT_PAREN, TokenKind.RIGHT_PAREN,
                TokenKind.LEFT_BRACKET, TokenKind.RIGHT_BRACKET, TokenKind.COLON, TokenKind.COMMA, TokenKind.QUESTION,
                TokenKind.AT, TokenKind.EQUALS, TokenKind.NOT_EQUALS, TokenKind.LESS, TokenKind.LESS_EQUAL,
                TokenKind.GREATER, TokenKind.GREATER_EQUAL, TokenKind.ARROW, TokenKind.DOT_DOT, TokenKind.DOT,
                TokenKind.MINUS, TokenKind.END_OF_FILE),
                kinds("name $p \"s\" 12 1.5 { } ( ) [ ] : , ? @ = != < <= > >= -> .. . -"));
    }

    @Test
    void rangesAreNotFloats() {
        assertEquals(List.of(TokenKind.INTEGER, TokenKind.DOT_DOT, TokenKind.INTEGER, TokenKind.END_OF_FILE), kinds("0..10"));
        assertEquals(List.of(TokenKind.FLOAT, TokenKind.DOT_DOT, TokenKind.MINUS, TokenKind.FLOAT, TokenKind.END_OF_FILE),
                kinds("1.5..-2.5"));
        assertEquals(List.of(TokenKind.VARIABLE, TokenKind.DOT, TokenKind.IDENTIFIER, TokenKind.END_OF_FILE), kinds("$p.name"));
        assertEquals(List.of(TokenKind.LESS, TokenKind.IDENTIFIER, TokenKind.GREATER, TokenKind.END_OF_FILE), kinds("<knows>"));
    }

    @Test
    void commentsAndWhitespaceSeparateTokens() {
        List<Token> tokens = lex("a // line\n/* block\n */ b");
        assertEquals("a", tokens.get(0).text());
        assertEquals("b", tokens.get(1).text());
        assertEquals(3, tokens.get(1).span().line());
        assertEquals(5, tokens.get(1).span().column());
        assertTrue(!tokens.get(1).touches(tokens.get(0)));
    }

    @Test
    void stringsDecodeTheReferenceEscapes() {
        Token string = lex("\"a\\n\\r\\t\\\\\\\"b\"").get(0);
        assertEquals("a\n\r\t\\\"b", string.value());
        assertEquals("\"a\\n\\r\\t\\\\\\\"b\"", string.text());
        assertEquals("p", lex("$p").get(0).value());
    }

    static Stream<Arguments> lexicalErrors() {
        return Stream.of(
                Arguments.of("\"open", "L002", 1, 1),
                Arguments.of("x \"a\\q\"", "L003", 1, 5),
                Arguments.of("a /* never closed", "L004", 1, 3),
                Arguments.of("a\n  #", "L001", 2, 3),
                Arguments.of("!x", "L001", 1, 1),
                Arguments.of("$Upper", "L005", 1, 1),
                Arguments.of("\u00e9", "L001", 1, 1));
    }

    @ParameterizedTest
    @MethodSource("lexicalErrors")
    void errorsCarryCodeAndPosition(String text, String code, int line, int column) {
        LanguageException error = assertThrows(LanguageException.class, () -> lex(text));
        assertEquals(code, error.code());
        assertEquals(line, error.primary().span().line());
        assertEquals(column, error.primary().span().column());
    }
}
