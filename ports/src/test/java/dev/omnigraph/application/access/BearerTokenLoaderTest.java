package dev.omnigraph.application.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.access.Authentication;
import dev.omnigraph.domain.access.BearerTokenTable;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.out.JsonDecoder;
import dev.omnigraph.ports.out.MalformedJsonException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Where the server's tokens come from decides who can call it; a source silently ignored (an AWS secret
 * variable in a build without AWS, a file variable shadowed by inline JSON) would serve with the wrong
 * credentials. Pinned: the source order, trimming and blanks, the validation rules, and that no token text
 * appears in any error.
 */
class BearerTokenLoaderTest {

    /** Canned documents instead of a JSON parser: the loader's logic, not parsing, is under test. */
    private static final Map<String, JsonValue> DOCUMENTS = new HashMap<>();

    static {
        DOCUMENTS.put("alice-bob", JsonObject.builder().put("alice", "tok-a").put(" bob ", " tok-b ").build());
        DOCUMENTS.put("carol", JsonObject.builder().put("carol", "tok-c").build());
        DOCUMENTS.put("default-again", JsonObject.builder().put("default", "tok-other").build());
        DOCUMENTS.put("reuses-tok-a", JsonObject.builder().put("zed", "tok-a").build());
        DOCUMENTS.put("list", JsonArray.of(JsonNumber.of(1)));
        DOCUMENTS.put("number-token", JsonObject.builder().put("alice", JsonNumber.of(7)).build());
        DOCUMENTS.put("blank-actor", JsonObject.builder().put("  ", "tok-x").build());
        DOCUMENTS.put("{}", JsonObject.empty());
    }

    private static final JsonDecoder CANNED = (source, text) -> {
        JsonValue value = DOCUMENTS.get(text);
        if (value == null) {
            throw new MalformedJsonException(source, 1, 4, "unexpected token near 'secret-in-text'");
        }
        return value;
    };

    private final List<String> filesRead = new ArrayList<>();

    private final Function<String, String> files = path -> {
        filesRead.add(path);
        return switch (path) {
            case "/etc/tokens.json" -> "carol";
            case "/etc/broken.json" -> "not json secret-in-text";
            case "/etc/missing.json" -> null;
            default -> throw new IllegalStateException("permission denied");
        };
    };

    private BearerTokenTable load(Map<String, String> env) {
        return new BearerTokenLoader(CANNED).load(env, files);
    }

    private static String actorOf(BearerTokenTable table, String token) {
        return ((Authentication.Authenticated) table.authenticate(Optional.of("Bearer " + token))).actor();
    }

    @Test
    void nothing_configured_is_an_empty_table() {
        assertTrue(load(Map.of()).isEmpty());
        assertTrue(load(Map.of(BearerTokenLoader.TOKEN_ENV, "  ", BearerTokenLoader.TOKENS_JSON_ENV, "",
                BearerTokenLoader.AWS_SECRET_ENV, " ")).isEmpty());
    }

    @Test
    void the_single_token_belongs_to_the_default_actor() {
        BearerTokenTable table = load(Map.of(BearerTokenLoader.TOKEN_ENV, "  tok-d \n"));
        assertEquals(List.of("default"), List.copyOf(table.actors()));
        assertEquals("default", actorOf(table, "tok-d"));
    }

    @Test
    void inline_json_adds_to_the_single_token() {
        BearerTokenTable table = load(Map.of(BearerTokenLoader.TOKEN_ENV, "tok-d",
                BearerTokenLoader.TOKENS_JSON_ENV, "alice-bob"));
        assertEquals(List.of("alice", "bob", "default"), List.copyOf(table.actors()));
        assertEquals("bob", actorOf(table, "tok-b"));
    }

    @Test
    void the_file_wins_over_inline_json() {
        BearerTokenTable table = load(Map.of(BearerTokenLoader.TOKENS_FILE_ENV, " /etc/tokens.json ",
                BearerTokenLoader.TOKENS_JSON_ENV, "alice-bob"));
        assertEquals(List.of("carol"), List.copyOf(table.actors()));
        assertEquals(List.of("/etc/tokens.json"), filesRead);
    }

