package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ports.in.ApiKeyUpdate;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Scope;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoRawTokenStoredTest {

    @Test
    void noStoredRecordOrAuditEntryContainsAnyIssuedTokenAfterAFullLifecycle() throws Exception {
        List<String> tokens = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        List<Object> stored = new ArrayList<>();
        try (Installation installation = Installation.create(builder -> builder.pepper(new byte[] {7, 7, 7}))) {
            Issued lifecycle = new Issued(installation, tokens, hashes);
            lifecycle.keep(installation.admin);
            Principal admin = installation.adminPrincipal();
            Project kept = installation.gatehouse.projects().create(admin, NewProject.named("kept"));
            Project doomed = installation.gatehouse.projects().create(admin, NewProject.named("doomed"));

            IssuedCredential orgKey = lifecycle.keep(installation.gatehouse.credentials().createApiKey(admin,
                    new NewApiKey("org", "all projects", Set.of(Scope.PROJECT_READ, Scope.PROJECT_WRITE_TOKEN), null, null)));
            IssuedCredential projectKey = lifecycle.keep(installation.apiKey(admin, Set.of(Scope.PROJECT_READ), kept.id()));
            IssuedCredential write = lifecycle.keep(installation.token(kept.id(), CredentialKind.WRITE_TOKEN));
            IssuedCredential read = lifecycle.keep(installation.token(kept.id(), CredentialKind.READ_TOKEN));
            lifecycle.keep(installation.token(doomed.id(), CredentialKind.WRITE_TOKEN));
            lifecycle.keep(installation.token(doomed.id(), CredentialKind.READ_TOKEN));
            tokens.forEach(token -> installation.gatehouse.verifier().verify(token));

            installation.clock.advance(Duration.ofMinutes(1));
            IssuedCredential rotatedWrite = lifecycle.keep(installation.gatehouse.credentials().rotate(admin,
                    CredentialTarget.token(kept.id(), CredentialKind.WRITE_TOKEN, write.credential().id()),
                    Duration.ofMinutes(5)));
            lifecycle.keep(installation.gatehouse.credentials().rotate(admin,
                    CredentialTarget.apiKey(orgKey.credential().id()), Duration.ZERO));
            installation.gatehouse.credentials().updateApiKey(admin, CredentialTarget.apiKey(projectKey.credential().id()),
                    new ApiKeyUpdate(Change.to("renamed"), Change.to(null)));
            installation.gatehouse.credentials().expire(admin,
                    CredentialTarget.token(kept.id(), CredentialKind.READ_TOKEN, read.credential().id()));
            installation.gatehouse.credentials().revoke(admin,
                    CredentialTarget.token(kept.id(), CredentialKind.WRITE_TOKEN, rotatedWrite.credential().id()));
            installation.gatehouse.projects().delete(admin, doomed.id());
            installation.gatehouse.close();

            for (Organization organization : installation.storage.organizations().list()) {
                stored.add(organization);
                stored.addAll(installation.storage.projects().listByOrganization(organization.id()));
                for (CredentialKind kind : CredentialKind.values()) {
                    stored.addAll(installation.storage.credentials().listByOrganization(organization.id(), kind));
                }
                stored.addAll(installation.auditEntries(organization.id()));
            }
        }

        assertThat(tokens).hasSize(9);
        assertThat(stored).filteredOn(Credential.class::isInstance).hasSize(7);
        assertThat(stored).filteredOn(AuditEntry.class::isInstance).hasSizeGreaterThan(15);
        List<String> texts = new ArrayList<>();
        for (Object record : stored) {
            texts.addAll(texts(record));
        }
        for (String token : tokens) {
            String secret = token.substring("gth_xx_".length());
            assertThat(texts).noneMatch(text -> text.contains(secret));
        }
        List<String> auditTexts = new ArrayList<>();
        for (Object record : stored) {
            if (record instanceof AuditEntry) {
                auditTexts.addAll(texts(record));
            }
        }
        for (String hash : hashes) {
            assertThat(auditTexts).noneMatch(text -> text.contains(hash));
        }
    }

    /** The record's text and the text of each of its fields, down into the changes of an audit entry. */
    private static List<String> texts(Object record) throws ReflectiveOperationException {
        List<String> texts = new ArrayList<>();
        texts.add(record.toString());
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = component.getAccessor().invoke(record);
            texts.add(String.valueOf(value));
            if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof FieldChange change) {
                        texts.add(change.field());
                        texts.add(String.valueOf(change.oldValue()));
                        texts.add(String.valueOf(change.newValue()));
                    }
                }
            }
        }
        return texts;
    }

    /** Remembers every token issued and its stored hash. */
    private record Issued(Installation installation, List<String> tokens, List<String> hashes) {
        IssuedCredential keep(IssuedCredential issued) {
            tokens.add(issued.token());
            hashes.add(issued.credential().tokenHash().hex());
            return issued;
        }
    }
}
