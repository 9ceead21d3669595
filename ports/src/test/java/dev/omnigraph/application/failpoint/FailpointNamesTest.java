package dev.omnigraph.application.failpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The catalogue is the single list arming is checked against: a constant left out of {@code ALL} could never be
 * armed, and a name spelt differently from the reference would break the one-to-one translation of its crash tests.
 */
class FailpointNamesTest {

    private static final Pattern AREA_DOT_STEP = Pattern.compile("[a-z_]+\\.[a-z_]+");

    @Test
    void every_constant_is_in_all_and_all_holds_nothing_else() throws IllegalAccessException {
        Set<String> declared = new HashSet<>();
        for (Field field : FailpointNames.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() == String.class && Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers)
                    && Modifier.isFinal(modifiers)) {
                assertTrue(declared.add((String) field.get(null)), "duplicate failpoint name in " + field.getName());
            }
        }
        assertEquals(declared, FailpointNames.ALL);
        assertEquals(84, FailpointNames.ALL.size(), "the reference's engine catalogue has 76 names, its cluster crate 8");
    }

    @Test
    void the_cluster_apply_windows_use_the_reference_spellings() {
        List<String> windows = List.of(FailpointNames.CLUSTER_APPLY_BEFORE_GRAPH_CREATE,
                FailpointNames.CLUSTER_APPLY_AFTER_GRAPH_CREATE, FailpointNames.CLUSTER_APPLY_BEFORE_SCHEMA_APPLY,
                FailpointNames.CLUSTER_APPLY_AFTER_SCHEMA_APPLY, FailpointNames.CLUSTER_APPLY_AFTER_PAYLOAD_PHASE,
                FailpointNames.CLUSTER_APPLY_BEFORE_GRAPH_DELETE, FailpointNames.CLUSTER_APPLY_AFTER_GRAPH_DELETE,
                FailpointNames.CLUSTER_APPLY_BEFORE_STATE_WRITE);
        assertEquals(List.of("cluster_apply.before_graph_create", "cluster_apply.after_graph_create",
                "cluster_apply.before_schema_apply", "cluster_apply.after_schema_apply",
                "cluster_apply.after_payload_phase", "cluster_apply.before_graph_delete",
                "cluster_apply.after_graph_delete", "cluster_apply.before_state_write"), windows);
    }

    @Test
    void names_are_dotted_area_and_step() {
        for (String name : FailpointNames.ALL) {
            assertTrue(AREA_DOT_STEP.matcher(name).matches(), name);
        }
    }

    @Test
    void the_staged_write_windows_use_the_reference_spellings() {
        List<String> windows = List.of(FailpointNames.MUTATION_POST_SIDECAR_PRE_FORK, FailpointNames.MUTATION_POST_TABLE_COMMIT,
                FailpointNames.MUTATION_POST_FINALIZE_PRE_PUBLISHER, FailpointNames.GRAPH_PUBLISH_BEFORE_COMMIT_APPEND,
                FailpointNames.GRAPH_PUBLISH_AFTER_MANIFEST_COMMIT, FailpointNames.RECOVERY_SIDECAR_WRITE,
                FailpointNames.RECOVERY_SIDECAR_CONFIRM, FailpointNames.RECOVERY_SIDECAR_DELETE,
                FailpointNames.RECOVERY_SIDECAR_LIST, FailpointNames.RECOVERY_BEFORE_ROLL_FORWARD_PUBLISH,
                FailpointNames.RECOVERY_POST_TABLE_RESTORE_PRE_PUBLISH, FailpointNames.RECOVERY_RECORD_AUDIT,
                FailpointNames.BRANCH_CREATE_POST_NATIVE, FailpointNames.BRANCH_DELETE_POST_NATIVE,
                FailpointNames.SCHEMA_APPLY_AFTER_MANIFEST_COMMIT, FailpointNames.OPTIMIZE_BEFORE_COMPACT,
                FailpointNames.CLEANUP_TABLE_GC, FailpointNames.INIT_POST_MANIFEST_CREATE);
        assertEquals(List.of("mutation.post_sidecar_pre_fork", "mutation.post_table_commit",
                "mutation.post_finalize_pre_publisher", "graph_publish.before_commit_append",
                "graph_publish.after_manifest_commit", "recovery.sidecar_write", "recovery.sidecar_confirm",
                "recovery.sidecar_delete", "recovery.sidecar_list", "recovery.before_roll_forward_publish",
                "recovery.post_table_restore_pre_publish", "recovery.record_audit", "branch_create.post_native",
                "branch_delete.post_native", "schema_apply.after_manifest_commit", "optimize.before_compact",
                "cleanup.table_gc", "init.post_manifest_create"), windows);
    }
}
