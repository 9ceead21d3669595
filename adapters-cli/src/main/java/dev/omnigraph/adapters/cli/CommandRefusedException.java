package dev.omnigraph.adapters.cli;

/**
 * A command refuses to go on, before touching anything: {@code --cluster}/{@code --graph} do not name what it needs
 * (no ledger, an id not applied, several candidates), a cluster is not servable, tests failed, or a destructive
 * write against a non-local target lacks consent. Reported as {@code omnigraph: error: <message>}, exit 1.
 */
final class CommandRefusedException extends RuntimeException {

    CommandRefusedException(String message) {
        super(message);
    }
}
