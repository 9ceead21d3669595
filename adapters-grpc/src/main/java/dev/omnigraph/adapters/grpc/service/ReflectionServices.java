package dev.omnigraph.adapters.grpc.service;

import io.grpc.BindableService;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Server reflection, so grpcurl and similar tools discover {@code omnigraph.v1.GraphService}, its messages
 * (the error detail among them) and the health service without the .proto file: the current
 * {@code grpc.reflection.v1} and, for older tools, {@code grpc.reflection.v1alpha}. micronaut-grpc binds
 * every {@link BindableService} bean.
 */
@Factory
final class ReflectionServices {

    @Singleton
    @Named("reflection-v1")
    BindableService reflection() {
        return ProtoReflectionServiceV1.newInstance();
    }

    @Singleton
    @Named("reflection-v1alpha")
    @SuppressWarnings("deprecation") // the v1alpha service is what grpcurl before 1.9 asks for
    BindableService legacyReflection() {
        return ProtoReflectionService.newInstance();
    }
}
