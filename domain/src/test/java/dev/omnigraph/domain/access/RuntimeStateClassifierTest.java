package dev.omnigraph.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A server that starts in the wrong runtime state is either open to anyone or answers 401 to everyone, so
 * every one of the eight configurations is pinned, and the two refusals name what to configure.
 */
class RuntimeStateClassifierTest {

    private static RuntimeClassification serve(RuntimeState state, String warning) {
        return new RuntimeClassification.Serve(state, Optional.ofNullable(warning));
    }

    @Test
    void the_whole_table() {
        for (boolean flag : new boolean[] {false, true}) {
            assertEquals(serve(RuntimeState.DEFAULT_DENY, RuntimeStateClassifier.WARN_DEFAULT_DENY),
                    RuntimeStateClassifier.classify(true, false, flag));
            assertEquals(serve(RuntimeState.POLICY_ENABLED, null), RuntimeStateClassifier.classify(true, true, flag));
            assertEquals(new RuntimeClassification.Refuse(RuntimeStateClassifier.REFUSE_POLICY_WITHOUT_TOKENS),
                    RuntimeStateClassifier.classify(false, true, flag));
        }
        assertEquals(new RuntimeClassification.Refuse(RuntimeStateClassifier.REFUSE_FULLY_OPEN),
                RuntimeStateClassifier.classify(false, false, false));
        assertEquals(serve(RuntimeState.OPEN, RuntimeStateClassifier.WARN_OPEN),
                RuntimeStateClassifier.classify(false, false, true));
    }

    @Test
    void refusals_explain_themselves() {
        assertTrue(RuntimeStateClassifier.REFUSE_FULLY_OPEN.startsWith("server has no bearer tokens and no policy file "
                + "configured. This is a fully open server — pass `--unauthenticated` (or set "
                + "OMNIGRAPH_UNAUTHENTICATED=1)"));
        assertTrue(RuntimeStateClassifier.REFUSE_POLICY_WITHOUT_TOKENS.startsWith(
                "policy file is configured but no bearer tokens — every request would 401"));
        assertTrue(RuntimeStateClassifier.WARN_OPEN.contains("local dev only"));
        assertTrue(RuntimeStateClassifier.WARN_DEFAULT_DENY.contains("default-deny mode"));
    }
}
