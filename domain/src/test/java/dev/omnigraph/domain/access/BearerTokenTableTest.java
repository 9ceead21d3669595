package dev.omnigraph.domain.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens are the server's only credential. Pinned: the configuration rules (trimmed, no blanks, no
 * actor or token twice), the exact header grammar (case-sensitive {@code "Bearer "}, remainder not trimmed),
 * and that no plaintext token survives construction in any field or string form.
 */
class BearerTokenTableTest {

    private static BearerTokenTable table() {
        return BearerTokenTable.builder().add("act-bruno", "tok-b").add(" act-andrew ", "  tok-a\n").build();
    }

    @Test
    void authenticates_each_token_to_its_actor() {
        BearerTokenTable table = table();
        assertEquals(new Authentication.Authenticated("act-andrew"), table.authenticate(Optional.of("Bearer tok-a")));
        assertEquals(new Authentication.Authenticated("act-bruno"), table.authenticate(Optional.of("Bearer tok-b")));
        assertEquals(List.of("act-andrew", "act-bruno"), List.copyOf(table.actors()));
        assertEquals(2, table.size());
        assertFalse(table.isEmpty());
    }

    @Test
    void the_header_grammar_is_exact() {
        BearerTokenTable table = table();
        assertInstanceOf(Authentication.Missing.class, table.authenticate(Optional.empty()));
        for (String missing : List.of("", "tok-a", "bearer tok-a", "BEARER tok-a", "Bearer", "Bearertok-a",
                "Basic dG9rLWE=", " Bearer tok-a", "Bearer\ttok-a")) {
            assertInstanceOf(Authentication.Missing.class, table.authenticate(Optional.of(missing)), missing);
        }
        for (String invalid : List.of("Bearer ", "Bearer tok-a ", "Bearer  tok-a", "Bearer tok-A", "Bearer tok-c",
                "Bearer tok-a\n")) {
            assertInstanceOf(Authentication.Invalid.class, table.authenticate(Optional.of(invalid)), invalid);
        }
        assertEquals("missing bearer token", new Authentication.Missing().message());
        assertEquals("invalid bearer token", new Authentication.Invalid().message());
    }

    @Test
    void an_empty_table_authenticates_no_one() {
        BearerTokenTable empty = BearerTokenTable.empty();
        assertTrue(empty.isEmpty());
        assertInstanceOf(Authentication.Invalid.class, empty.authenticate(Optional.of("Bearer x")));
        assertTrue(BearerTokenTable.builder().build().isEmpty());
    }

    @Test
    void configuration_rules_in_order() {
        assertEquals("bearer token actor names must not be blank", assertThrows(InvalidBearerTokensException.class,
                () -> BearerTokenTable.builder().add("  ", "t")).getMessage());
        assertEquals("bearer token actor names must not be blank", assertThrows(InvalidBearerTokensException.class,
                () -> BearerTokenTable.builder().add(" ", " ")).getMessage());
        assertEquals("bearer token for actor 'a' must not be blank", assertThrows(InvalidBearerTokensException.class,
                () -> BearerTokenTable.builder().add("a", " \t")).getMessage());
        assertEquals("duplicate bearer token actor 'a'", assertThrows(InvalidBearerTokensException.class,
                () -> BearerTokenTable.builder().add("a", "t1").add(" a", "t1")).getMessage());
        assertEquals("duplicate bearer token value configured (actors 'a' and 'b')",
                assertThrows(InvalidBearerTokensException.class,
                        () -> BearerTokenTable.builder().add("a", "t1").add("b", " t1 ")).getMessage());
    }

    @Test
    void no_plaintext_token_is_kept() throws IllegalAccessException {
        String token = "s3cr3t-token-value";
        BearerTokenTable table = BearerTokenTable.builder().add("act-a", token).build();
        assertFalse(table.toString().contains(token), table.toString());
        assertEquals("BearerTokenTable[1 tokens for [act-a]]", table.toString());
        for (Field field : BearerTokenTable.class.getDeclaredFields()) {
            field.setAccessible(true);
            Object value = field.get(java.lang.reflect.Modifier.isStatic(field.getModifiers()) ? null : table);
            assertFalse(String.valueOf(value).contains(token), field.getName());
        }
    }

    @Test
    void hashes_are_sha256_of_the_utf8_token() {
        assertArrayEquals(HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                BearerTokenTable.sha256("abc"));
    }

    @Property(tries = 300)
    void every_configured_token_authenticates_exactly_its_actor(
            @ForAll @NotBlank @AlphaChars @StringLength(max = 12) String first,
            @ForAll @NotBlank @AlphaChars @StringLength(max = 12) String second) {
        if (first.equals(second)) {
            return;
        }
        BearerTokenTable table = BearerTokenTable.builder().add("one", first).add("two", second).build();
        assertEquals(new Authentication.Authenticated("one"), table.authenticate(Optional.of("Bearer " + first)));
        assertEquals(new Authentication.Authenticated("two"), table.authenticate(Optional.of("Bearer " + second)));
        assertInstanceOf(Authentication.Invalid.class, table.authenticate(Optional.of("Bearer " + first + second)));
    }
}
