package dev.omnigraph.domain.lang;

import java.util.List;
import java.util.Objects;

/**
 * A cursor over a lexed token list for recursive-descent parsers, with "expected X, found Y"
 * errors and a nesting-depth guard.
 *
 * <p>Contract: the cursor never moves past the final {@link TokenKind#END_OF_FILE} token, so a
 * parser loop that stops on end-of-file always terminates. Errors are {@link LanguageException}s
 * with the caller's code, so each language keeps its own code space.
 */
public final class TokenStream {

    private final SourceFile source;
    private final List<Token> tokens;
    private final int maxDepth;
    private final String depthCode;
    private int index;
    private int depth;

    /**
     * @param maxDepth  deepest nesting {@link #enter} allows before failing with {@code depthCode},
     *                  so hostile input cannot exhaust the call stack
     */
    public TokenStream(SourceFile source, List<Token> tokens, int maxDepth, String depthCode) {
        this.source = Objects.requireNonNull(source, "source");
        this.tokens = List.copyOf(tokens);
        if (this.tokens.isEmpty() || !this.tokens.get(this.tokens.size() - 1).is(TokenKind.END_OF_FILE)) {
            throw new IllegalArgumentException("token list must end with END_OF_FILE");
        }
        this.maxDepth = maxDepth;
        this.depthCode = Objects.requireNonNull(depthCode, "depthCode");
    }

    /** Lexes {@code source} and wraps the tokens. */
    public static TokenStream of(SourceFile source, int maxDepth, String depthCode) {
        return new TokenStream(source, Lexer.tokenize(source), maxDepth, depthCode);
    }

    public SourceFile source() {
        return source;
    }

    public Token peek() {
        return tokens.get(index);
    }

    /** The token {@code ahead} positions after the current one (clamped to end-of-file). */
    public Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    /** The token just consumed; only valid after at least one {@link #advance()}. */
    public Token previous() {
        if (index == 0) {
            throw new IllegalStateException("no token consumed yet");
        }
        return tokens.get(index - 1);
    }

    public boolean atEnd() {
        return peek().is(TokenKind.END_OF_FILE);
    }

    /** Consumes and returns the current token (end-of-file is returned but never consumed). */
    public Token advance() {
        Token current = peek();
        if (!current.is(TokenKind.END_OF_FILE)) {
            index++;
        }
        return current;
    }

    public boolean check(TokenKind kind) {
        return peek().is(kind);
    }

    public boolean checkWord(String word) {
        return peek().isWord(word);
    }

    /** Consumes the current token if it has {@code kind}. */
    public boolean accept(TokenKind kind) {
        if (check(kind)) {
            advance();
            return true;
        }
        return false;
    }

    /** Consumes the current token if it is the identifier {@code word}. */
    public boolean acceptWord(String word) {
        if (checkWord(word)) {
            advance();
            return true;
        }
        return false;
    }

    /** Consumes a token of {@code kind} or fails with {@code code}: "expected {what}, found …". */
    public Token expect(TokenKind kind, String code, String what) {
        if (check(kind)) {
            return advance();
        }
        throw unexpected(code, what);
    }

    /** Consumes the identifier {@code word} or fails with {@code code}. */
    public Token expectWord(String word, String code) {
        if (checkWord(word)) {
            return advance();
        }
        throw unexpected(code, "'" + word + "'");
    }

    /** An error at the current token: "expected {what}, found {token}". */
    public LanguageException unexpected(String code, String what) {
        Token found = peek();
        return error(code, "expected " + what + ", found " + found.describe(), found.span());
    }

    public LanguageException error(String code, String message, Span span) {
        return LanguageException.at(source, span, code, message);
    }

    /** Enters one nesting level; fails with the depth code once the limit is exceeded. */
    public void enter() {
        depth++;
        if (depth > maxDepth) {
            throw error(depthCode, "nesting deeper than " + maxDepth + " levels", peek().span());
        }
    }

    /** Leaves the level entered by the matching {@link #enter()}. */
    public void exit() {
        depth--;
    }
}
