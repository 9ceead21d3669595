/**
 * The composition root: process entry points ({@code omnigraph}, {@code omnigraph-server}) and the wiring
 * of driving adapters to use cases and of application services to driven adapters. The only package that
 * sees adapters and use cases together.
 *
 * <p>Layer: bootstrap. Allowed dependencies: everything.
 */
package dev.omnigraph.bootstrap;
