package dev.omnigraph.application.access;

import dev.omnigraph.domain.access.BearerTokenTable;
import dev.omnigraph.domain.access.InvalidBearerTokensException;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.out.JsonDecoder;
import dev.omnigraph.ports.out.MalformedJsonException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads the server's bearer tokens from its environment, once, into a {@link BearerTokenTable} (hashes
 * only). Sources, in order:
 * <ol>
 *   <li>{@value #AWS_SECRET_ENV} set (non-blank): refused, since this build has no AWS Secrets Manager token
 *   source; falling back to the other variables would hide the misconfiguration.</li>
 *   <li>{@value #TOKEN_ENV} (trimmed), as actor {@value #DEFAULT_ACTOR}, plus the actors of either the JSON
 *   file named by {@value #TOKENS_FILE_ENV} or, when that is unset, the inline JSON of
 *   {@value #TOKENS_JSON_ENV}; both are a JSON object of actor id to token.</li>
 * </ol>
 * Blank variables count as unset. The tokens are then validated (trimmed; no blank actor or token, no actor
 * or token twice). No token source at all gives an empty table. Thread-safe.
 */
public final class BearerTokenLoader {

    public static final String AWS_SECRET_ENV = "OMNIGRAPH_SERVER_BEARER_TOKENS_AWS_SECRET";
    public static final String TOKEN_ENV = "OMNIGRAPH_SERVER_BEARER_TOKEN";
    public static final String TOKENS_FILE_ENV = "OMNIGRAPH_SERVER_BEARER_TOKENS_FILE";
    public static final String TOKENS_JSON_ENV = "OMNIGRAPH_SERVER_BEARER_TOKENS_JSON";
    public static final String DEFAULT_ACTOR = "default";

    private final JsonDecoder json;

    public BearerTokenLoader(JsonDecoder json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * @param environment the process environment (or a test's)
     * @param readFile the text of a file by path; may throw (any unchecked exception) or return {@code null}
     *     when the file cannot be read
     * @throws BearerTokenSourceException when a source is unsupported, unreadable or malformed, or the tokens
     *     break a configuration rule
     */
    public BearerTokenTable load(Map<String, String> environment, Function<String, String> readFile) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(readFile, "readFile");
        if (variable(environment, AWS_SECRET_ENV).isPresent()) {
            throw new BearerTokenSourceException(AWS_SECRET_ENV + " is set, but the AWS Secrets Manager token source "
                    + "is not supported in this build. Unset it and configure " + TOKEN_ENV + ", " + TOKENS_FILE_ENV
                    + " or " + TOKENS_JSON_ENV + " instead.");
        }
        BearerTokenTable.Builder tokens = BearerTokenTable.builder();
        try {
            variable(environment, TOKEN_ENV).ifPresent(token -> tokens.add(DEFAULT_ACTOR, token));
            Optional<String> file = variable(environment, TOKENS_FILE_ENV);
            if (file.isPresent()) {
                addAll(tokens, fileTokens(file.get(), readFile));
            } else {
                Optional<String> inline = variable(environment, TOKENS_JSON_ENV);
                if (inline.isPresent()) {
                    addAll(tokens, actorTokens(TOKENS_JSON_ENV, inline.get(), TOKENS_JSON_ENV + " must be a JSON "
                            + "object of actor->token"));
                }
            }
        } catch (InvalidBearerTokensException invalid) {
            throw new BearerTokenSourceException(invalid.getMessage(), invalid);
        }
        return tokens.build();
    }

    private static Optional<String> variable(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private JsonObject fileTokens(String path, Function<String, String> readFile) {
        String text;
        try {
            text = readFile.apply(path);
        } catch (RuntimeException unreadable) {
            throw new BearerTokenSourceException("failed to read bearer tokens file at " + path + ": "
                    + unreadable.getMessage(), unreadable);
        }
        if (text == null) {
            throw new BearerTokenSourceException("failed to read bearer tokens file at " + path + ": no such file");
        }
        return actorTokens(path, text, "failed to parse bearer tokens file at " + path
                + ": expected a JSON object of actor->token");
    }

    /**
     * The JSON object of actor to token in {@code text}. The decoder's own message is not passed on, since it
     * may quote the text around the problem and so leak a token; only the position is.
     */
    private JsonObject actorTokens(String source, String text, String refusal) {
        JsonValue value;
        try {
            value = json.decode(source, text);
        } catch (MalformedJsonException malformed) {
            throw new BearerTokenSourceException(refusal + " (malformed JSON at line " + malformed.line() + ", column "
                    + malformed.column() + ")");
        }
        if (!(value instanceof JsonObject object)) {
            throw new BearerTokenSourceException(refusal + " (found " + value.kind() + ")");
        }
        object.members().forEach((actor, token) -> {
            if (!(token instanceof JsonString)) {
                throw new BearerTokenSourceException(refusal + " (the value for actor '" + actor.trim() + "' is "
                        + token.kind() + ", not a string)");
            }
        });
        return object;
    }

    private static void addAll(BearerTokenTable.Builder tokens, JsonObject actorTokens) {
        actorTokens.members().forEach((actor, token) -> tokens.add(actor, ((JsonString) token).value()));
    }
}
