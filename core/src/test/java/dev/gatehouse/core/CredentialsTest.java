package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.in.ApiKeyUpdate;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.Credentials;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.CredentialView;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.GatewayProxyClaims;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import dev.gatehouse.ports.model.Timestamps;
import dev.gatehouse.ports.model.VerifyResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private final Installation installation = Installation.create();
    private final Credentials credentials = installation.gatehouse.credentials();
    private final Principal operator = installation.operator;

    @AfterEach
    void close() {
        installation.close();
    }

    @Test
    void anApiKeyIsCreatedWithItsTokenOnceAndAudited() {
        Project project = installation.project("checkout");
        Principal admin = installation.adminPrincipal();
        Instant expiry = installation.clock.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MICROS);

        IssuedCredential issued = credentials.createApiKey(admin, new NewApiKey("ci", "deploys",
                Set.of(Scope.PROJECT_READ, Scope.PROJECT_WRITE), project.id(), expiry));

        Credential key = issued.credential();
        assertThat(issued.token()).startsWith("gth_ak_");
        assertThat(key.kind()).isEqualTo(CredentialKind.API_KEY);
        assertThat(key.name()).isEqualTo("ci");
        assertThat(key.description()).isEqualTo("deploys");
        assertThat(key.scopes()).containsExactlyInAnyOrder(Scope.PROJECT_READ, Scope.PROJECT_WRITE);
        assertThat(key.projectId()).isEqualTo(project.id());
        assertThat(key.expiresAt()).isEqualTo(expiry);
        assertThat(key.createdBy()).isEqualTo(admin.credentialId());
        assertThat(key.tokenPrefix()).isEqualTo(issued.token().substring(0, 12));
        assertThat(issued.view().projectName()).isEqualTo("checkout");
        assertThat(issued.view().createdByName()).isEqualTo("admin");
        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(installation.principal(issued.token()).scopes())
                .containsExactlyInAnyOrder(Scope.PROJECT_READ, Scope.PROJECT_WRITE);

        AuditEntry entry = installation.lastAuditEntryOf(key.id());
        assertThat(entry.action()).isEqualTo(AuditAction.INSERT);
        assertThat(entry.resourceType()).isEqualTo("api_key");
        assertThat(entry.actorId()).isEqualTo(admin.credentialId());
        assertThat(entry.projectId()).isEqualTo(project.id());
        assertThat(entry.changes()).containsExactly(
                new FieldChange("name", null, "ci"),
                new FieldChange("description", null, "deploys"),
                new FieldChange("scopes", null, "project:read,project:write"),
                new FieldChange("project_id", null, project.id().toString()),
                new FieldChange("expires_at", null, expiry.toString()));
    }

    @Test
    void anExpiryThatIsNotInTheFutureIsInvalidAndCreatesNothing() {
        Project project = installation.project("checkout");
        Instant now = installation.clock.instant();
        int entries = installation.auditEntries().size();

        assertThatThrownBy(() -> credentials.createApiKey(operator,
                new NewApiKey("ci", null, Set.of(Scope.PROJECT_READ), null, now.minusSeconds(1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("expires_at"));
        assertThatThrownBy(() -> credentials.createToken(operator,
                new NewProjectToken(project.id(), CredentialKind.WRITE_TOKEN, null, now)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("expires_at"));

        assertThat(installation.auditEntries()).hasSize(entries);
        assertThat(credentials.listApiKeys(operator)).hasSize(1);
        assertThat(credentials.listTokens(operator, project.id(), CredentialKind.WRITE_TOKEN)).isEmpty();
    }

    @Test
    void anExpiryAfterYear9999IsInvalidAndCreatesNothing() {
        Project project = installation.project("checkout");
        Instant afterYear9999 = Timestamps.LATEST.plusNanos(1_000);
        int entries = installation.auditEntries().size();

        assertThatThrownBy(() -> credentials.createApiKey(operator,
                new NewApiKey("ci", null, Set.of(Scope.PROJECT_READ), null, afterYear9999)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("expires_at"));
        assertThatThrownBy(() -> credentials.createToken(operator,
                new NewProjectToken(project.id(), CredentialKind.WRITE_TOKEN, null, Instant.MAX)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("expires_at"));
        IssuedCredential last = credentials.createApiKey(operator,
                new NewApiKey("ci", null, Set.of(Scope.PROJECT_READ), null, Timestamps.LATEST));

        assertThat(installation.auditEntries()).hasSize(entries + 1);
        assertThat(credentials.listApiKeys(operator)).hasSize(2);
        assertThat(installation.gatehouse.verifier().verify(last.token())).isInstanceOf(VerifyResult.Verified.class);
    }

    @Test
    void creatingAnApiKeyNeedsTheCreateScopeAndAnExistingVisibleProject() {
        Principal creator = installation.keyHolding(Set.of(Scope.PROJECT_READ), null);
        Project foreign = installation.gatehouse.projects().create(Principal.operator(installation.otherOrganization()),
                NewProject.named("foreign"));

        assertThatThrownBy(() -> installation.apiKey(creator, Set.of(Scope.PROJECT_READ), null))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.missingScope()).isEqualTo(Scope.ORGANIZATION_CREATE_API_KEY));
        assertThatThrownBy(() -> installation.apiKey(operator, Set.of(Scope.PROJECT_READ), foreign.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listingApiKeysShowsTheBoundCallersOwnKeysOnly() {
        Project checkout = installation.project("checkout");
        Project billing = installation.project("billing");
        installation.clock.advance(Duration.ofSeconds(1));
        IssuedCredential checkoutKey = installation.apiKey(operator, Set.of(Scope.ORGANIZATION_READ_API_KEY), checkout.id());
        installation.clock.advance(Duration.ofSeconds(1));
        IssuedCredential billingKey = installation.apiKey(operator, Set.of(Scope.PROJECT_READ), billing.id());
        Principal bound = installation.principal(checkoutKey.token());

        assertThat(credentials.listApiKeys(operator)).extracting(view -> view.credential().id())
                .containsExactly(installation.admin.credential().id(), checkoutKey.credential().id(),
                        billingKey.credential().id());
        assertThat(credentials.listApiKeys(bound)).extracting(view -> view.credential().id())
                .containsExactly(checkoutKey.credential().id());
        assertThat(credentials.listApiKeys(bound).get(0).projectName()).isEqualTo("checkout");
        assertThatThrownBy(() -> credentials.listApiKeys(installation.principal(billingKey.token())))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.missingScope()).isEqualTo(Scope.ORGANIZATION_READ_API_KEY));
    }

    @Test
    void createdByNameIsTheCreatingKeysNameAndNullForOperators() {
        Principal admin = installation.adminPrincipal();
        IssuedCredential byAdmin = installation.apiKey(admin, Set.of(Scope.PROJECT_READ), null);
        IssuedCredential byOperator = installation.apiKey(operator, Set.of(Scope.PROJECT_READ), null);

        List<CredentialView> views = credentials.listApiKeys(operator);

        assertThat(views).filteredOn(view -> view.credential().id().equals(byAdmin.credential().id()))
                .singleElement().extracting(CredentialView::createdByName).isEqualTo("admin");
        assertThat(views).filteredOn(view -> view.credential().id().equals(byOperator.credential().id()))
                .singleElement().extracting(CredentialView::createdByName).isNull();
        assertThat(byOperator.view().createdByName()).isNull();
    }

    @Test
    void anApiKeyIsRenamedAndTheChangeAudited() {
        IssuedCredential key = installation.apiKey(operator, Set.of(Scope.PROJECT_READ), null);
        installation.clock.advance(Duration.ofMinutes(1));
        Principal admin = installation.adminPrincipal();

        CredentialView renamed = credentials.updateApiKey(admin, CredentialTarget.apiKey(key.credential().id()),
                new ApiKeyUpdate(Change.to("renamed"), Change.to("now described")));

        assertThat(renamed.credential().name()).isEqualTo("renamed");
        assertThat(renamed.credential().description()).isEqualTo("now described");
        assertThat(renamed.credential().updatedBy()).isEqualTo(admin.credentialId());
        assertThat(renamed.credential().updatedAt()).isEqualTo(installation.clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(renamed.credential().tokenHash()).isEqualTo(key.credential().tokenHash());
        AuditEntry entry = installation.lastAuditEntryOf(key.credential().id());
        assertThat(entry.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(entry.changes()).containsExactly(new FieldChange("name", "key", "renamed"),
                new FieldChange("description", null, "now described"));
        assertThat(installation.principal(key.token()).credentialId()).isEqualTo(key.credential().id());
    }

    @Test
    void claimsAreKeptAuditedReplacedAndCarriedByARotation() {
        ScopeClaims limited = new ScopeClaims(new GatewayProxyClaims(100L, null, null, 5_000L, true));
        IssuedCredential key = credentials.createApiKey(operator, new NewApiKey("gateway", null,
                Set.of(Scope.PROJECT_GATEWAY_PROXY), null, null, limited));
        CredentialTarget target = CredentialTarget.apiKey(key.credential().id());
        String limitedText = "{\"project:gateway_proxy\": {\"spending_limit_daily\": 100, \"spending_limit_weekly\": null,"
                + " \"spending_limit_monthly\": null, \"spending_limit_total\": 5000, \"cache_enabled\": true}}";

        assertThat(stored(key).claims()).isEqualTo(limited);
        assertThat(installation.lastAuditEntryOf(key.credential().id()).changes())
                .contains(new FieldChange("claims", null, limitedText));

        installation.clock.advance(Duration.ofMinutes(1));
        ScopeClaims weekly = new ScopeClaims(new GatewayProxyClaims(null, 7L, null, null, null));
        CredentialView updated = credentials.updateApiKey(operator, target,
                new ApiKeyUpdate(Change.keep(), Change.keep(), Change.to(weekly)));
        assertThat(updated.credential().claims()).isEqualTo(weekly);
        assertThat(updated.credential().name()).isEqualTo("gateway");
        assertThat(installation.lastAuditEntryOf(key.credential().id()).changes()).singleElement()
                .satisfies(change -> assertThat(change.field()).isEqualTo("claims"))
                .satisfies(change -> assertThat(change.oldValue()).isEqualTo(limitedText));

        IssuedCredential successor = credentials.rotate(operator, target, null);
        assertThat(stored(successor).claims()).isEqualTo(weekly);

        installation.clock.advance(Duration.ofMinutes(1));
        CredentialView cleared = credentials.updateApiKey(operator, CredentialTarget.apiKey(successor.credential().id()),
                new ApiKeyUpdate(Change.keep(), Change.keep(), Change.to(ScopeClaims.NONE)));
        assertThat(cleared.credential().claims()).isEqualTo(ScopeClaims.NONE);
        assertThat(installation.lastAuditEntryOf(successor.credential().id()).changes()).singleElement()
                .satisfies(change -> assertThat(change.newValue()).isNull());
    }

    @Test
    void claimsNeedTheScopeTheyAreForAndAFailedAttemptChangesNothing() {
        ScopeClaims limited = new ScopeClaims(new GatewayProxyClaims(1L, null, null, null, null));
        IssuedCredential reader = installation.apiKey(operator, Set.of(Scope.PROJECT_READ), null);
        int entries = installation.auditEntries().size();

        assertThatThrownBy(() -> credentials.createApiKey(operator, new NewApiKey("gateway", null,
                Set.of(Scope.PROJECT_READ), null, null, limited)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("claims"));
        assertThatThrownBy(() -> credentials.updateApiKey(operator, CredentialTarget.apiKey(reader.credential().id()),
                new ApiKeyUpdate(Change.keep(), Change.keep(), Change.to(limited))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("claims"));
        assertThatThrownBy(() -> new GatewayProxyClaims(null, -1L, null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("spending_limit_weekly"));

        assertThat(installation.auditEntries()).hasSize(entries);
        assertThat(stored(reader).claims()).isEqualTo(ScopeClaims.NONE);
        assertThat(credentials.listApiKeys(operator)).hasSize(2);
    }

    @Test
    void aTokenHoldsExactlyTheScopeOfItsKind() {
        Project project = installation.project("checkout");

        IssuedCredential write = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        IssuedCredential read = installation.token(project.id(), CredentialKind.READ_TOKEN);

        assertThat(write.token()).startsWith("gth_wt_");
        assertThat(read.token()).startsWith("gth_rt_");
        assertThat(write.credential().scopes()).containsExactly(Scope.PROJECT_WRITE_OTLP);
        assertThat(read.credential().scopes()).containsExactly(Scope.PROJECT_READ_OTLP);
        assertThat(write.credential().name()).isNull();
        assertThat(write.view().projectName()).isEqualTo("checkout");
        assertThat(installation.lastAuditEntryOf(write.credential().id()).resourceType()).isEqualTo("write_token");
        assertThat(installation.lastAuditEntryOf(read.credential().id()).resourceType()).isEqualTo("read_token");
        assertThat(credentials.listTokens(operator, project.id(), CredentialKind.WRITE_TOKEN))
                .extracting(view -> view.credential().id()).containsExactly(write.credential().id());
    }

    @Test
    void tokensNeedTheirKindsScopeAndAVisibleProject() {
        Project checkout = installation.project("checkout");
        Project billing = installation.project("billing");
        Principal writeManager = installation.keyHolding(Set.of(Scope.PROJECT_WRITE_TOKEN), checkout.id());

        assertThat(credentials.createToken(writeManager,
                new NewProjectToken(checkout.id(), CredentialKind.WRITE_TOKEN, null, null)).token()).startsWith("gth_wt_");
        assertThatThrownBy(() -> credentials.createToken(writeManager,
                new NewProjectToken(checkout.id(), CredentialKind.READ_TOKEN, null, null)))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.missingScope()).isEqualTo(Scope.PROJECT_READ_TOKEN));
        assertThatThrownBy(() -> credentials.listTokens(writeManager, checkout.id(), CredentialKind.READ_TOKEN))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> credentials.createToken(writeManager,
                new NewProjectToken(billing.id(), CredentialKind.WRITE_TOKEN, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> credentials.listTokens(writeManager, billing.id(), CredentialKind.WRITE_TOKEN))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listingTokensIncludesRevokedOnesOldestFirst() {
        Project project = installation.project("checkout");
        IssuedCredential first = installation.token(project.id(), CredentialKind.READ_TOKEN);
        installation.clock.advance(Duration.ofSeconds(1));
        IssuedCredential second = installation.token(project.id(), CredentialKind.READ_TOKEN);
        credentials.revoke(operator, CredentialTarget.token(project.id(), CredentialKind.READ_TOKEN, first.credential().id()));

        List<CredentialView> views = credentials.listTokens(operator, project.id(), CredentialKind.READ_TOKEN);

        assertThat(views).extracting(view -> view.credential().id())
                .containsExactly(first.credential().id(), second.credential().id());
        assertThat(views.get(0).credential().revokedAt()).isNotNull();
        assertThat(views.get(1).credential().revokedAt()).isNull();
    }

    @Test
    void expireSetsTheExpiryToNowAndAuditsIt() {
        Project project = installation.project("checkout");
        IssuedCredential token = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        installation.clock.advance(Duration.ofMinutes(1));

        credentials.expire(operator, CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN, token.credential().id()));

        Instant now = installation.clock.instant().truncatedTo(ChronoUnit.MICROS);
        assertThat(stored(token).expiresAt()).isEqualTo(now);
        assertThat(installation.lastAuditEntryOf(token.credential().id()).changes())
                .containsExactly(new FieldChange("expires_at", null, now.toString()));
    }

    @Test
    void expiringAnExpiredCredentialKeepsWhenItStoppedWorking() {
        Project project = installation.project("checkout");
        IssuedCredential token = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        CredentialTarget target = CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN, token.credential().id());
        credentials.expire(operator, target);
        Instant expiredAt = stored(token).expiresAt();
        int entries = installation.auditEntries().size();
        installation.clock.advance(Duration.ofMinutes(1));

        credentials.expire(operator, target);

        assertThat(stored(token).expiresAt()).isEqualTo(expiredAt);
        assertThat(installation.auditEntries()).hasSize(entries);
    }

    @Test
    void revokeStampsTheRevocationOnceAndAuditsIt() {
        Project project = installation.project("checkout");
        IssuedCredential token = installation.token(project.id(), CredentialKind.READ_TOKEN);
        CredentialTarget target = CredentialTarget.token(project.id(), CredentialKind.READ_TOKEN, token.credential().id());
        installation.clock.advance(Duration.ofMinutes(1));

        credentials.revoke(operator, target);
        Instant revokedAt = stored(token).revokedAt();
        int entries = installation.auditEntries().size();
        installation.clock.advance(Duration.ofMinutes(1));
        credentials.revoke(operator, target);

        assertThat(revokedAt).isEqualTo(installation.clock.instant().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MICROS));
        assertThat(stored(token).revokedAt()).isEqualTo(revokedAt);
        assertThat(installation.auditEntries()).hasSize(entries);
        AuditEntry entry = installation.lastAuditEntryOf(token.credential().id());
        assertThat(entry.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(entry.resourceType()).isEqualTo("read_token");
        assertThat(entry.changes()).containsExactly(new FieldChange("revoked_at", null, revokedAt.toString()));
    }

    @Test
    void aTargetOfAnotherKindProjectOrganizationOrBindingIsNotFound() {
        Project checkout = installation.project("checkout");
        Project billing = installation.project("billing");
        IssuedCredential token = installation.token(checkout.id(), CredentialKind.WRITE_TOKEN);
        IssuedCredential orgKey = installation.apiKey(operator, Set.of(Scope.PROJECT_READ), null);
        CredentialId id = token.credential().id();
        Principal foreign = Principal.operator(installation.otherOrganization());
        Principal boundToBilling = installation.keyHolding(
                Set.of(Scope.PROJECT_WRITE_TOKEN, Scope.ORGANIZATION_WRITE_API_KEY), billing.id());

        List<Runnable> attempts = List.of(
                () -> credentials.revoke(operator, CredentialTarget.token(checkout.id(), CredentialKind.READ_TOKEN, id)),
                () -> credentials.revoke(operator, CredentialTarget.token(billing.id(), CredentialKind.WRITE_TOKEN, id)),
                () -> credentials.revoke(operator, CredentialTarget.apiKey(id)),
                () -> credentials.expire(foreign, CredentialTarget.token(checkout.id(), CredentialKind.WRITE_TOKEN, id)),
                () -> credentials.rotate(boundToBilling, CredentialTarget.token(checkout.id(), CredentialKind.WRITE_TOKEN, id),
                        Duration.ZERO),
                () -> credentials.revoke(boundToBilling, CredentialTarget.apiKey(orgKey.credential().id())),
                () -> credentials.updateApiKey(foreign, CredentialTarget.apiKey(orgKey.credential().id()),
                        new ApiKeyUpdate(Change.to("x"), Change.keep())),
                () -> credentials.revoke(operator, CredentialTarget.apiKey(CredentialId.random())));
        for (Runnable attempt : attempts) {
            assertThatThrownBy(attempt::run).isInstanceOf(NotFoundException.class);
        }
        assertThat(stored(token).revokedAt()).isNull();
        assertThat(stored(token).expiresAt()).isNull();
        assertThat(stored(orgKey).revokedAt()).isNull();
    }

    private Credential stored(IssuedCredential issued) {
        return installation.storage.credentials().findById(issued.credential().id()).orElseThrow();
    }
}
