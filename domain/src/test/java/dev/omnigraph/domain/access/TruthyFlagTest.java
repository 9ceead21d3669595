package dev.omnigraph.domain.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Opting into an unauthenticated server must take a deliberate value; the usual "off" spellings stay off. */
class TruthyFlagTest {

    @Test
    void off_values() {
        for (String off : List.of("", " ", "0", " 0 ", "false", "FALSE", "False", " false\n")) {
            assertFalse(TruthyFlag.isTruthy(off), "'" + off + "'");
            assertFalse(TruthyFlag.isTruthy(Optional.of(off)));
        }
        assertFalse(TruthyFlag.isTruthy((String) null));
        assertFalse(TruthyFlag.isTruthy(Optional.empty()));
    }

    @Test
    void on_values() {
        for (String on : List.of("1", "true", "TRUE", "yes", "on", " 1 ", "00", "no", "off", "falsey")) {
            assertTrue(TruthyFlag.isTruthy(on), "'" + on + "'");
        }
    }
}
