package dev.omnigraph.application.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Exports share a root; deleting it is refused while any export streams it, and an export while it is deleted. */
class ExportRootExclusionTest {

    @Test
    void exports_share_a_root_and_a_delete_is_refused_until_the_last_one_ends() {
        String root = "s3://bucket/ops/graphs/a.omni";
        ExportRootExclusion.Held first = ExportRootExclusion.enterExport(root);
        ExportRootExclusion.Held second = ExportRootExclusion.enterExport(root + "/");
        assertThrows(ExportRootExclusion.RootBusyException.class, () -> ExportRootExclusion.reserveForDelete(root));
        first.close();
        first.close(); // idempotent: must not release the second export's share
        assertThrows(ExportRootExclusion.RootBusyException.class, () -> ExportRootExclusion.reserveForDelete(root));
        second.close();
        try (ExportRootExclusion.Held deleting = ExportRootExclusion.reserveForDelete(root)) {
            assertThrows(ExportRootExclusion.RootBusyException.class, () -> ExportRootExclusion.enterExport(root));
            assertThrows(ExportRootExclusion.RootBusyException.class, () -> ExportRootExclusion.reserveForDelete(root));
            ExportRootExclusion.enterExport("s3://bucket/ops/graphs/b.omni").close(); // another root is free
        }
        ExportRootExclusion.enterExport(root).close();
    }

    @Test
    void a_local_root_has_one_spelling() {
        Path absolute = Path.of("graphs/a.omni").toAbsolutePath();
        assertEquals(absolute.toString(), ExportRootExclusion.normalise("graphs/./a.omni"));
        assertEquals(absolute.toString(), ExportRootExclusion.normalise(absolute.toUri().toString()));
        assertEquals("az://c/ops/graphs/a.omni", ExportRootExclusion.normalise("az://c/ops/graphs/a.omni//"));
        assertEquals("/srv/ops/graphs/a.omni", ExportRootExclusion.normalise("/srv/ops/tmp/../graphs//a.omni/"));
    }
}
