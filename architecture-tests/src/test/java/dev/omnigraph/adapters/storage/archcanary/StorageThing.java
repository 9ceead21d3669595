package dev.omnigraph.adapters.storage.archcanary;

/** Canary: something inside the storage adapter. */
public class StorageThing {
}
