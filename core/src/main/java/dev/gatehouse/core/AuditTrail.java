package dev.gatehouse.core;

import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.WireEnum;
import dev.gatehouse.ports.model.WireText;
import dev.gatehouse.ports.out.AuditStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Appends audit entries; callers run it inside the unit of work of the change it records. */
final class AuditTrail {

    static final String ORGANIZATION = "organization";
    static final String PROJECT = "project";

    private final AuditStore store;

    AuditTrail(AuditStore store) {
        this.store = store;
    }

    /** The resource type of a credential of {@code kind}, as the audit log names it. */
    static String resourceType(CredentialKind kind) {
        return switch (kind) {
            case API_KEY -> "api_key";
            case WRITE_TOKEN -> "write_token";
            case READ_TOKEN -> "read_token";
        };
    }

    void record(OrganizationId organization, ProjectId project, AuditAction action, String resourceType,
            Object recordId, Principal actor, Instant at, Fields fields) {
        store.append(new AuditEntry(AuditEntryId.random(), organization, project, action, resourceType,
                recordId.toString(), actor == null ? null : actor.credentialId(), at, fields.list()));
    }

    /** The changed fields of one mutation, as text with wire-style names. */
    static final class Fields {
        private final List<FieldChange> changes = new ArrayList<>();

        /** A field given a value by an insert; absent values are not recorded. */
        Fields set(String field, Object value) {
            if (value != null) {
                changes.add(new FieldChange(field, null, text(value)));
            }
            return this;
        }

        /** A field whose value goes from {@code before} to {@code after}; recorded only where they differ. */
        Fields change(String field, Object before, Object after) {
            if (!Objects.equals(before, after)) {
                changes.add(new FieldChange(field, text(before), text(after)));
            }
            return this;
        }

        /** A field removed by a delete. */
        Fields removed(String field, Object before) {
            if (before != null) {
                changes.add(new FieldChange(field, text(before), null));
            }
            return this;
        }

        /** Each field of {@code state} given its value by an insert, in the state's order. */
        Fields setAll(Map<String, ?> state) {
            state.forEach(this::set);
            return this;
        }

        /** Each field of {@code state} removed by a delete, in the state's order. */
        Fields removedAll(Map<String, ?> state) {
            state.forEach(this::removed);
            return this;
        }

        boolean isEmpty() {
            return changes.isEmpty();
        }

        List<FieldChange> list() {
            return List.copyOf(changes);
        }

        private static String text(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof WireEnum wire) {
                return wire.wireName();
            }
            if (value instanceof Instant instant) {
                return WireText.instant(instant);
            }
            if (value instanceof Duration duration) {
                return WireText.duration(duration);
            }
            if (value instanceof Collection<?> collection) {
                Stream<String> items = collection.stream()
                        .map(item -> item instanceof Scope scope ? scope.wireName() : String.valueOf(item));
                // A set has no order of its own, so equal sets read the same; a list's order (recipients, aliases)
                // is part of its value, so a reordering shows.
                return (collection instanceof Set<?> ? items.sorted() : items).collect(Collectors.joining(","));
            }
            return value.toString();
        }
    }
}
