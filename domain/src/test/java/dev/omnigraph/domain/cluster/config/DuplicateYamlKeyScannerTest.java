package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: YAML parsers keep the last of two equal keys silently, so a duplicated
 * {@code schema:} would change what is deployed without any error. The scan runs on raw text
 * before parsing, like the reference's.
 */
class DuplicateYamlKeyScannerTest {

    @Test
    void findsDuplicatesAtEveryLevelWithTheirPathAndLine() {
        String yaml = """
                version: 1
                graphs:
                  people:
                    schema: a.pg
                    schema: b.pg
                  people:
                    schema: c.pg
                """;
        assertEquals(List.of(
                ClusterDiagnostic.error(ClusterCodes.DUPLICATE_YAML_KEY, "graphs.people.schema",
                        "duplicate YAML key `schema` on line 5"),
                ClusterDiagnostic.error(ClusterCodes.DUPLICATE_YAML_KEY, "graphs.people",
                        "duplicate YAML key `people` on line 6")), DuplicateYamlKeyScanner.scan(yaml));
    }

    @Test
    void sequenceItemsAreSeparateMappings() {
        String yaml = """
                graphs:
                  g:
                    external_blobs:
                      allow:
                        - base: s3://a/
                          scope: server_safe
                        - base: s3://b/
                          scope: server_safe
                          scope: embedded_only
                """;
        List<ClusterDiagnostic> diagnostics = DuplicateYamlKeyScanner.scan(yaml);
        assertEquals(1, diagnostics.size());
        assertEquals("graphs.g.external_blobs.allow[].scope", diagnostics.get(0).path());
        assertTrue(diagnostics.get(0).message().endsWith("line 9"));
    }

    @Test
    void siblingsUnderDifferentParentsAndCommentsAreFine() {
        String yaml = """
                graphs:   # the graphs
                  a:
                    schema: a.pg
                  b:
                    schema: b.pg # schema: dup in a comment
                # schema: top-level comment
                policies:
                  p: { file: "x#y.yaml", applies_to: [cluster] }
                """;
        assertEquals(List.of(), DuplicateYamlKeyScanner.scan(yaml));
    }

    @Test
    void commentsStartOnlyOutsideQuotes() {
        assertEquals("a: 'x#y' ", DuplicateYamlKeyScanner.stripComment("a: 'x#y' # c"));
        assertEquals("a: \"x\\\"#y\"", DuplicateYamlKeyScanner.stripComment("a: \"x\\\"#y\""));
    }
}
