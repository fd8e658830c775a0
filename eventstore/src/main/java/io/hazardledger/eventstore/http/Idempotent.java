package io.hazardledger.eventstore.http;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command endpoint (returning {@code Uni<Response>}) as honouring the {@value IdempotencyInterceptor#KEY_HEADER}
 * header: a retry with the same key and request gets the first answer and runs nothing. See
 * {@link IdempotencyInterceptor}.
 */
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {
}
