package org.lance;

import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.ports.out.table.ColumnSpec;
import dev.omnigraph.ports.out.table.ColumnType;
import dev.omnigraph.ports.out.table.RowBatchBuilder;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableSchema;
import dev.omnigraph.ports.out.table.TableStorage;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Child-JVM body of {@link JniLoaderTest}: loads Lance through whichever {@code JniLoader} the class
 * path provides, runs a first table operation, and reports where the library came from and how long
 * the start took. Arguments: a folder for the table.
 */
public final class JniCacheProbe {

    private JniCacheProbe() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis();
        long loadStart = System.nanoTime();
        JniLoader.ensureLoaded();
        long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
        out.println("LOADER " + JniLoader.class.getProtectionDomain().getCodeSource().getLocation());
        out.println("LOADED " + loadedFromOrNone());
        out.println("EXTRACTED " + extractedOrFalse());
        TableSchema schema = TableSchema.keyedOnId(List.of(ColumnSpec.required("id", ColumnType.UTF8)), Map.of());
        try (TableStorage storage = TableStorages.lance(LanceProperties.defaults())) {
            String location = args[0] + "/t";
            storage.create(location, schema, new RowBatchBuilder(schema).addRow("a").build());
            long rows = storage.count(TableRef.mainLatest(location), TableFilter.ALL);
            long done = System.currentTimeMillis();
            out.println("ROWS " + rows);
            out.println("TIMING jvm->main=" + (mainAt - jvmStart) + "ms load=" + loadMs + "ms jvm->first-op-done=" + (done - jvmStart) + "ms");
        }
    }

    /** Tolerates the stock lance-core loader (used when timing the unpatched start), which lacks these methods. */
    private static Object loadedFromOrNone() {
        try {
            return JniLoader.class.getMethod("loadedFrom").invoke(null);
        } catch (ReflectiveOperationException e) {
            return "stock-loader";
        }
    }

    private static Object extractedOrFalse() {
        try {
            return JniLoader.class.getMethod("extractedThisRun").invoke(null);
        } catch (ReflectiveOperationException e) {
            return "stock-loader";
        }
    }
}
