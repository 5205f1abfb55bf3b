package dev.gatehouse.core;

import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialGrant;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.TokenHash;
import dev.gatehouse.ports.out.AuditStore;
import dev.gatehouse.ports.out.CredentialStore;
import dev.gatehouse.ports.out.Storage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A storage that counts credential lookups and writes and audit appends, and keeps every {@code recordUse} batch.
 * Thread-safe.
 */
final class CountingStorage extends ForwardingStorage {

    final AtomicInteger lookupsByHash = new AtomicInteger();
    final AtomicInteger credentialWrites = new AtomicInteger();
    final List<Map<CredentialId, Instant>> recordUseBatches = new CopyOnWriteArrayList<>();
    final AtomicInteger auditAppends = new AtomicInteger();

    private final CredentialStore credentials;
    private final AuditStore audit;

    CountingStorage(Storage delegate) {
        super(delegate);
        this.credentials = new CountingCredentials(delegate.credentials());
        this.audit = countingAudit(delegate.audit());
    }

    @Override
    public CredentialStore credentials() {
        return credentials;
    }

    @Override
    public AuditStore audit() {
        return audit;
    }

    private AuditStore countingAudit(AuditStore store) {
        return new AuditStore() {
            @Override
            public void append(AuditEntry entry) {
                auditAppends.incrementAndGet();
                store.append(entry);
            }

            @Override
            public Optional<AuditEntry> findById(AuditEntryId id) {
                return store.findById(id);
            }

            @Override
            public List<AuditEntry> list(OrganizationId organization, Instant from, Instant to, AuditAction action,
                    int limit) {
                return store.list(organization, from, to, action, limit);
            }
        };
    }

    private final class CountingCredentials implements CredentialStore {
        private final CredentialStore store;

        CountingCredentials(CredentialStore store) {
            this.store = store;
        }

        @Override
        public void insert(Credential credential) {
            credentialWrites.incrementAndGet();
            store.insert(credential);
        }

        @Override
        public void update(Credential credential) {
            credentialWrites.incrementAndGet();
            store.update(credential);
        }

        @Override
        public Optional<Credential> findById(CredentialId id) {
            return store.findById(id);
        }

        @Override
        public Optional<Credential> findByIdForUpdate(CredentialId id) {
            return store.findByIdForUpdate(id);
        }

        @Override
        public Optional<Credential> findByHash(TokenHash hash) {
            return store.findByHash(hash);
        }

        @Override
        public Optional<CredentialGrant> findGrantByHash(TokenHash hash) {
            lookupsByHash.incrementAndGet();
            return store.findGrantByHash(hash);
        }

        @Override
        public List<Credential> listByOrganization(OrganizationId organization, CredentialKind kind) {
            return store.listByOrganization(organization, kind);
        }

        @Override
        public List<Credential> listByProject(ProjectId project, CredentialKind kind) {
            return store.listByProject(project, kind);
        }

        @Override
        public void recordUse(Map<CredentialId, Instant> lastUsed) {
            credentialWrites.incrementAndGet();
            recordUseBatches.add(Map.copyOf(lastUsed));
            store.recordUse(lastUsed);
        }
    }
}
