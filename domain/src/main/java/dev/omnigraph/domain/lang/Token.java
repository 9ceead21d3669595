package dev.omnigraph.domain.lang;

import java.util.Objects;

/**
 * One lexical token.
 *
 * @param kind  its category
 * @param text  the exact source slice (for strings including quotes and escapes)
 * @param value the meaning: decoded content for {@link TokenKind#STRING}, the name without
 *              {@code $} for {@link TokenKind#VARIABLE}, otherwise equal to {@code text}
 * @param span  where it is
 */
public record Token(TokenKind kind, String text, String value, Span span) {

    public Token {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(span, "span");
    }

    public boolean is(TokenKind expected) {
        return kind == expected;
    }

    /** An identifier spelled exactly {@code word} (keywords are case-sensitive). */
    public boolean isWord(String word) {
        return kind == TokenKind.IDENTIFIER && text.equals(word);
    }

    /** An identifier starting with an ASCII upper-case letter: a type name in both languages. */
    public boolean isTypeName() {
        return kind == TokenKind.IDENTIFIER && !text.isEmpty() && text.charAt(0) >= 'A' && text.charAt(0) <= 'Z';
    }

    /** An identifier starting with an ASCII lower-case letter or {@code _}: a property/annotation name. */
    public boolean isLowerName() {
        return kind == TokenKind.IDENTIFIER && !text.isEmpty()
                && (text.charAt(0) == '_' || (text.charAt(0) >= 'a' && text.charAt(0) <= 'z'));
    }

    /** True when this token starts exactly where {@code previous} ends (no whitespace or comment between). */
    public boolean touches(Token previous) {
        return previous.span().end() == span.start();
    }

    /** How the token is quoted in "found …" messages. */
    public String describe() {
        return kind == TokenKind.END_OF_FILE ? "end of input" : "'" + text + "'";
    }
}
