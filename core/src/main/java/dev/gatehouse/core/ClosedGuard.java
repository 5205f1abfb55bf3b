package dev.gatehouse.core;

import dev.gatehouse.ports.in.Verifier;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.VerifyResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Objects;

/**
 * Refuses every call on the use cases of a Gatehouse once it is closed, whose write-behind would otherwise drop
 * what those calls record. Thread-safe.
 */
final class ClosedGuard {

    private volatile boolean closed;

    /** Refuses every later call; idempotent. */
    void close() {
        closed = true;
    }

    /** Throws an {@link IllegalStateException} once closed. */
    void requireOpen() {
        if (closed) {
            throw new IllegalStateException("Gatehouse is closed");
        }
    }

    /**
     * {@code service} behind a proxy that checks this guard before each call of a method of {@code port}: every
     * method, also one added to the port later, without a hand-written decorator to keep in step.
     */
    <T> T guard(Class<T> port, T service) {
        Objects.requireNonNull(service, "service");
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (self, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                requireOpen();
            }
            try {
                return method.invoke(service, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return port.cast(proxy);
    }

    /** {@code verifier} behind this guard, without the reflection of {@link #guard}: verification is the hot path. */
    Verifier guard(Verifier verifier) {
        Objects.requireNonNull(verifier, "verifier");
        return new Verifier() {
            @Override
            public VerifyResult verify(String token) {
                requireOpen();
                return verifier.verify(token);
            }

            @Override
            public VerifyResult verify(String token, Scope scope) {
                requireOpen();
                return verifier.verify(token, scope);
            }

            @Override
            public VerifyResult verify(String token, Scope scope, ProjectId project) {
                requireOpen();
                return verifier.verify(token, scope, project);
            }
        };
    }
}
