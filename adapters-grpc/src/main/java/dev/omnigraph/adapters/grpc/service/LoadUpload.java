package dev.omnigraph.adapters.grpc.service;

import dev.omnigraph.adapters.grpc.v1.LoadRequest;
import dev.omnigraph.adapters.grpc.v1.LoadResult;
import dev.omnigraph.adapters.grpc.v1.LoadTarget;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.ApiErrorCode;
import dev.omnigraph.domain.serving.ApiErrorDetail;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.domain.serving.ServingException;
import dev.omnigraph.ports.in.ServeGraphsUseCase;
import dev.omnigraph.ports.in.ServedLoadCommand;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The receiving side of one {@code Load} call: the caller is authenticated when the call starts (before any
 * record is read, as HTTP authenticates before reading a body), the first message names the target, the
 * chunks that follow are joined up to {@value #LIMIT_BYTES} bytes (HTTP's load limit; beyond it the call is
 * refused with a {@code graph_batch_request_bytes} resource limit), and the half-close runs the load through
 * the use case. After a refusal every further message is ignored.
 */
final class LoadUpload implements StreamObserver<LoadRequest> {

    /** HTTP's limit for {@code /load} and {@code /load/ndjson}. */
    static final int LIMIT_BYTES = 32 * 1024 * 1024;
    static final String LIMIT_RESOURCE = "graph_batch_request_bytes";

    private final ServeGraphsUseCase serving;
    private final StreamObserver<LoadResult> responses;
    private Caller caller;
    private LoadTarget target;
    private ByteArrayOutputStream records = new ByteArrayOutputStream();
    private long received;
    private boolean finished;

    LoadUpload(ServeGraphsUseCase serving, StreamObserver<LoadResult> responses) {
        this.serving = serving;
        this.responses = responses;
        try {
            caller = serving.authenticate(AuthorizationCapture.current());
        } catch (RuntimeException refused) {
            refuse(refused);
        }
    }

    @Override
    public void onNext(LoadRequest message) {
        if (finished) {
            return;
        }
        try {
            switch (message.getPartCase()) {
                case TARGET -> {
                    if (target != null) {
                        throw new ServingException(ApiError.badRequest("only the first load message names the target"));
                    }
                    RequestArguments.graphId(message.getTarget().getGraphId());
                    RequestArguments.loadMode(message.getTarget().getMode());
                    target = message.getTarget();
                }
                case NDJSON -> {
                    if (target == null) {
                        throw new ServingException(ApiError.badRequest("the first load message must name the target"));
                    }
                    received += message.getNdjson().size();
                    if (received > LIMIT_BYTES) {
                        throw new ServingException(ApiError.of(413, ApiErrorCode.BAD_REQUEST,
                                "request body exceeds the limit of " + LIMIT_BYTES + " bytes")
                                .withDetail(new ApiErrorDetail.ResourceLimit(LIMIT_RESOURCE, LIMIT_BYTES, received)));
                    }
                    message.getNdjson().writeTo(records);
                }
                case PART_NOT_SET -> throw new ServingException(ApiError.badRequest("a load message carries neither a target nor records"));
            }
        } catch (RuntimeException | java.io.IOException refused) {
            refuse(refused);
        }
    }

    @Override
    public void onError(Throwable cancelled) {
        // the client went away or the deadline passed: nothing was loaded, drop what was received
        finished = true;
        records = null;
    }

    @Override
    public void onCompleted() {
        if (finished) {
            return;
        }
        finished = true;
        if (Context.current().isCancelled()) {
            return;
        }
        try {
            if (target == null) {
                throw new ServingException(ApiError.badRequest("the first load message must name the target"));
            }
            String jsonl = utf8(records.toByteArray());
            records = null;
            LoadResult result = ResultMessages.load(serving.load(caller, new ServedLoadCommand(target.getGraphId(),
                    jsonl, RequestArguments.optional(target.getBranch()), RequestArguments.optional(target.getFrom()),
                    RequestArguments.loadMode(target.getMode()))));
            responses.onNext(result);
            responses.onCompleted();
        } catch (RuntimeException refused) {
            responses.onError(RefusalStatus.of(refused, "Load"));
        }
    }

    private void refuse(Exception refused) {
        finished = true;
        records = null;
        responses.onError(RefusalStatus.of(refused, "Load"));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new ServingException(ApiError.badRequest("graph-batch request body must be valid UTF-8"), notUtf8);
        }
    }
}
