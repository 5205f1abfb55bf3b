package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.ports.in.AlertUpdate;
import dev.gatehouse.ports.in.ApiKeyUpdate;
import dev.gatehouse.ports.in.ChannelUpdate;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.NewAlert;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.in.DashboardUpdate;
import dev.gatehouse.ports.in.NewChannel;
import dev.gatehouse.ports.in.NewDashboard;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.in.NewVariable;
import dev.gatehouse.ports.in.ProjectUpdate;
import dev.gatehouse.ports.in.VariableUpdate;
import dev.gatehouse.ports.model.AlertId;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.DashboardId;
import dev.gatehouse.ports.model.GatehouseException;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.NotifyWhen;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.StorageException;
import dev.gatehouse.ports.model.VariableId;
import dev.gatehouse.ports.model.VerifyResult;
import dev.gatehouse.ports.model.WebhookFormat;
import dev.gatehouse.ports.out.AuditStore;
import dev.gatehouse.ports.out.Storage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every mutation of every resource the use cases manage appends exactly one audit entry per changed record, with
 * the right action, resource type, record id and actor, in the unit of work of the change itself: when the entry
 * cannot be written the change does not happen, and a mutation that fails appends nothing.
 */
class EveryMutationIsAuditedTest {

    private static final Instant FAR_FUTURE = Instant.parse("2999-01-01T00:00:00Z");

    private final MutableClock clock = MutableClock.at2030();
    private final AtomicBoolean auditFails = new AtomicBoolean();
    private final InMemoryStorage memory = InMemoryStorage.create();
    private final Storage storage = failableAudit(memory, auditFails);
    private final Gatehouse gatehouse = Gatehouse.builder()
            .storage(storage)
            .clock(clock)
            .lastUsedFlushInterval(Duration.ofHours(1))
            .failedLoginWindow(Duration.ofHours(1))
            .queryChecker(sql -> {
                if (!sql.startsWith("SELECT")) {
                    throw new InvalidInputException("query", "sql_not_select", "Expected a SELECT query");
                }
            })
            .build();
    private final IssuedCredential adminKey = gatehouse.bootstrap().bootstrapIfEmpty("acme").orElseThrow();
    private final OrganizationId organization = adminKey.credential().organizationId();
    private final Principal admin = principal(adminKey.token());
    private int counter;

    @AfterEach
    void close() {
        gatehouse.close();
    }

    /** One expected entry: what happened to which record. */
    private record Expected(AuditAction action, String resourceType, String recordId) {

        static Expected of(AuditAction action, String resourceType, Object recordId) {
            return new Expected(action, resourceType, recordId.toString());
        }
    }

    /**
     * A mutation whose target {@code prepare} creates (audited or not, before anything is measured); the returned
     * supplier performs the mutation and returns the entries it must append.
     */
    private record Mutation(String name, Supplier<Supplier<List<Expected>>> prepare) {
    }

