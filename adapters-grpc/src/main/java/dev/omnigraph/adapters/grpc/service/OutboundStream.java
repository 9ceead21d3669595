package dev.omnigraph.adapters.grpc.service;

import io.grpc.Context;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * The answer stream of a server-streaming call, written by one producer thread with the client's flow
 * control honoured: {@link #send} blocks while the transport holds more than its ready threshold unsent, so
 * a slow client slows the producer instead of filling the server's memory. Once the client cancels, the
 * deadline passes or the server shuts down, {@link #send} throws {@link CallCancelledException}, which stops
 * the producer (an export stops reading storage).
 *
 * <p>Construct it in the service method itself (gRPC accepts the readiness and cancellation handlers only
 * there), then produce on another thread: the call's own callbacks, readiness among them, are delivered one
 * at a time, so a producer blocking on the call's thread would wait forever.
 */
final class OutboundStream<T> {

    /** A safety net: readiness is signalled, but a missed signal costs at most this long. */
    private static final long READY_POLL_MILLIS = 100;

    private final ServerCallStreamObserver<T> observer;
    private final Context context;
    private final Object readiness = new Object();
    private volatile boolean cancelled;

    /** Thrown to the producer when nobody will read what it sends any more. */
    static final class CallCancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallCancelledException() {
            super("the call was cancelled (client gone, deadline passed or server stopping)");
        }
    }

    OutboundStream(StreamObserver<T> responses) {
        this.observer = (ServerCallStreamObserver<T>) responses;
        this.context = Context.current();
        observer.setOnReadyHandler(this::wake);
        observer.setOnCancelHandler(() -> {
            cancelled = true;
            wake();
        });
    }

    /** Sends one message once the transport is ready for it. */
    void send(T message) {
        awaitReady();
        observer.onNext(message);
    }

    /** Ends the stream successfully. */
    void complete() {
        if (!isCancelled()) {
            observer.onCompleted();
        }
    }

    /** Ends the stream with an error status (also after messages were sent: the client sees it as an error). */
    void fail(Throwable status) {
        if (!isCancelled()) {
            observer.onError(status);
        }
    }

    boolean isCancelled() {
        return cancelled || context.isCancelled();
    }

    /** Throws {@link CallCancelledException} when the call is over. */
    void ensureOpen() {
        if (isCancelled()) {
            throw new CallCancelledException();
        }
    }

    private void awaitReady() {
        ensureOpen();
        synchronized (readiness) {
            while (!observer.isReady()) {
                ensureOpen();
                try {
                    readiness.wait(READY_POLL_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new CallCancelledException();
                }
            }
        }
        ensureOpen();
    }

    private void wake() {
        synchronized (readiness) {
            readiness.notifyAll();
        }
    }
}
