/**
 * The {@link dev.omnigraph.ports.out.ObjectStore} adapter on Azure Blob Storage and Azurite (Azure Blob SDK):
 * {@code AzureBlobObjectStore} is package-private and reached through
 * {@link dev.omnigraph.adapters.storage.objectstore.azure.AzureBlobObjectStores}, which owns the service client
 * shared by every store it opens. {@link dev.omnigraph.adapters.storage.objectstore.azure.AzureBlobProperties}
 * turns the {@code AZURE_STORAGE_*} environment variables, handed in as a map, into settings; nothing here
 * reads the process environment.
 *
 * <p>Layer: adapter (driven). Allowed dependencies: ports, the JDK, SLF4J, the Azure Blob SDK
 * ({@code com.azure}) and the Reactor types its pipeline policies use. Never the sibling {@code objectstore}
 * packages (the dispatcher depends on this package, not the other way round).
 */
package dev.omnigraph.adapters.storage.objectstore.azure;
