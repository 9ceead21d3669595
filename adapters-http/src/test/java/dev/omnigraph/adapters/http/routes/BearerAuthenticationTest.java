package dev.omnigraph.adapters.http.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.ports.in.ServedBranchListResult;
import dev.omnigraph.ports.in.ServedGraphListResult;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The authentication filter hands the {@code Authorization} header, and nothing else, to the use case for
 * {@code /graphs} and every route below it; the caller it gets back is the one every route uses. Health and
 * the API description need no token.
 */
class BearerAuthenticationTest {

    private static ServedHttp http;

    @BeforeAll
    static void start() {
        http = new ServedHttp();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @BeforeEach
    void forgetCalls() {
        http.reset();
    }

    private static void assertUnauthorized(HttpResponse<String> response, String message) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("{\"error\":\"" + message + "\",\"code\":\"unauthorized\"}", response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/graphs", "/graphs/g1/snapshot", "/graphs/g1/branches", "/graphs/g1/commits/c-1"})
    void missingTokenIsUnauthorized(String path) {
        assertUnauthorized(http.get(path), "missing bearer token");
    }

    @Test
    void missingTokenIsRefusedBeforeTheBodyIsLookedAt() {
        assertUnauthorized(http.post("/graphs/g1/query", "not json", "text/plain"), "missing bearer token");
        verify(http.serving, never()).read(any(), any());
    }

    @Test
    void lowerCaseSchemeIsNotABearerToken() {
        assertUnauthorized(http.get("/graphs/g1/branches", "Authorization", "bearer " + ServedHttp.TOKEN),
                "missing bearer token");
        verify(http.serving).authenticate(Optional.of("bearer " + ServedHttp.TOKEN));
    }

    @Test
    void unknownTokenIsUnauthorized() {
        assertUnauthorized(http.get("/graphs/g1/branches", "Authorization", "Bearer guess"), "invalid bearer token");
    }

    @Test
    void validTokenReachesTheRouteAsItsActor() {
        when(http.serving.listBranches(any(), any())).thenReturn(new ServedBranchListResult(List.of("main")));
        assertEquals(200, http.get("/graphs/g1/branches", "Authorization", ServedHttp.BEARER).statusCode());
        verify(http.serving).authenticate(Optional.of(ServedHttp.BEARER));
        verify(http.serving).listBranches(ServedHttp.alice(), "g1");
    }

    @Test
    void actorHeaderCannotPromoteAMissingToken() {
        assertUnauthorized(http.get("/graphs/g1/branches", "X-Actor-Id", ServedHttp.ACTOR), "missing bearer token");
        verify(http.serving).authenticate(Optional.empty());
    }

    @Test
    void actorHeaderCannotChangeTheAuthenticatedActor() {
        when(http.serving.listGraphs(any())).thenReturn(new ServedGraphListResult(List.of()));
        http.get("/graphs", "Authorization", ServedHttp.BEARER, "X-Actor-Id", "act-root", "X-Omnigraph-Actor", "root");
        verify(http.serving).listGraphs(ServedHttp.alice());
    }

    @Test
    void healthAndApiDescriptionNeedNoToken() {
        assertEquals(200, http.get("/healthz").statusCode());
        assertEquals(200, http.get("/openapi.json").statusCode());
        verify(http.serving, never()).authenticate(any());
    }

    @Test
    void openServerPassesTheAnonymousCaller() {
        try (ServedHttp open = new ServedHttp(false)) {
            when(open.serving.listBranches(any(), any())).thenReturn(new ServedBranchListResult(List.of("main")));
            HttpResponse<String> response = open.get("/graphs/g1/branches");
            assertEquals(200, response.statusCode(), response.body());
            verify(open.serving).listBranches(eq(Caller.ANONYMOUS), eq("g1"));
        }
    }
}
