/**
 * The {@code omnigraph} command line: picocli commands that parse arguments, call driving ports
 * (use cases) and render results as human text or {@code --json}. No business decisions live here.
 *
 * <p>Layer: adapter (driving). Allowed dependencies: {@code dev.omnigraph.ports}, {@code dev.omnigraph.domain},
 * picocli, the progress-bar library. Never another adapter module.
 */
package dev.omnigraph.adapters.cli;
