package dev.gatehouse.core;

import dev.gatehouse.core.internal.FailedLoginRecorder;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.DenialReason;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Timestamps;
import dev.gatehouse.ports.out.Storage;
import java.lang.System.Logger.Level;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes one window of refused authentications as at most one {@code FAILED_LOGIN} entry per organization, all in
 * one unit of work. Revoked and expired credentials are blamed on their own organization; malformed and unknown
 * tokens name no organization, so they are recorded in the installation's first (the bootstrapped) organization,
 * whose operators run the installation. Thread-safe.
 */
final class FailedLoginAudit implements Consumer<FailedLoginRecorder.Window> {

    /** The resource type of a failed-login entry: what was presented, a credential. */
    static final String RESOURCE_TYPE = "credential";

    private static final System.Logger LOG = System.getLogger(FailedLoginAudit.class.getName());

    private final Storage storage;

    FailedLoginAudit(Storage storage) {
        this.storage = storage;
    }

    @Override
    public void accept(FailedLoginRecorder.Window window) {
        Map<OrganizationId, Map<DenialReason, Long>> counts = new LinkedHashMap<>(window.byOrganization());
        if (!window.unattributed().isEmpty()) {
            Optional<Organization> first = storage.organizations().list().stream().findFirst();
            if (first.isEmpty()) {
                // Retrying would not help: with no organization there is no audit log to write to.
                LOG.log(Level.WARNING, "Dropped " + window.unattributed() + " failed authentications: no organization");
            } else {
                counts.merge(first.get().id(), window.unattributed(), FailedLoginAudit::sum);
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        storage.transactions().run(() -> counts.forEach((organization, byReason) ->
                storage.audit().append(entry(organization, window, byReason))));
    }

    private static AuditEntry entry(OrganizationId organization, FailedLoginRecorder.Window window,
            Map<DenialReason, Long> byReason) {
        AuditTrail.Fields fields = new AuditTrail.Fields()
                .set("window_start", Timestamps.micros(window.start()))
                .set("window_end", Timestamps.micros(window.end()));
        byReason.forEach((reason, count) -> fields.set(reason.name().toLowerCase(Locale.ROOT), count));
        return new AuditEntry(AuditEntryId.random(), organization, null, AuditAction.FAILED_LOGIN, RESOURCE_TYPE,
                null, null, window.end(), fields.list());
    }

    private static Map<DenialReason, Long> sum(Map<DenialReason, Long> a, Map<DenialReason, Long> b) {
        Map<DenialReason, Long> total = new EnumMap<>(DenialReason.class);
        total.putAll(a);
        b.forEach((reason, count) -> total.merge(reason, count, Long::sum));
        return total;
    }
}
