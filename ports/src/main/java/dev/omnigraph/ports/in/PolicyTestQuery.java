package dev.omnigraph.ports.in;

import java.util.Objects;

/**
 * @param testsName how messages name the test file
 * @param testsSource the test file's YAML ({@code version: 1}, {@code cases: [{id, actor, action, branch?,
 *     target_branch?, expect: allow|deny}]})
 */
public record PolicyTestQuery(PolicyBundleQuery bundle, String testsName, String testsSource) {
    public PolicyTestQuery {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(testsName, "testsName");
        Objects.requireNonNull(testsSource, "testsSource");
    }
}