    private List<Mutation> mutations() {
        List<Mutation> all = new ArrayList<>();
        all.add(new Mutation("create a project", () -> () -> {
            Project project = gatehouse.projects().create(admin, NewProject.named("created-" + counter()));
            return List.of(Expected.of(AuditAction.INSERT, "project", project.id()));
        }));
        all.add(new Mutation("update a project", () -> {
            Project project = project();
            return () -> {
                gatehouse.projects().update(admin, project.id(), new ProjectUpdate(Change.to("renamed-" + counter()),
                        Change.to("now described"), Change.keep(), Change.keep()));
                return List.of(Expected.of(AuditAction.UPDATE, "project", project.id()));
            };
        }));
        all.add(new Mutation("delete a project with everything it holds", () -> {
            Project project = project();
            CredentialTarget token = token(project.id(), CredentialKind.WRITE_TOKEN);
            AlertId alert = gatehouse.alerts().create(admin, project.id(), newAlert()).alert().id();
            DashboardId dashboard = dashboard(project.id());
            VariableId variable = gatehouse.variables().create(admin, project.id(),
                    NewVariable.named("cascaded_" + counter())).variable().id();
            return () -> {
                gatehouse.projects().delete(admin, project.id());
                return List.of(Expected.of(AuditAction.DELETE, "write_token", token.id()),
                        Expected.of(AuditAction.DELETE, "alert", alert),
                        Expected.of(AuditAction.DELETE, "dashboard", dashboard),
                        Expected.of(AuditAction.DELETE, "variable", variable),
                        Expected.of(AuditAction.DELETE, "project", project.id()));
            };
        }));
        all.add(new Mutation("create an API key", () -> () -> {
            IssuedCredential key = gatehouse.credentials().createApiKey(admin,
                    new NewApiKey("created", null, Set.of(Scope.PROJECT_READ), null, null));
            return List.of(Expected.of(AuditAction.INSERT, "api_key", key.credential().id()));
        }));
        all.add(new Mutation("update an API key", () -> {
            CredentialId key = apiKey();
            return () -> {
                gatehouse.credentials().updateApiKey(admin, CredentialTarget.apiKey(key),
                        new ApiKeyUpdate(Change.to("renamed"), Change.keep()));
                return List.of(Expected.of(AuditAction.UPDATE, "api_key", key));
            };
        }));
        for (CredentialKind kind : List.of(CredentialKind.WRITE_TOKEN, CredentialKind.READ_TOKEN)) {
            String type = AuditTrail.resourceType(kind);
            all.add(new Mutation("create a " + type, () -> {
                Project project = project();
                return () -> {
                    IssuedCredential token = gatehouse.credentials().createToken(admin,
                            new NewProjectToken(project.id(), kind, "new", null));
                    return List.of(Expected.of(AuditAction.INSERT, type, token.credential().id()));
                };
            }));
            all.add(new Mutation("expire a " + type, () -> {
                CredentialTarget target = token(project().id(), kind);
                return () -> {
                    gatehouse.credentials().expire(admin, target);
                    return List.of(Expected.of(AuditAction.UPDATE, type, target.id()));
                };
            }));
            all.add(new Mutation("revoke a " + type, () -> {
                CredentialTarget target = token(project().id(), kind);
                return () -> {
                    gatehouse.credentials().revoke(admin, target);
                    return List.of(Expected.of(AuditAction.UPDATE, type, target.id()));
                };
            }));
            all.add(new Mutation("rotate a " + type + ": the successor is inserted, the old one expires", () -> {
                CredentialTarget target = token(project().id(), kind);
                return () -> {
                    IssuedCredential successor = gatehouse.credentials().rotate(admin, target, Duration.ofMinutes(5));
                    return List.of(Expected.of(AuditAction.INSERT, type, successor.credential().id()),
                            Expected.of(AuditAction.UPDATE, type, target.id()));
                };
            }));
        }
        all.add(new Mutation("revoke an API key", () -> {
            CredentialTarget target = CredentialTarget.apiKey(apiKey());
            return () -> {
                gatehouse.credentials().revoke(admin, target);
                return List.of(Expected.of(AuditAction.UPDATE, "api_key", target.id()));
            };
        }));
        all.add(new Mutation("rotate an API key", () -> {
            CredentialTarget target = CredentialTarget.apiKey(apiKey());
            return () -> {
                IssuedCredential successor = gatehouse.credentials().rotate(admin, target, null);
                return List.of(Expected.of(AuditAction.INSERT, "api_key", successor.credential().id()),
                        Expected.of(AuditAction.UPDATE, "api_key", target.id()));
            };
        }));
        // Channels.
        all.add(new Mutation("create a channel", () -> () -> {
            ChannelId channel = gatehouse.channels().create(admin, webhookChannel()).channel().id();
            return List.of(Expected.of(AuditAction.INSERT, "channel", channel));
        }));
        all.add(new Mutation("update a channel's secret", () -> {
            ChannelId channel = channel();
            return () -> {
                gatehouse.channels().update(admin, channel, new ChannelUpdate(Change.keep(), Change.to(
                        new ChannelConfig.Webhook(WebhookFormat.AUTO, "https://example.com/new")), Change.keep()));
                return List.of(Expected.of(AuditAction.UPDATE, "channel", channel));
            };
        }));
        all.add(new Mutation("delete a channel", () -> {
            ChannelId channel = channel();
            return () -> {
                gatehouse.channels().delete(admin, channel);
                return List.of(Expected.of(AuditAction.DELETE, "channel", channel));
            };
        }));
        // Dashboards.
        all.add(new Mutation("create a dashboard", () -> {
            Project project = project();
            return () -> {
                DashboardId dashboard = gatehouse.dashboards().create(admin, project.id(), newDashboard())
                        .dashboard().id();
                return List.of(Expected.of(AuditAction.INSERT, "dashboard", dashboard));
            };
        }));
        all.add(new Mutation("update a dashboard", () -> {
            Project project = project();
            DashboardId dashboard = dashboard(project.id());
            return () -> {
                gatehouse.dashboards().update(admin, project.id(), dashboard,
                        new DashboardUpdate(Change.to("Renamed"), Change.keep(), null));
                return List.of(Expected.of(AuditAction.UPDATE, "dashboard", dashboard));
            };
        }));
        all.add(new Mutation("delete a dashboard", () -> {
            Project project = project();
            DashboardId dashboard = dashboard(project.id());
            return () -> {
                gatehouse.dashboards().delete(admin, project.id(), dashboard);
                return List.of(Expected.of(AuditAction.DELETE, "dashboard", dashboard));
            };
        }));
        // Variables.
        all.add(new Mutation("create a variable", () -> {
            Project project = project();
            return () -> {
                VariableId variable = gatehouse.variables().create(admin, project.id(),
                        NewVariable.named("feature_" + counter())).variable().id();
                return List.of(Expected.of(AuditAction.INSERT, "variable", variable));
            };
        }));
        all.add(new Mutation("update a variable", () -> {
            Project project = project();
            String name = "feature_" + counter();
            VariableId variable = gatehouse.variables().create(admin, project.id(), NewVariable.named(name))
                    .variable().id();
            return () -> {
                gatehouse.variables().update(admin, project.id(), name, new VariableUpdate(Change.keep(),
                        Change.to("now described"), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                        Change.keep(), Change.keep(), Change.keep(), Change.keep()));
                return List.of(Expected.of(AuditAction.UPDATE, "variable", variable));
            };
        }));
        // Alerts.
        all.add(new Mutation("create an alert", () -> {
            Project project = project();
            return () -> {
                AlertId alert = gatehouse.alerts().create(admin, project.id(), newAlert()).alert().id();
                return List.of(Expected.of(AuditAction.INSERT, "alert", alert));
            };
        }));
        all.add(new Mutation("update an alert", () -> {
            Project project = project();
            AlertId alert = gatehouse.alerts().create(admin, project.id(), newAlert()).alert().id();
            return () -> {
                gatehouse.alerts().update(admin, project.id(), alert, new AlertUpdate(Change.to("renamed"),
                        Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                        Change.keep(), Change.keep(), Change.keep()));
                return List.of(Expected.of(AuditAction.UPDATE, "alert", alert));
            };
        }));
        all.add(new Mutation("delete an alert", () -> {
            Project project = project();
            AlertId alert = gatehouse.alerts().create(admin, project.id(), newAlert()).alert().id();
            return () -> {
                gatehouse.alerts().delete(admin, project.id(), alert);
                return List.of(Expected.of(AuditAction.DELETE, "alert", alert));
            };
        }));
        return all;
    }

