package dev.gatehouse.ports.model;

/**
 * One field of a partial update: either keep the current value, or set a new one (null clears a nullable field).
 *
 * @param <T> the field's type
 */
public sealed interface Change<T> {

    /** Leave the field as it is. */
    @SuppressWarnings("unchecked")
    static <T> Change<T> keep() {
        return (Change<T>) Keep.INSTANCE;
    }

    /** Set the field to {@code value}; null clears it. */
    static <T> Change<T> to(T value) {
        return new SetTo<>(value);
    }

    /** The field's value after this change is applied to {@code current}. */
    T applyTo(T current);

    /** Whether this change sets the field. */
    boolean isSet();

    /** Keeps the current value. */
    final class Keep<T> implements Change<T> {
        private static final Keep<?> INSTANCE = new Keep<>();

        private Keep() {
        }

        @Override
        public T applyTo(T current) {
            return current;
        }

        @Override
        public boolean isSet() {
            return false;
        }

        @Override
        public String toString() {
            return "keep";
        }
    }

    /** Replaces the current value with {@code value}. */
    record SetTo<T>(T value) implements Change<T> {
        @Override
        public T applyTo(T current) {
            return value;
        }

        @Override
        public boolean isSet() {
            return true;
        }
    }
}
