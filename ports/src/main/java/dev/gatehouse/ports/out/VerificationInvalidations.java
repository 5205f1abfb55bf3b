package dev.gatehouse.ports.out;

import dev.gatehouse.ports.model.TokenHash;
import java.util.Collection;

/**
 * Tells the other Gatehouse instances sharing a storage which credentials changed, so that they forget their cached
 * verifications of them; a storage that serves one instance only has nothing to tell ({@link #none()}).
 */
public interface VerificationInvalidations {

    /**
     * Announces that the credentials with these token hashes changed. Inside a unit of work the announcement leaves
     * when the unit commits, and never if it rolls back; outside one it leaves at once.
     */
    void publish(Collection<TokenHash> hashes);

    /** Delivers the announcements of every instance to {@code subscriber}, on a thread of its own, until closed. */
    Subscription subscribe(Subscriber subscriber);

    /** Nothing announced, nothing delivered: for storage that only one instance uses. */
    static VerificationInvalidations none() {
        return Unshared.INSTANCE;
    }

    /** What an instance does with the announcements; called on the delivering thread, one call at a time. */
    interface Subscriber {

        /** The credentials with these hashes changed. */
        void forget(Collection<TokenHash> hashes);

        /** Announcements may have been missed, for instance while a connection was lost: forget every hash. */
        void forgetAll();
    }

    /** A running subscription; closing it stops the deliveries and waits for the delivering thread to end. */
    interface Subscription extends AutoCloseable {

        @Override
        void close();
    }

    /** The storage of a single instance, which has nobody to tell. */
    enum Unshared implements VerificationInvalidations, Subscription {
        INSTANCE;

        @Override
        public void publish(Collection<TokenHash> hashes) {
        }

        @Override
        public Subscription subscribe(Subscriber subscriber) {
            return this;
        }

        @Override
        public void close() {
        }
    }
}
