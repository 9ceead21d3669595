package dev.omnigraph.domain.lang;

/**
 * The lexical categories of {@code .pg} and {@code .gq}. Keywords are not separate kinds: every
 * word is an {@link #IDENTIFIER} and parsers decide by its text, because both languages allow
 * most keywords as ordinary names in other positions.
 */
public enum TokenKind {
    /** {@code [A-Za-z_][A-Za-z0-9_]*}: type names, property names, keywords, annotation names. */
    IDENTIFIER("identifier"),
    /** {@code $name}: a query variable; the token's {@link Token#value()} excludes the {@code $}. */
    VARIABLE("variable"),
    /** A double-quoted string; {@link Token#value()} holds the decoded content. */
    STRING("string literal"),
    /** {@code [0-9]+}, unsigned; a leading minus is a separate {@link #MINUS} token. */
    INTEGER("integer literal"),
    /** {@code [0-9]+ '.' [0-9]+}, unsigned. */
    FLOAT("float literal"),
    LEFT_BRACE("'{'"),
    RIGHT_BRACE("'}'"),
    LEFT_PAREN("'('"),
    RIGHT_PAREN("')'"),
    LEFT_BRACKET("'['"),
    RIGHT_BRACKET("']'"),
    COLON("':'"),
    COMMA("','"),
    QUESTION("'?'"),
    AT("'@'"),
    EQUALS("'='"),
    NOT_EQUALS("'!='"),
    LESS("'<'"),
    LESS_EQUAL("'<='"),
    GREATER("'>'"),
    GREATER_EQUAL("'>='"),
    ARROW("'->'"),
    DOT_DOT("'..'"),
    DOT("'.'"),
    MINUS("'-'"),
    END_OF_FILE("end of input");

    private final String description;

    TokenKind(String description) {
        this.description = description;
    }

    /** How the kind is named in "expected …" messages. */
    public String description() {
        return description;
    }
}
