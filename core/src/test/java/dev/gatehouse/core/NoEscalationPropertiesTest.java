package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * A credential can create only API keys whose scopes and binding lie within its own grant; a failure names the seed,
 * which {@code -DQT_SEED=<seed>} replays.
 */
class NoEscalationPropertiesTest {

    private static final List<Scope> ALL_SCOPES = List.of(Scope.values());

    /** Which projects a credential covers, relative to the caller's own project. */
    enum Binding { ALL_PROJECTS, OWN_PROJECT, OTHER_PROJECT }

    record Attempt(Set<Scope> granted, Binding callerBinding, Set<Scope> requested, Binding requestedBinding) {
    }

    @Test
    void creationSucceedsExactlyWhenTheRequestLiesWithinTheCallersGrant() {
        // A seed of our own, so that the coverage check after the run can name it too.
        long seed = Long.getLong("QT_SEED", System.nanoTime());
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();

        qt().withFixedSeed(seed).withExamples(250).forAll(attempts())
                .checkAssert(attempt -> (attemptCreation(attempt) ? allowed : refused).incrementAndGet());

        assertThat(allowed.get()).as("allowed attempts (seed %d)", seed).isGreaterThanOrEqualTo(25);
        assertThat(refused.get()).as("refused attempts (seed %d)", seed).isGreaterThanOrEqualTo(25);
    }

    /** Tries {@code attempt}, checks its outcome, and tells whether it should have been allowed. */
    private static boolean attemptCreation(Attempt attempt) {
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
            return scopesWithin && bindingWithin;
        }
    }

    private static Gen<Attempt> attempts() {
        return scopeSets(ALL_SCOPES, 0, 20).flatMap(granted -> {
            Set<Scope> poolScopes = grantable(granted);
            poolScopes.add(Scope.ORGANIZATION_CREATE_API_KEY);
            List<Scope> pool = List.copyOf(poolScopes);
            Gen<Set<Scope>> withinGrant = scopeSets(pool, 1, Math.min(5, pool.size()));
            Gen<Set<Scope>> anything = scopeSets(ALL_SCOPES, 1, 5);
            return Generate.pick(List.of(Binding.ALL_PROJECTS, Binding.OWN_PROJECT)).zip(
                    Generate.oneOf(withinGrant, anything),
                    Generate.enumValues(Binding.class),
                    (callerBinding, requested, requestedBinding) ->
                            new Attempt(granted, callerBinding, requested, requestedBinding));
        });
    }

    /** Sets of distinct scopes from {@code pool}, of every size in the range: a random order of the pool, cut short. */
    private static Gen<Set<Scope>> scopeSets(List<Scope> pool, int minSize, int maxSize) {
        return integers().between(minSize, maxSize).zip(lists().of(integers().all()).ofSize(pool.size()), (size, keys) -> {
            Set<Scope> chosen = EnumSet.noneOf(Scope.class);
            IntStream.range(0, pool.size()).boxed()
                    .sorted(Comparator.comparing(keys::get))
                    .limit(size)
                    .forEach(index -> chosen.add(pool.get(index)));
            return chosen;
        });
    }

    /**
     * What the caller may hand to an API key: its own scopes and no others, as the reference requires (holding
     * {@code project:write_token} lets it mint write tokens, not an organization-wide key with their scope).
     */
    private static Set<Scope> grantable(Set<Scope> held) {
        Set<Scope> grantable = EnumSet.noneOf(Scope.class);
        grantable.addAll(held);
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
