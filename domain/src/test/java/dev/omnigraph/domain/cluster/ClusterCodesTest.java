package dev.omnigraph.domain.cluster;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: diagnostic codes are public API that automation matches on; each constant must
 * be the snake_case spelling of its own name, and no two constants may share a code.
 */
class ClusterCodesTest {

    @Test
    void everyCodeIsItsConstantNameInSnakeCaseAndUnique() throws IllegalAccessException {
        Set<String> seen = new HashSet<>();
        int count = 0;
        for (Field field : ClusterCodes.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                continue;
            }
            String code = (String) field.get(null);
            assertEquals(field.getName().toLowerCase(Locale.ROOT), code);
            assertTrue(code.matches("[a-z][a-z0-9_]*"), code);
            assertTrue(seen.add(code), "duplicate " + code);
            count++;
        }
        assertEquals(97, count, "the reference's catalogue (behavioural notes 6.4) has 97 codes");
    }

    @Test
    void diagnosticsPrintLikeTheReference() {
        ClusterDiagnostic error = ClusterDiagnostic.error(ClusterCodes.STATE_LOCK_HELD, "__cluster/lock.json", "held");
        ClusterDiagnostic warning = ClusterDiagnostic.warning(ClusterCodes.APPROVAL_STALE, "graph.g", "stale");
        assertEquals("ERROR state_lock_held __cluster/lock.json: held", error.humanLine());
        assertEquals("WARN  approval_stale graph.g: stale", warning.humanLine());
        assertEquals("{\"code\":\"approval_stale\",\"severity\":\"warning\",\"path\":\"graph.g\",\"message\":\"stale\"}",
                warning.toJson().toString());
        assertTrue(ClusterDiagnostic.anyError(List.of(warning, error)));
        assertTrue(!ClusterDiagnostic.anyError(List.of(warning)));
    }
}
