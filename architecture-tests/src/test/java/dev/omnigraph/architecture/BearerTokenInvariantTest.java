package dev.omnigraph.architecture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.access.Authentication;
import dev.omnigraph.domain.access.BearerTokenTable;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Invariant 12 of engine notes §8.5: bearer-token plaintext is not retained. Tokens are hashed when the table is
 * built (at startup), and the built table, walked field by field, holds neither the plaintext nor its bytes; it
 * still authenticates the token, through the hash.
 */
class BearerTokenInvariantTest {

    private static final String TOKEN = "plain-secret-token-0123456789";

    @Test
    void invariant_12_bearer_token_plaintext_is_not_retained() throws Exception {
        BearerTokenTable table = BearerTokenTable.builder().add("act-alice", TOKEN).add("act-bob", "another-token").build();

        List<Object> reachable = reachableValues(table);
        byte[] plaintext = TOKEN.getBytes(StandardCharsets.UTF_8);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(plaintext);
        boolean holdsDigest = false;
        for (Object value : reachable) {
            if (value instanceof String text) {
                assertFalse(text.contains(TOKEN), "a String field holds the token");
            } else if (value instanceof byte[] bytes) {
                assertFalse(Arrays.equals(bytes, plaintext), "a byte[] field holds the token's bytes");
                holdsDigest |= Arrays.equals(bytes, digest);
            } else if (value instanceof char[] chars) {
                assertFalse(new String(chars).contains(TOKEN), "a char[] field holds the token");
            }
        }
        assertTrue(holdsDigest, "the table keeps the SHA-256 of the token");
        assertFalse(table.toString().contains(TOKEN));
        Authentication alice = table.authenticate(Optional.of("Bearer " + TOKEN));
        assertInstanceOf(Authentication.Authenticated.class, alice);
        assertEquals("act-alice", ((Authentication.Authenticated) alice).actor());
        assertInstanceOf(Authentication.Invalid.class, table.authenticate(Optional.of("Bearer " + TOKEN + "x")));
        assertArrayEquals(digest, MessageDigest.getInstance("SHA-256").digest(plaintext)); // the walk changed nothing
    }

    /** Every value reachable from {@code root} through instance fields, arrays and collections. */
    private static List<Object> reachableValues(Object root) throws IllegalAccessException {
        List<Object> values = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        List<Object> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            Object value = pending.remove(pending.size() - 1);
            if (value == null || seen.put(value, Boolean.TRUE) != null) {
                continue;
            }
            values.add(value);
            Class<?> type = value.getClass();
            if (value instanceof String || type.isPrimitive() || value instanceof Number || value instanceof Boolean) {
                continue;
            }
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    for (int i = 0; i < Array.getLength(value); i++) {
                        pending.add(Array.get(value, i));
                    }
                }
                continue;
            }
            if (value instanceof Collection<?> collection) {
                pending.addAll(collection);
                continue;
            }
            if (type.getName().startsWith("java.")) {
                continue;
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        pending.add(field.get(value));
                    }
                }
            }
        }
        return values;
    }
}
