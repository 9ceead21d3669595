/**
 * Driven adapters for storage: object stores (local disk, S3, Azure Blob) and Lance table storage.
 *
 * <p>Layer: adapter (driven). Allowed dependencies: {@code dev.omnigraph.ports}, {@code dev.omnigraph.domain},
 * Lance, Arrow, AWS SDK v2, Azure Blob SDK, Jackson. Never another adapter module.
 */
package dev.omnigraph.adapters.storage;
