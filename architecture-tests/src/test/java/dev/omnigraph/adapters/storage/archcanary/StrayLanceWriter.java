package dev.omnigraph.adapters.storage.archcanary;

/** Canary: a storage class other than LanceTableStorage that commits a Lance version. Never run. */
class StrayLanceWriter {
    void sneak(org.lance.Dataset dataset) {
        dataset.delete("id = 'x'");
    }

    io.micronaut.context.ApplicationContext context;
}
