package dev.omnigraph.application.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Paths in cluster.yaml are resolved as strings (the application does no file I/O of its own), and the
 * resolved paths are what diagnostics, {@code resources[].path} and the storage root show. A wrong fold of
 * {@code ..} or a kept trailing slash would put the ledger or a graph root somewhere else than the
 * reference does for the same config.
 */
class PathResolutionTest {

    @Test
    void relative_paths_resolve_against_the_config_directory_and_fold_dots() {
        assertEquals("/c/people.pg", SourceFiles.resolve("/c", "people.pg"));
        assertEquals("/c/queries", SourceFiles.resolve("/c", "./queries/"));
        assertEquals("/shared/schema.pg", SourceFiles.resolve("/c/ops", "../../shared/./schema.pg"));
        assertEquals("/abs/x.gq", SourceFiles.resolve("/c", "/abs//x.gq"));
        assertEquals("s3://b/p/x.gq", SourceFiles.resolve("/c", "s3://b/p/x.gq"));
        assertEquals("/", SourceFiles.normalize("/.."));
        assertEquals("../x", SourceFiles.normalize("a/../../x"));
    }

    @Test
    void the_storage_root_defaults_to_the_config_directory() {
        assertEquals("/c", ConfigLoader.storageRoot("/c", Optional.empty()));
        assertEquals("/c/state", ConfigLoader.storageRoot("/c", Optional.of("state")));
        assertEquals("/srv/og", ConfigLoader.storageRoot("/c", Optional.of("file:///srv/og")));
        assertEquals("/srv/og", ConfigLoader.storageRoot("/c", Optional.of("/srv/og")));
        assertEquals("s3://bucket/prefix", ConfigLoader.storageRoot("/c", Optional.of("s3://bucket/prefix")));
    }
}
