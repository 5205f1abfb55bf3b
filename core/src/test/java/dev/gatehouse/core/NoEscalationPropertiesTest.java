package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** A credential can create only API keys whose scopes and binding lie within its own grant. */
class NoEscalationPropertiesTest {

    /** Which projects a credential covers, relative to the caller's own project. */
    enum Binding { ALL_PROJECTS, OWN_PROJECT, OTHER_PROJECT }

    record Attempt(Set<Scope> granted, Binding callerBinding, Set<Scope> requested, Binding requestedBinding) {
    }

    @Property(tries = 250)
    void creationSucceedsExactlyWhenTheRequestLiesWithinTheCallersGrant(@ForAll("attempts") Attempt attempt) {
        try (Installation installation = Installation.create()) {
            Project own = installation.project("own");
            Project other = installation.project("other");
            Set<Scope> callerScopes = EnumSet.noneOf(Scope.class);
            callerScopes.addAll(attempt.granted());
            callerScopes.add(Scope.ORGANIZATION_CREATE_API_KEY);
            Principal caller = installation.keyHolding(callerScopes, project(attempt.callerBinding(), own, other));
            ProjectId requestedProject = project(attempt.requestedBinding(), own, other);
            NewApiKey command = new NewApiKey("delegated", null, attempt.requested(), requestedProject, null);

            Set<Scope> grantable = grantable(callerScopes);
            boolean scopesWithin = grantable.containsAll(attempt.requested());
            boolean bindingWithin = attempt.callerBinding() == Binding.ALL_PROJECTS
                    || attempt.requestedBinding() == Binding.OWN_PROJECT;
            Statistics.label("allowed").collect(scopesWithin && bindingWithin)
                    .coverage(coverage -> {
                        coverage.check(true).count((Predicate<Integer>) count -> count >= 25);
                        coverage.check(false).count((Predicate<Integer>) count -> count >= 25);
                    });

            if (scopesWithin && bindingWithin) {
                IssuedCredential created = installation.gatehouse.credentials().createApiKey(caller, command);
                assertThat(created.credential().scopes()).isEqualTo(attempt.requested());
                assertThat(created.credential().projectId()).isEqualTo(requestedProject);
            } else {
                Scope firstMissing = EnumSet.copyOf(attempt.requested()).stream()
                        .filter(scope -> !grantable.contains(scope)).findFirst().orElse(null);
                assertThatThrownBy(() -> installation.gatehouse.credentials().createApiKey(caller, command))
                        .isInstanceOfSatisfying(ForbiddenException.class,
                                e -> assertThat(e.missingScope()).isEqualTo(firstMissing));
                assertThat(installation.gatehouse.credentials().listApiKeys(installation.operator))
                        .noneMatch(view -> "delegated".equals(view.credential().name()));
            }
        }
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        Arbitrary<Set<Scope>> grants = Arbitraries.of(Scope.class).set().ofMaxSize(20);
        return grants.flatMap(granted -> {
            List<Scope> pool = new ArrayList<>(grantable(granted));
            pool.add(Scope.ORGANIZATION_CREATE_API_KEY);
            Arbitrary<Set<Scope>> withinGrant = Arbitraries.of(pool).set().ofMinSize(1).ofMaxSize(Math.min(5, pool.size()));
            Arbitrary<Set<Scope>> anything = Arbitraries.of(Scope.class).set().ofMinSize(1).ofMaxSize(5);
            return Combinators.combine(
                    Arbitraries.of(Binding.ALL_PROJECTS, Binding.OWN_PROJECT),
                    Arbitraries.oneOf(withinGrant, anything),
                    Arbitraries.of(Binding.class))
                    .as((callerBinding, requested, requestedBinding) ->
                            new Attempt(granted, callerBinding, requested, requestedBinding));
        });
    }

    /** What the caller may hand out: its scopes, plus the telemetry scopes of the tokens it may mint. */
    private static Set<Scope> grantable(Set<Scope> held) {
        Set<Scope> grantable = EnumSet.noneOf(Scope.class);
        grantable.addAll(held);
        if (held.contains(Scope.PROJECT_WRITE_TOKEN)) {
            grantable.add(Scope.PROJECT_WRITE_OTLP);
        }
        if (held.contains(Scope.PROJECT_READ_TOKEN)) {
            grantable.add(Scope.PROJECT_READ_OTLP);
        }
        return grantable;
    }

    private static ProjectId project(Binding binding, Project own, Project other) {
        return switch (binding) {
            case ALL_PROJECTS -> null;
            case OWN_PROJECT -> own.id();
            case OTHER_PROJECT -> other.id();
        };
    }
}
