package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.in.UseCases;
import dev.gatehouse.ports.in.Verifier;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Scope;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A closed Gatehouse refuses every use case and every verification, rather than answer while dropping the
 * {@code last_used_at} stamps and {@code FAILED_LOGIN} entries its stopped write-behind would no longer write.
 */
class ClosedGatehouseTest {

    @Test
    void verificationAfterCloseThrowsAndRecordsNothing() {
        try (Installation installation = Installation.create()) {
            Project project = installation.project("checkout");
            IssuedCredential token = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
            // Held from before the close, as the HTTP adapter holds it.
            Verifier verifier = installation.gatehouse.verifier();

            installation.gatehouse.close();

            assertThatThrownBy(() -> verifier.verify(token.token()))
                    .isInstanceOf(IllegalStateException.class).hasMessage("Gatehouse is closed");
            assertThatThrownBy(() -> verifier.verify(token.token(), Scope.PROJECT_WRITE_OTLP))
                    .isInstanceOf(IllegalStateException.class).hasMessage("Gatehouse is closed");
            assertThatThrownBy(() -> verifier.verify(token.token(), Scope.PROJECT_WRITE_OTLP, project.id()))
                    .isInstanceOf(IllegalStateException.class).hasMessage("Gatehouse is closed");
            assertThatThrownBy(() -> verifier.verify("gth_wt_not-a-token"))
                    .isInstanceOf(IllegalStateException.class).hasMessage("Gatehouse is closed");
            assertThat(installation.storage.recordUseBatches).isEmpty();
            assertThat(installation.storage.audit().list(installation.organization, Instant.EPOCH,
                    Instant.parse("2999-01-01T00:00:00Z"), AuditAction.FAILED_LOGIN, 10)).isEmpty();
        }
    }

    @Test
    void everyMethodOfEveryUseCaseThrowsAfterCloseBeforeLookingAtItsArguments() throws Exception {
        List<String> answered = new ArrayList<>();
        int refused = 0;
        try (Installation installation = Installation.create()) {
            installation.gatehouse.close();

            for (Method accessor : UseCases.class.getMethods()) {
                Object port = accessor.invoke(installation.gatehouse);
                for (Method method : accessor.getReturnType().getMethods()) {
                    if (Modifier.isStatic(method.getModifiers())) {
                        continue;
                    }
                    Object[] arguments = Arrays.stream(method.getParameterTypes())
                            .map(ClosedGatehouseTest::anyValue).toArray();
                    try {
                        method.invoke(port, arguments);
                        answered.add(method.toString());
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof IllegalStateException closed
                                && "Gatehouse is closed".equals(closed.getMessage())) {
                            refused++;
                        } else {
                            answered.add(method + " threw " + e.getCause());
                        }
                    }
                }
            }
        }

        assertThat(answered).isEmpty();
        assertThat(refused).isGreaterThan(UseCases.class.getMethods().length);
    }

    @Test
    void closeStillFlushesWhatWasRecordedBeforeIt() {
        try (Installation installation = Installation.create()) {
            Project project = installation.project("checkout");
            IssuedCredential token = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
            installation.gatehouse.verifier().verify(token.token());

            installation.gatehouse.close();

            assertThat(installation.storage.recordUseBatches).singleElement()
                    .satisfies(batch -> assertThat(batch).containsOnlyKeys(token.credential().id()));
        }
    }

    /** Null for a reference, and zero or false for a primitive, which a call cannot take as null. */
    private static Object anyValue(Class<?> type) {
        return type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0) : null;
    }
}