    /** Mutations that must fail, each with nothing appended and nothing changed. */
    private List<Mutation> failures() {
        List<Mutation> all = new ArrayList<>();
        all.add(new Mutation("create a project under a taken name", () -> {
            Project project = project();
            return () -> {
                gatehouse.projects().create(admin, NewProject.named(project.name()));
                return List.of();
            };
        }));
        all.add(new Mutation("rename a project to a taken name", () -> {
            Project taken = project();
            Project project = project();
            return () -> {
                gatehouse.projects().update(admin, project.id(), new ProjectUpdate(Change.to(taken.name()),
                        Change.keep(), Change.keep(), Change.keep()));
                return List.of();
            };
        }));
        all.add(new Mutation("delete an unknown project", () -> () -> {
            gatehouse.projects().delete(admin, ProjectId.random());
            return List.of();
        }));
        all.add(new Mutation("create a project without the scope", () -> {
            Principal reader = principal(gatehouse.credentials().createApiKey(admin,
                    new NewApiKey("reader", null, Set.of(Scope.PROJECT_READ), null, null)).token());
            return () -> {
                gatehouse.projects().create(reader, NewProject.named("forbidden"));
                return List.of();
            };
        }));
        all.add(new Mutation("create an API key beyond the caller's grant", () -> {
            Principal reader = principal(gatehouse.credentials().createApiKey(admin, new NewApiKey("limited", null,
                    Set.of(Scope.ORGANIZATION_CREATE_API_KEY), null, null)).token());
            return () -> {
                gatehouse.credentials().createApiKey(reader,
                        new NewApiKey("escalated", null, Set.of(Scope.PROJECT_WRITE), null, null));
                return List.of();
            };
        }));
        all.add(new Mutation("create a token for an unknown project", () -> () -> {
            gatehouse.credentials().createToken(admin,
                    new NewProjectToken(ProjectId.random(), CredentialKind.WRITE_TOKEN, null, null));
            return List.of();
        }));
        all.add(new Mutation("rotate a token a second time", () -> {
            CredentialTarget target = token(project().id(), CredentialKind.WRITE_TOKEN);
            gatehouse.credentials().rotate(admin, target, Duration.ofMinutes(1));
            return () -> {
                gatehouse.credentials().rotate(admin, target, Duration.ofMinutes(1));
                return List.of();
            };
        }));
        all.add(new Mutation("rotate with a negative grace period", () -> {
            CredentialTarget target = token(project().id(), CredentialKind.READ_TOKEN);
            return () -> {
                gatehouse.credentials().rotate(admin, target, Duration.ofSeconds(-1));
                return List.of();
            };
        }));
        all.add(new Mutation("expire a token of another kind", () -> {
            CredentialTarget write = token(project().id(), CredentialKind.WRITE_TOKEN);
            return () -> {
                gatehouse.credentials().expire(admin, CredentialTarget.token(write.projectId(),
                        CredentialKind.READ_TOKEN, write.id()));
                return List.of();
            };
        }));
        all.add(new Mutation("update an unknown API key", () -> () -> {
            gatehouse.credentials().updateApiKey(admin, CredentialTarget.apiKey(CredentialId.random()),
                    new ApiKeyUpdate(Change.to("renamed"), Change.keep()));
            return List.of();
        }));
        // Channels.
        all.add(new Mutation("keep the URL of a channel that has none", () -> {
            ChannelId channel = gatehouse.channels().create(admin, new NewChannel("ops",
                    new ChannelConfig.Opsgenie("abcd1234efgh", null))).channel().id();
            return () -> {
                gatehouse.channels().update(admin, channel, new ChannelUpdate(Change.to("renamed"),
                        Change.to(new ChannelConfig.Webhook(WebhookFormat.AUTO, "")), Change.keep()));
                return List.of();
            };
        }));
        all.add(new Mutation("delete an unknown channel", () -> () -> {
            gatehouse.channels().delete(admin, ChannelId.random());
            return List.of();
        }));
        // Dashboards.
        all.add(new Mutation("create a dashboard under a taken slug", () -> {
            Project project = project();
            NewDashboard taken = newDashboard();
            gatehouse.dashboards().create(admin, project.id(), taken);
            return () -> {
                gatehouse.dashboards().create(admin, project.id(), new NewDashboard("Another", taken.slug(),
                        taken.definitionJson()));
                return List.of();
            };
        }));
        all.add(new Mutation("update a dashboard at a stale version", () -> {
            Project project = project();
            DashboardId dashboard = dashboard(project.id());
            return () -> {
                gatehouse.dashboards().update(admin, project.id(), dashboard,
                        new DashboardUpdate(Change.to("Renamed"), Change.keep(), 7L));
                return List.of();
            };
        }));
        // Variables.
        all.add(new Mutation("create a variable under a taken name", () -> {
            Project project = project();
            String name = "feature_" + counter();
            gatehouse.variables().create(admin, project.id(), NewVariable.named(name));
            return () -> {
                gatehouse.variables().create(admin, project.id(), NewVariable.named(name));
                return List.of();
            };
        }));
        // Alerts.
        all.add(new Mutation("create an alert whose query is no SELECT", () -> {
            Project project = project();
            NewAlert valid = newAlert();
            return () -> {
                gatehouse.alerts().create(admin, project.id(), new NewAlert(valid.name(), null, "DELETE FROM records",
                        valid.timeWindow(), valid.frequency(), valid.watermark(), valid.notifyWhen(), true, null,
                        null));
                return List.of();
            };
        }));
        all.add(new Mutation("create an alert under a taken name", () -> {
            Project project = project();
            NewAlert taken = newAlert();
            gatehouse.alerts().create(admin, project.id(), taken);
            return () -> {
                gatehouse.alerts().create(admin, project.id(), taken);
                return List.of();
            };
        }));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> eachMutationAppendsExactlyOneEntryPerChangedRecord() {
        return mutations().stream().map(mutation -> DynamicTest.dynamicTest(mutation.name(), () -> {
            Supplier<List<Expected>> change = mutation.prepare().get();
            List<AuditEntry> before = entries();
            clock.advance(Duration.ofSeconds(1));

            List<Expected> expected = change.get();

            List<AuditEntry> appended = new ArrayList<>(entries());
            appended.removeAll(before);
            assertThat(appended)
                    .extracting(AuditEntry::action, AuditEntry::resourceType, AuditEntry::recordId)
                    .containsExactlyInAnyOrderElementsOf(expected.stream()
                            .map(entry -> tuple(entry.action(), entry.resourceType(), entry.recordId()))
                            .toList());
            assertThat(appended).allSatisfy(entry -> {
                assertThat(entry.organizationId()).isEqualTo(organization);
                assertThat(entry.actorId()).isEqualTo(adminKey.credential().id());
                assertThat(entry.changes()).isNotEmpty();
            });
        }));
    }

    @TestFactory
    Stream<DynamicTest> aMutationWhoseEntryCannotBeWrittenDoesNotHappen() {
        return mutations().stream().map(mutation -> DynamicTest.dynamicTest(mutation.name(), () -> {
            Supplier<List<Expected>> change = mutation.prepare().get();
            List<AuditEntry> entriesBefore = entries();
            List<Object> stateBefore = state();

            auditFails.set(true);
            try {
                assertThatThrownBy(change::get).isInstanceOf(StorageException.class);
            } finally {
                auditFails.set(false);
            }

            assertThat(state()).isEqualTo(stateBefore);
            assertThat(entries()).isEqualTo(entriesBefore);
        }));
    }

    @TestFactory
    Stream<DynamicTest> aFailingMutationAppendsNothingAndChangesNothing() {
        return failures().stream().map(mutation -> DynamicTest.dynamicTest(mutation.name(), () -> {
            Supplier<List<Expected>> change = mutation.prepare().get();
            List<AuditEntry> entriesBefore = entries();
            List<Object> stateBefore = state();

            assertThatThrownBy(change::get).isInstanceOf(GatehouseException.class);

            assertThat(state()).isEqualTo(stateBefore);
            assertThat(entries()).isEqualTo(entriesBefore);
        }));
    }

    private int counter() {
        return ++counter;
    }

    private static NewChannel webhookChannel() {
        return new NewChannel("hook", new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT,
                "https://hooks.slack.com/services/T/B/X"));
    }