    @Test
    void an_aws_secret_is_refused_without_falling_back() {
        BearerTokenSourceException refused = assertThrows(BearerTokenSourceException.class, () -> load(Map.of(
                BearerTokenLoader.AWS_SECRET_ENV, "arn:secret", BearerTokenLoader.TOKEN_ENV, "tok-d")));
        assertEquals("OMNIGRAPH_SERVER_BEARER_TOKENS_AWS_SECRET is set, but the AWS Secrets Manager token source is "
                + "not supported in this build. Unset it and configure OMNIGRAPH_SERVER_BEARER_TOKEN, "
                + "OMNIGRAPH_SERVER_BEARER_TOKENS_FILE or OMNIGRAPH_SERVER_BEARER_TOKENS_JSON instead.",
                refused.getMessage());
    }

    @Test
    void unreadable_and_malformed_sources_are_refused_without_quoting_them() {
        assertEquals("failed to read bearer tokens file at /etc/other.json: permission denied",
                refusal(Map.of(BearerTokenLoader.TOKENS_FILE_ENV, "/etc/other.json")));
        assertEquals("failed to read bearer tokens file at /etc/missing.json: no such file",
                refusal(Map.of(BearerTokenLoader.TOKENS_FILE_ENV, "/etc/missing.json")));
        String malformedFile = refusal(Map.of(BearerTokenLoader.TOKENS_FILE_ENV, "/etc/broken.json"));
        assertEquals("failed to parse bearer tokens file at /etc/broken.json: expected a JSON object of actor->token "
                + "(malformed JSON at line 1, column 4)", malformedFile);
        String malformedInline = refusal(Map.of(BearerTokenLoader.TOKENS_JSON_ENV, "{\"a\": secret-in-text"));
        assertEquals("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON must be a JSON object of actor->token (malformed JSON at "
                + "line 1, column 4)", malformedInline);
        assertFalse(malformedInline.contains("secret-in-text"));
        assertEquals("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON must be a JSON object of actor->token (found array)",
                refusal(Map.of(BearerTokenLoader.TOKENS_JSON_ENV, "list")));
        assertEquals("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON must be a JSON object of actor->token (the value for actor "
                + "'alice' is number, not a string)", refusal(Map.of(BearerTokenLoader.TOKENS_JSON_ENV, "number-token")));
    }

    @Test
    void configuration_rules_apply_across_sources() {
        assertEquals("duplicate bearer token actor 'default'", refusal(Map.of(BearerTokenLoader.TOKEN_ENV, "tok-d",
                BearerTokenLoader.TOKENS_JSON_ENV, "default-again")));
        assertEquals("duplicate bearer token value configured (actors 'default' and 'zed')", refusal(Map.of(
                BearerTokenLoader.TOKEN_ENV, "tok-a", BearerTokenLoader.TOKENS_JSON_ENV, "reuses-tok-a")));
        assertEquals("bearer token actor names must not be blank", refusal(Map.of(BearerTokenLoader.TOKENS_JSON_ENV,
                "blank-actor")));
        assertTrue(load(Map.of(BearerTokenLoader.TOKENS_JSON_ENV, "{}")).isEmpty());
    }

    private String refusal(Map<String, String> env) {
        BearerTokenSourceException refused = assertThrows(BearerTokenSourceException.class, () -> load(env));
        for (String token : List.of("tok-a", "tok-b", "tok-c", "tok-d", "tok-x", "tok-other", "secret-in-text")) {
            assertFalse(refused.getMessage().contains(token), refused.getMessage());
        }
        return refused.getMessage();
    }

    @Test
    void the_table_never_prints_a_token() {
        BearerTokenTable table = load(Map.of(BearerTokenLoader.TOKENS_JSON_ENV, "alice-bob"));
        assertFalse(table.toString().contains("tok-"), table.toString());
        assertInstanceOf(Authentication.Invalid.class, table.authenticate(Optional.of("Bearer tok-c")));
    }
}
