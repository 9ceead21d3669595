package dev.omnigraph.adapters.grpc.service;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Hands the {@code authorization} metadata of every call, and only it, to the call's {@link Context}, where
 * {@link GraphServiceEndpoint} passes it to {@code ServeGraphsUseCase.authenticate}. It decides nothing
 * (health and reflection calls pass untouched) and never logs the value.
 */
@Singleton
final class AuthorizationCapture implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> HEADER = Context.key("omnigraph-authorization");

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        Context context = Context.current().withValue(HEADER, headers.get(AUTHORIZATION));
        return Contexts.interceptCall(context, call, headers, next);
    }

    /** The current call's {@code authorization} value, as the HTTP door passes its header. */
    static Optional<String> current() {
        return Optional.ofNullable(HEADER.get());
    }
}
