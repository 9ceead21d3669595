package dev.omnigraph.adapters.storage.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.ports.out.table.ColumnSpec;
import dev.omnigraph.ports.out.table.ColumnType;
import dev.omnigraph.ports.out.table.RowBatchBuilder;
import dev.omnigraph.ports.out.table.ScanCursor;
import dev.omnigraph.ports.out.table.ScanRequest;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableSchema;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.ports.out.table.TableStorageContract;
import dev.omnigraph.ports.out.table.TableStorageUnavailableException;
import dev.omnigraph.ports.out.table.WriteTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lance.Dataset;
import org.lance.ReadOptions;
import org.lance.schema.LanceField;

/**
 * Runs the {@link TableStorageContract} on real Lance datasets in a temporary folder, and checks what the
 * contract cannot see from the port: the on-disk layout Lance-reading tools (and the reference
 * implementation) rely on (file format 2.2, stable row ids, the unenforced primary key) and that no Arrow
 * memory outlives a closed cursor.
 */
class LanceTableStorageTest extends TableStorageContract {

    @TempDir
    Path root;

    private int tables;

    @Override
    protected TableStorage newStorage() {
        return TableStorages.lance(LanceProperties.defaults());
    }

    @Override
    protected String newLocation(String name) {
        return root.resolve(name + "-" + (tables++)).toString();
    }

    @Test
    void tables_are_created_in_format_2_2_with_stable_row_ids_and_the_unenforced_primary_key() throws Exception {
        String location = newLocation("layout");
        storage.create(location, PEOPLE, rows(PEOPLE, new Object[] {"p1", "Ada", 36L}));
        storage.upsert(WriteTarget.unconditional(location, TableRef.MAIN), rows(PEOPLE, new Object[] {"p2", "Bo", 1L}));
        storage.append(WriteTarget.unconditional(location, TableRef.MAIN), rows(PEOPLE, new Object[] {"p3", "Cy", 2L}));
        try (RootAllocator allocator = new RootAllocator();
             Dataset dataset = Dataset.open(allocator, location, new ReadOptions.Builder().build())) {
            assertEquals("2.2", dataset.getLanceFileFormatVersion());
            assertTrue(dataset.hasStableRowIds());
            assertEquals(List.of("id"), dataset.getLanceSchema().getUnenforcedPrimaryKey().stream().map(LanceField::getName).toList());
            assertEquals("6", dataset.getSchema().getCustomMetadata().get("omnigraph:internal_schema_version"));
            assertEquals(3, dataset.countRows());
        }
        assertTrue(Files.isDirectory(Path.of(location, "_versions")));
    }

    @Test
    void branches_live_under_the_tables_tree_folder() {
        String location = newLocation("layout");
        storage.create(location, PEOPLE, rows(PEOPLE, new Object[] {"p1", "Ada", 36L}));
        storage.createBranch(location, "feature/x", TableRef.mainLatest(location));
        storage.append(WriteTarget.unconditional(location, "feature/x"), rows(PEOPLE, new Object[] {"p2", "Bo", 1L}));
        assertTrue(Files.isDirectory(Path.of(location, "tree", "feature", "x")));
    }

    @Test
    void closing_with_an_open_cursor_is_refused_until_the_cursor_is_closed() {
        TableStorage leaky = newStorage();
        String location = newLocation("leak");
        leaky.create(location, PEOPLE, rows(PEOPLE, new Object[] {"p1", "Ada", 36L}));
        ScanCursor cursor = leaky.scan(TableRef.mainLatest(location), ScanRequest.everything());
        cursor.next();
        assertThrows(TableStorageUnavailableException.class, leaky::close);
        assertEquals(1, leaky.count(TableRef.mainLatest(location), TableFilter.ALL), "a refused close leaves the instance usable");
        cursor.close();
        leaky.close();
    }

    @Test
    void a_table_without_a_primary_key_accepts_appends_only() {
        TableSchema log = new TableSchema(List.of(ColumnSpec.nullable("line", ColumnType.UTF8)), Optional.empty(), Map.of());
        String location = newLocation("log");
        storage.create(location, log, RowBatchBuilder.empty(log));
        storage.append(WriteTarget.unconditional(location, TableRef.MAIN), rows(log, new Object[] {"x"}, new Object[] {"x"}));
        assertEquals(2, storage.count(TableRef.mainLatest(location), TableFilter.eq("line", "x")));
    }
}
