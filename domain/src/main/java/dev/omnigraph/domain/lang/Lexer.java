package dev.omnigraph.domain.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * The hand-written lexer shared by {@code .pg} and {@code .gq}.
 *
 * <p>Contract: {@link #tokenize(SourceFile)} either returns every token of the source followed by
 * exactly one {@link TokenKind#END_OF_FILE} token, or throws a {@link LanguageException} carrying
 * one {@code L0xx} diagnostic at the offending position. It runs in time linear in the input and
 * never recurses. Whitespace ({@code ' '}, tab, CR, LF) and comments ({@code // line},
 * {@code /* block *}{@code /}, not nested) separate tokens and are dropped; identifiers are ASCII
 * only, while strings and comments may hold any character.
 *
 * <p>Numbers are unsigned: {@code -1} is {@link TokenKind#MINUS} then {@link TokenKind#INTEGER},
 * and parsers that accept signed numbers require the two to {@linkplain Token#touches touch}.
 * {@code 1..5} lexes as integer, {@code ..}, integer, never as a float.
 */
public final class Lexer {

    /** A character that starts no token. */
    public static final String UNEXPECTED_CHARACTER = "L001";
    /** A string literal without its closing quote. */
    public static final String UNTERMINATED_STRING = "L002";
    /** A backslash escape other than {@code \" \\ \n \r \t}. */
    public static final String UNSUPPORTED_ESCAPE = "L003";
    /** A block comment without its closing {@code *}{@code /}. */
    public static final String UNTERMINATED_COMMENT = "L004";
    /** {@code $} not followed by a lower-case letter or {@code _}. */
    public static final String MALFORMED_VARIABLE = "L005";

    private final SourceFile source;
    private final String text;
    private int position;

    private Lexer(SourceFile source) {
        this.source = source;
        this.text = source.text();
    }

    /** Every token of {@code source}, ending with one end-of-file token. */
    public static List<Token> tokenize(SourceFile source) {
        return new Lexer(source).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipTrivia();
            if (position >= text.length()) {
                tokens.add(new Token(TokenKind.END_OF_FILE, "", "", source.point(text.length())));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipTrivia() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                position++;
            } else if (c == '/' && peek(1) == '/') {
                while (position < text.length() && text.charAt(position) != '\n') {
                    position++;
                }
            } else if (c == '/' && peek(1) == '*') {
                int start = position;
                int close = text.indexOf("*/", position + 2);
                if (close < 0) {
                    throw error(UNTERMINATED_COMMENT, "unterminated block comment", start, start + 2);
                }
                position = close + 2;
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = position;
        char c = text.charAt(position);
        if (isIdentifierStart(c)) {
            position++;
            while (position < text.length() && isIdentifierPart(text.charAt(position))) {
                position++;
            }
            return token(TokenKind.IDENTIFIER, start);
        }
        if (isDigit(c)) {
            return number(start);
        }
        switch (c) {
            case '"':
                return string(start);
            case '$':
                return variable(start);
            case '{':
                return single(TokenKind.LEFT_BRACE, start);
            case '}':
                return single(TokenKind.RIGHT_BRACE, start);
            case '(':
                return single(TokenKind.LEFT_PAREN, start);
            case ')':
                return single(TokenKind.RIGHT_PAREN, start);
            case '[':
                return single(TokenKind.LEFT_BRACKET, start);
            case ']':
                return single(TokenKind.RIGHT_BRACKET, start);
            case ':':
                return single(TokenKind.COLON, start);
            case ',':
                return single(TokenKind.COMMA, start);
            case '?':
                return single(TokenKind.QUESTION, start);
            case '@':
                return single(TokenKind.AT, start);
            case '=':
                return single(TokenKind.EQUALS, start);
            case '!':
                if (peek(1) == '=') {
                    position += 2;
                    return token(TokenKind.NOT_EQUALS, start);
                }
                throw error(UNEXPECTED_CHARACTER, "unexpected character '!' (did you mean '!='?)", start, start + 1);
            case '<':
                if (peek(1) == '=') {
                    position += 2;
                    return token(TokenKind.LESS_EQUAL, start);
                }
                return single(TokenKind.LESS, start);
            case '>':
                if (peek(1) == '=') {
                    position += 2;
                    return token(TokenKind.GREATER_EQUAL, start);
                }
                return single(TokenKind.GREATER, start);
            case '-':
                if (peek(1) == '>') {
                    position += 2;
                    return token(TokenKind.ARROW, start);
                }
                return single(TokenKind.MINUS, start);
            case '.':
                if (peek(1) == '.') {
                    position += 2;
                    return token(TokenKind.DOT_DOT, start);
                }
                return single(TokenKind.DOT, start);
            default:
                int codePoint = text.codePointAt(start);
                throw error(UNEXPECTED_CHARACTER, "unexpected character " + describeCodePoint(codePoint),
                        start, start + Character.charCount(codePoint));
        }
    }

    private Token number(int start) {
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
        if (peek(0) == '.' && isDigit(peek(1))) {
            position++;
            while (position < text.length() && isDigit(text.charAt(position))) {
                position++;
            }
            return token(TokenKind.FLOAT, start);
        }
        return token(TokenKind.INTEGER, start);
    }

    private Token string(int start) {
        StringBuilder decoded = new StringBuilder();
        position++;
        while (true) {
            if (position >= text.length()) {
                throw error(UNTERMINATED_STRING, "unterminated string literal", start, start + 1);
            }
            char c = text.charAt(position);
            if (c == '"') {
                position++;
                return new Token(TokenKind.STRING, text.substring(start, position), decoded.toString(),
                        source.span(start, position));
            }
            if (c != '\\') {
                decoded.append(c);
                position++;
                continue;
            }
            if (position + 1 >= text.length()) {
                throw error(UNTERMINATED_STRING, "unterminated string literal", start, start + 1);
            }
            char escaped = text.charAt(position + 1);
            switch (escaped) {
                case '"' -> decoded.append('"');
                case '\\' -> decoded.append('\\');
                case 'n' -> decoded.append('\n');
                case 'r' -> decoded.append('\r');
                case 't' -> decoded.append('\t');
                default -> {
                    int codePoint = text.codePointAt(position + 1);
                    throw error(UNSUPPORTED_ESCAPE,
                            "unsupported escape sequence \\" + new String(Character.toChars(codePoint))
                                    + " (supported: \\\" \\\\ \\n \\r \\t)",
                            position, position + 1 + Character.charCount(codePoint));
                }
            }
            position += 2;
        }
    }

    private Token variable(int start) {
        position++;
        char first = peek(0);
        if (!(first == '_' || (first >= 'a' && first <= 'z'))) {
            throw error(MALFORMED_VARIABLE,
                    "'$' must be followed by a variable name starting with a lower-case letter or '_'",
                    start, start + 1);
        }
        while (position < text.length() && isIdentifierPart(text.charAt(position))) {
            position++;
        }
        return new Token(TokenKind.VARIABLE, text.substring(start, position), text.substring(start + 1, position),
                source.span(start, position));
    }

    private Token single(TokenKind kind, int start) {
        position++;
        return token(kind, start);
    }

    private Token token(TokenKind kind, int start) {
        String slice = text.substring(start, position);
        return new Token(kind, slice, slice, source.span(start, position));
    }

    private char peek(int ahead) {
        int index = position + ahead;
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private LanguageException error(String code, String message, int start, int end) {
        return LanguageException.at(source, source.span(start, end), code, message);
    }

    private static String describeCodePoint(int codePoint) {
        if (codePoint < 0x20 || codePoint == 0x7f) {
            return String.format("U+%04X", codePoint);
        }
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }

    static boolean isIdentifierStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
