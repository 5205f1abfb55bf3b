package dev.gatehouse.benchmarks;

import dev.gatehouse.ports.out.CredentialStore;
import dev.gatehouse.ports.out.Storage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps a storage so that the verification lookups ({@code CredentialStore.findGrantByHash}) are counted, and so that
 * {@code last_used_at} batches can be dropped instead of written, leaving the wrapped storage's memory untouched by
 * a flush. Everything else passes through, whatever stores the storage port has. Thread-safe.
 */
final class CountingStorage {

    private final Storage storage;
    private final AtomicLong lookups = new AtomicLong();

    /** Counts lookups and passes everything on. */
    CountingStorage(Storage delegate) {
        this(delegate, true);
    }

    /** Counts lookups; passes {@code last_used_at} batches on only where {@code recordUses}. */
    CountingStorage(Storage delegate, boolean recordUses) {
        CredentialStore credentials = proxy(CredentialStore.class, delegate.credentials(), (method, args) -> {
            if (method.getName().equals("findGrantByHash")) {
                lookups.incrementAndGet();
            }
            return !recordUses && method.getName().equals("recordUse");
        });
        this.storage = proxy(Storage.class, delegate, (method, args) -> false, "credentials", credentials);
    }

    /** The wrapping storage; closing it closes the wrapped one. */
    Storage storage() {
        return storage;
    }

    /** Verification lookups so far. */
    long lookups() {
        return lookups.get();
    }

    /** Decides, before a call passes through, whether to swallow it (void methods only) instead. */
    @FunctionalInterface
    private interface Interceptor {
        boolean swallow(Method method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, T delegate, Interceptor interceptor) {
        return proxy(type, delegate, interceptor, null, null);
    }

    private static <T> T proxy(Class<T> type, T delegate, Interceptor interceptor, String replacedAccessor,
            Object replacement) {
        InvocationHandler handler = (self, method, args) -> {
            if (method.getName().equals(replacedAccessor) && method.getParameterCount() == 0) {
                return replacement;
            }
            if (interceptor.swallow(method, args)) {
                return null;
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