    private ChannelId channel() {
        return gatehouse.channels().create(admin, webhookChannel()).channel().id();
    }

    private NewDashboard newDashboard() {
        int n = counter();
        return new NewDashboard("Dashboard " + n, "dashboard-" + n,
                "{\"kind\":\"Dashboard\",\"spec\":{\"panels\":{}}}");
    }

    private NewAlert newAlert() {
        return new NewAlert("alert-" + counter(), "an alert", "SELECT 1", Duration.ofMinutes(5), Duration.ofMinutes(1),
                Duration.ZERO, NotifyWhen.HAS_MATCHES, true, null, null);
    }

    private DashboardId dashboard(ProjectId project) {
        return gatehouse.dashboards().create(admin, project, newDashboard()).dashboard().id();
    }

    private Project project() {
        return gatehouse.projects().create(admin, NewProject.named("project-" + counter()));
    }

    private CredentialId apiKey() {
        return gatehouse.credentials().createApiKey(admin,
                new NewApiKey("key-" + counter(), null, Set.of(Scope.PROJECT_READ), null, null)).credential().id();
    }

    private CredentialTarget token(ProjectId project, CredentialKind kind) {
        IssuedCredential token =
                gatehouse.credentials().createToken(admin, new NewProjectToken(project, kind, null, null));
        return CredentialTarget.token(project, kind, token.credential().id());
    }

