package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.DenialReason;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.VerifyResult;
import dev.gatehouse.ports.out.Storage;
import org.junit.jupiter.api.Test;

/** The embedding example of the README, kept compiling and passing. */
class ReadmeEmbeddingExampleTest {

    @Test
    void embedGatehouseIssueAWriteTokenAndVerifyIt() {
        try (Storage storage = InMemoryStorage.create();
                Gatehouse gatehouse = Gatehouse.builder().storage(storage).build()) {

            // A new installation gets its first organization and an admin key; the token is shown only now.
            IssuedCredential adminKey = gatehouse.bootstrap().bootstrapIfEmpty("acme").orElseThrow();
            VerifyResult.Verified admin = (VerifyResult.Verified) gatehouse.verifier().verify(adminKey.token());
            Principal caller = admin.principal();

            // The admin creates a project and a write token for the service that sends its telemetry.
            Project project = gatehouse.projects().create(caller, NewProject.named("checkout"));
            IssuedCredential writeToken = gatehouse.credentials().createToken(caller,
                    new NewProjectToken(project.id(), CredentialKind.WRITE_TOKEN, "checkout service", null));

            // On every request: is this token valid, may it send telemetry, and to this project?
            VerifyResult result = gatehouse.verifier()
                    .verify(writeToken.token(), Scope.PROJECT_WRITE_OTLP, project.id());
            System.out.println(result);

            assertThat(result).isInstanceOf(VerifyResult.Verified.class);
            assertThat(gatehouse.verifier().verify(writeToken.token(), Scope.PROJECT_READ))
                    .isEqualTo(new VerifyResult.Denied(
                            DenialReason.INSUFFICIENT_SCOPE, Scope.PROJECT_READ));
        }
    }
}
