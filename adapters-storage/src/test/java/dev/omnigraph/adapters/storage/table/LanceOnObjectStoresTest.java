package dev.omnigraph.adapters.storage.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.adapters.storage.objectstore.azure.Azurite;
import dev.omnigraph.adapters.storage.objectstore.azure.AzureBlobObjectStores;
import dev.omnigraph.adapters.storage.objectstore.azure.AzureBlobProperties;
import dev.omnigraph.adapters.storage.objectstore.s3.S3ObjectStores;
import dev.omnigraph.adapters.storage.objectstore.s3.S3Properties;
import dev.omnigraph.adapters.storage.objectstore.s3.S3ProxyServer;
import dev.omnigraph.ports.out.Racers;
import dev.omnigraph.ports.out.table.ColumnSpec;
import dev.omnigraph.ports.out.table.ColumnType;
import dev.omnigraph.ports.out.table.RowBatchBuilder;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableSchema;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.ports.out.table.WriteTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lance tables on S3 (S3Proxy) and Azure Blob (Azurite) with nothing but the options
 * {@link LanceStorageOptions} derives from the environment: create, append from two independent
 * instances at once (Lance commits through put-if-absent; an emulator or option set that loses that
 * condition loses commits silently), count, and find the table's files through the object store of the
 * same location. The Azure half is skipped when Azurite is not running (failed on CI).
 */
class LanceOnObjectStoresTest {

    private static final TableSchema PEOPLE = TableSchema.keyedOnId(List.of(
            ColumnSpec.required("id", ColumnType.UTF8), ColumnSpec.nullable("name", ColumnType.UTF8)), Map.of());

    @Test
    void a_table_on_s3_is_written_read_and_appended_concurrently_with_the_derived_options() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start();
             S3ObjectStores files = S3ObjectStores.connect(S3Properties.fromEnvironment(server.environment()))) {
            String bucket = server.newBucket(files);
            exercise(server.environment(), "s3://" + bucket + "/graphs/g1");
            assertTrue(files.open(bucket, "graphs/g1").list("nodes/person/_versions/").size() >= 7);
        }
    }

    @Test
    void a_table_on_azure_blob_is_written_read_and_appended_concurrently_with_the_derived_options() throws Exception {
        String blobUrl = Azurite.blobUrlOrSkip();
        Map<String, String> environment = Azurite.environment(blobUrl);
        AzureBlobObjectStores files = AzureBlobObjectStores.connect(AzureBlobProperties.fromEnvironment(environment));
        String container = Azurite.newContainer(files);
        exercise(environment, "az://" + container + "/graphs/g1");
        assertTrue(files.open(container, "graphs/g1").list("nodes/person/_versions/").size() >= 7);
    }

    /** Two table storages over the location, each deriving Lance's options from the same environment. */
    private static void exercise(Map<String, String> environment, String graphRoot) throws Exception {
        String location = LanceStorageOptions.fromEnvironment(environment).uriOf(graphRoot + "/nodes/person");
        try (TableStorage first = TableStorages.lance(LanceProperties.defaults(), environment);
             TableStorage second = TableStorages.lance(LanceProperties.defaults(), environment)) {
            first.create(location, PEOPLE, new RowBatchBuilder(PEOPLE).addRow("p0", "Ada").build());
            List<TableStorage> writers = List.of(first, second);
            Racers.race(6, racer -> () -> writers.get(racer % 2).append(WriteTarget.unconditional(location, TableRef.MAIN),
                    new RowBatchBuilder(PEOPLE).addRow("p" + (racer + 1), "writer " + racer).build()));
            assertEquals(7, second.count(TableRef.mainLatest(location), TableFilter.ALL));
            assertEquals(7, first.latestVersion(location, TableRef.MAIN));
        }
    }
}
