package dev.omnigraph.bootstrap;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * A port implementation created on first use. The Lance table storage loads a large native library when
 * it starts; commands that never touch a table ({@code --help}, {@code lint}, {@code schema check}) must
 * not pay for it. Closing a port that was never used does not start it.
 */
final class Deferred {

    private Deferred() {}

    static <T> T of(Class<T> port, Supplier<T> factory) {
        InvocationHandler handler = new InvocationHandler() {
            private volatile T target;

            @Override
            public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
                if (method.getDeclaringClass() == Object.class) {
                    return switch (method.getName()) {
                        case "toString" -> "Deferred[" + port.getSimpleName() + "]";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new IllegalStateException("unexpected Object method " + method);
                    };
                }
                if (target == null && method.getName().equals("close") && method.getParameterCount() == 0) {
                    return null; // never started, nothing to release
                }
                try {
                    return method.invoke(target(), args);
                } catch (InvocationTargetException thrown) {
                    throw thrown.getCause();
                }
            }

            private T target() {
                T current = target;
                if (current == null) {
                    synchronized (this) {
                        current = target;
                        if (current == null) {
                            current = factory.get();
                            target = current;
                        }
                    }
                }
                return current;
            }
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }
}
