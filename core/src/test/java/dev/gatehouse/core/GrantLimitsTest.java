package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.in.ApiKeyUpdate;
import dev.gatehouse.ports.in.ChannelUpdate;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.in.NewChannel;
import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.GatewayProxyClaims;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import dev.gatehouse.ports.model.WebhookFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a credential may hand on beyond its scopes and binding: no scope it lacks (not even a token's), no looser
 * spending limits, no longer life; and a credential bound to one project cannot change the organization's channels.
 */
class GrantLimitsTest {

    private final Installation installation = Installation.create();
    private final Gatehouse gatehouse = installation.gatehouse;
    private final Principal operator = installation.operator;
    private final Project project = installation.project("checkout");

    @AfterEach
    void close() {
        installation.close();
    }

    @Test
    void mintingTokensIsNoGrantOfTheirScopeToAnApiKey() {
        Principal minter = key(Set.of(Scope.PROJECT_WRITE_TOKEN, Scope.ORGANIZATION_CREATE_API_KEY), null, null,
                ScopeClaims.NONE);

        assertThatThrownBy(() -> gatehouse.credentials().createApiKey(minter,
                new NewApiKey("otlp", null, Set.of(Scope.PROJECT_WRITE_OTLP), null, null)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("project:write_otlp");
        assertThat(gatehouse.credentials().createToken(minter,
                new NewProjectToken(project.id(), CredentialKind.WRITE_TOKEN, null, null)).credential().scopes())
                .containsExactly(Scope.PROJECT_WRITE_OTLP);
    }

    @Test
    void aKeyWithSpendingLimitsGivesNoneHigherOrAbsentAndCannotLiftItsOwn() {
        ScopeClaims limited = new ScopeClaims(new GatewayProxyClaims(null, null, null, 100L, null));
        IssuedCredential issued = gatehouse.credentials().createApiKey(operator, new NewApiKey("limited", null,
                Set.of(Scope.PROJECT_GATEWAY_PROXY, Scope.ORGANIZATION_CREATE_API_KEY,
                        Scope.ORGANIZATION_WRITE_API_KEY), null, null, limited));
        Principal caller = installation.principal(issued.token());
        Set<Scope> proxy = Set.of(Scope.PROJECT_GATEWAY_PROXY);

        assertThatThrownBy(() -> gatehouse.credentials().createApiKey(caller,
                new NewApiKey("unlimited", null, proxy, null, null)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("at most the caller's own");
        assertThatThrownBy(() -> gatehouse.credentials().createApiKey(caller, new NewApiKey("higher", null, proxy,
                null, null, new ScopeClaims(new GatewayProxyClaims(null, null, null, 101L, null)))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(gatehouse.credentials().createApiKey(caller, new NewApiKey("lower", null, proxy, null, null,
                new ScopeClaims(new GatewayProxyClaims(5L, null, null, 100L, true)))).credential().claims()
                .gatewayProxy().spendingLimitTotal()).isEqualTo(100L);

        CredentialTarget self = CredentialTarget.apiKey(issued.credential().id());
        assertThatThrownBy(() -> gatehouse.credentials().updateApiKey(caller, self,
                new ApiKeyUpdate(Change.keep(), Change.keep(), Change.to(ScopeClaims.NONE))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(gatehouse.credentials().updateApiKey(caller, self, new ApiKeyUpdate(Change.to("renamed"),
                Change.keep(), Change.keep())).credential().claims()).isEqualTo(limited);
    }

    @Test
    void aShortLivedCredentialCannotLeaveALastingOneBehind() {
        Instant expiry = installation.clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MICROS);
        Principal shortLived = key(Set.of(Scope.ORGANIZATION_CREATE_API_KEY, Scope.PROJECT_READ,
                Scope.PROJECT_WRITE_TOKEN), null, expiry, ScopeClaims.NONE);
        IssuedCredential lasting = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        Set<Scope> read = Set.of(Scope.PROJECT_READ);

        assertThatThrownBy(() -> gatehouse.credentials().createApiKey(shortLived,
                new NewApiKey("forever", null, read, null, null)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("at or before " + expiry);
        assertThatThrownBy(() -> gatehouse.credentials().createApiKey(shortLived,
                new NewApiKey("later", null, read, null, expiry.plusSeconds(1))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> gatehouse.credentials().createToken(shortLived,
                new NewProjectToken(project.id(), CredentialKind.WRITE_TOKEN, null, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> gatehouse.credentials().rotate(shortLived, CredentialTarget.token(project.id(),
                CredentialKind.WRITE_TOKEN, lasting.credential().id()), null))
                .isInstanceOf(ForbiddenException.class);
        assertThat(gatehouse.credentials().createApiKey(shortLived,
                new NewApiKey("within", null, read, null, expiry)).credential().expiresAt()).isEqualTo(expiry);
        assertThat(gatehouse.credentials().createToken(shortLived, new NewProjectToken(project.id(),
                CredentialKind.WRITE_TOKEN, null, expiry.minusSeconds(60))).credential().expiresAt())
                .isEqualTo(expiry.minusSeconds(60));
    }

    @Test
    void aCredentialBoundToOneProjectCannotChangeTheOrganizationsChannels() {
        ChannelId shared = gatehouse.channels().create(operator, new NewChannel("Slack",
                new ChannelConfig.Webhook(WebhookFormat.AUTO, "https://hooks.slack.com/services/T/B/X")))
                .channel().id();
        Set<Scope> channels = Set.of(Scope.ORGANIZATION_READ_CHANNEL, Scope.ORGANIZATION_WRITE_CHANNEL);
        Principal bound = key(channels, project.id(), null, ScopeClaims.NONE);
        Principal organizationWide = key(channels, null, null, ScopeClaims.NONE);
        ChannelConfig attacker = new ChannelConfig.Webhook(WebhookFormat.AUTO, "https://attacker.example.net/x");

        assertThatThrownBy(() -> gatehouse.channels().create(bound, new NewChannel("Mine", attacker)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("bound to one project");
        assertThatThrownBy(() -> gatehouse.channels().update(bound, shared,
                new ChannelUpdate(Change.keep(), Change.to(attacker), Change.keep())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> gatehouse.channels().delete(bound, shared)).isInstanceOf(ForbiddenException.class);
        assertThat(gatehouse.channels().get(bound, shared).channel().label()).isEqualTo("Slack");
        assertThat(gatehouse.channels().update(organizationWide, shared,
                new ChannelUpdate(Change.to("Renamed"), Change.keep(), Change.keep())).channel().label())
                .isEqualTo("Renamed");
    }

    private Principal key(Set<Scope> scopes, ProjectId bound, Instant expiresAt,
            ScopeClaims claims) {
        IssuedCredential issued = gatehouse.credentials().createApiKey(operator,
                new NewApiKey("key", null, scopes, bound, expiresAt, claims));
        return installation.principal(issued.token());
    }
}