    private Principal principal(String token) {
        return ((VerifyResult.Verified) gatehouse.verifier().verify(token)).principal();
    }

    private List<AuditEntry> entries() {
        return memory.audit().list(organization, Instant.EPOCH, FAR_FUTURE, null, Integer.MAX_VALUE);
    }

    /** Everything the mutations above can change, as the stores hold it. */
    private List<Object> state() {
        List<Project> projects = memory.projects().listByOrganization(organization);
        List<Object> state = new ArrayList<>(projects);
        for (CredentialKind kind : CredentialKind.values()) {
            state.addAll(memory.credentials().listByOrganization(organization, kind));
        }
        state.addAll(memory.channels().listByOrganization(organization));
        for (Project project : projects) {
            state.addAll(memory.dashboards().listByProject(project.id()));
            state.addAll(memory.variables().listByProject(project.id()));
            state.addAll(memory.alerts().listByProject(project.id()));
        }
        return state;
    }

    /** {@code real}, whose audit store refuses every append while {@code fails} is set. */
    private static Storage failableAudit(Storage real, AtomicBoolean fails) {
        AuditStore audit = (AuditStore) Proxy.newProxyInstance(AuditStore.class.getClassLoader(),
                new Class<?>[] {AuditStore.class}, (proxy, method, args) -> {
                    if (fails.get() && method.getName().equals("append")) {
                        throw new StorageException("the audit log is unavailable", null);
                    }
                    return invoke(method, real.audit(), args);
                });
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> method.getName().equals("audit") ? audit : invoke(method, real, args));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
