package dev.gatehouse.ports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PrincipalScopesTest {

    private static final OrganizationId ORG = OrganizationId.random();

    @Test
    void scopesBehaveAsAnImmutableSetInDeclarationOrder() {
        Set<Scope> given = EnumSet.of(Scope.PROJECT_WRITE_OTLP, Scope.INSTANCE_ADMIN, Scope.PROJECT_WRITE_API_KEY);

        Set<Scope> scopes = new Principal(null, null, ORG, null, List.of(
                Scope.PROJECT_WRITE_API_KEY, Scope.INSTANCE_ADMIN, Scope.PROJECT_WRITE_OTLP)
                .stream().collect(Collectors.toSet())).scopes();

        assertThat(scopes).isEqualTo(given).hasSameHashCodeAs(given)
                .containsExactly(Scope.INSTANCE_ADMIN, Scope.PROJECT_WRITE_OTLP, Scope.PROJECT_WRITE_API_KEY)
                .doesNotContain(Scope.PROJECT_READ);
        assertThat(scopes.contains("instance:admin")).isFalse();
        assertThatThrownBy(() -> scopes.add(Scope.PROJECT_READ)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyScopeFitsAndTheEmptySetIsEmpty() {
        Principal operator = Principal.operator(ORG);
        Principal nobody = new Principal(null, null, ORG, null, Set.of());

        assertThat(operator.scopes()).hasSize(Scope.values().length).containsExactly(Scope.values());
        Scope[] all = Scope.values();
        assertThat(operator.has(all[all.length - 1])).isTrue();
        assertThat(nobody.scopes()).isEmpty();
        assertThat(nobody.has(Scope.PROJECT_READ)).isFalse();
    }

    @Test
    void aPrincipalMadeFromAnotherPrincipalsScopesSharesThem() {
        Principal first = new Principal(null, null, ORG, null, EnumSet.of(Scope.PROJECT_READ));

        Principal second = new Principal(null, null, ORG, null, first.scopes());

        assertThat(second.scopes()).isSameAs(first.scopes());
    }
}
