package dev.omnigraph.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A policy test file is read as strictly as the reference reads it, reporting every problem at once. */
class PolicyTestSuiteTest {

    private static JsonObject testCase(String id, String action, String expect) {
        return JsonObject.builder().put("id", id).put("actor", "act-alice").put("action", action).put("expect", expect)
                .build();
    }

    @Test
    void cases_are_read_with_their_requests() {
        JsonObject onBranch = JsonObject.builder().put("id", "merge").put("actor", "act-bob").put("action", "branch_merge")
                .put("branch", "feature").put("target_branch", "main").put("expect", "deny").build();
        PolicyTestSuite suite = PolicyTestSuite.read("t.yaml", JsonObject.builder().put("version", 1)
                .put("cases", JsonArray.of(testCase("read", "read", "allow"), onBranch)).build());
        assertEquals(2, suite.cases().size());
        PolicyTestSuite.Case merge = suite.cases().get(1);
        assertEquals(false, merge.expectAllowed());
        assertEquals(Optional.of("feature"), merge.request().branch());
        assertEquals(Optional.of("main"), merge.request().targetBranch());
        assertEquals(Optional.of("act-bob"), merge.request().actor());
        assertEquals(PolicyAction.BRANCH_MERGE, merge.request().action());
        assertEquals(0, PolicyTestSuite.read("t.yaml", JsonObject.builder().put("version", 1).build()).cases().size());
    }

    @Test
    void every_problem_is_reported_with_its_path() {
        JsonObject bad = JsonObject.builder().put("version", 2).put("extra", true)
                .put("cases", JsonArray.of(testCase("a", "fly", "maybe"), testCase("a", "read", "allow"),
                        JsonObject.builder().put("id", "b").put("actor", "x").put("action", "read").put("expect", "allow")
                                .put("brnach", "typo").build(), JsonValue.of("not a case")))
                .build();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PolicyTestSuite.read("t.yaml", bad));
        String message = refused.getMessage();
        for (String expected : new String[] {"version: policy test version must be 1", "extra: unknown key",
                "cases[0].action: unknown action 'fly'", "cases[0].expect: expected allow or deny, found 'maybe'",
                "cases[1].id: repeats the case id 'a'", "cases[2].brnach: unknown key", "cases[3]: expected a mapping"}) {
            assertTrue(message.contains(expected), expected + " in " + message);
        }
        assertThrows(IllegalArgumentException.class, () -> PolicyTestSuite.read("t.yaml", JsonValue.of("text")));
    }
}
