package io.hazardledger.eventstore.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@value #KEY_HEADER} on an {@link Idempotent} endpoint: the first request with a key runs and its answer is kept;
 * a retry with the same key and request gets that answer again, marked {@value #REPLAYED_HEADER}, and runs nothing;
 * the same key with another request is a 422. A request that fails before its command committed leaves its key free;
 * one whose command committed keeps it ({@link IdempotentCommit}). Without the header the endpoint runs as usual.
 */
@Idempotent
@Interceptor
// After bean validation (PLATFORM_AFTER + 800): a request refused there never touches its key.
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class IdempotencyInterceptor {
    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    @Inject
    CurrentVertxRequest currentRequest;
    @Inject
    IdempotencyKeys keys;
    @Inject
    ObjectMapper json;

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        HttpServerRequest request = currentRequest.getCurrent().request();
        String key = request.getHeader(KEY_HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(KEY_HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters, not blank");
        }
        String fingerprint = fingerprint(request, invocation.getParameters());
        return keys.claim(key, fingerprint).chain(stored -> stored.isPresent()
                ? Uni.createFrom().item(stored.get().replay())
                : run(invocation, key));
    }

    private Uni<Response> run(InvocationContext invocation, String key) {
        return Uni.createFrom().deferred(() -> {
                    IdempotentCommit.hold(key);
                    return proceed(invocation);
                })
                .onFailure().call(() -> keys.release(key))
                .call(response -> response.getStatus() < 400
                        ? keys.complete(key, StoredAnswer.of(response, json))
                        : keys.release(key));
    }

    @SuppressWarnings("unchecked")
    private static Uni<Response> proceed(InvocationContext invocation) {
        try {
            return (Uni<Response>) invocation.proceed();
        } catch (Exception e) { // thrown before the endpoint built its Uni, e.g. a rule of the domain
            return Uni.createFrom().failure(e);
        }
    }

    /** SHA-256 of method, path and the endpoint's arguments as JSON: what "the same request" means. */
    private String fingerprint(HttpServerRequest request, Object[] arguments) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.method().name() + ' ' + request.path() + '\n').getBytes(StandardCharsets.UTF_8));
            sha256.update(json.writeValueAsBytes(arguments == null ? new Object[0] : arguments));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Request to " + request.path() + " cannot be fingerprinted", e);
        }
    }
}
