/**
 * Driven adapters for text embeddings: OpenAI-compatible and Gemini HTTP providers and a deterministic
 * local provider for offline use and tests, behind the {@code EmbeddingProvider} port.
 *
 * <p>Layer: adapter (driven). Allowed dependencies: ports, domain, the JDK HTTP client, Jackson.
 */
package dev.omnigraph.adapters.embedding;
