package dev.gatehouse.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.testkit.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC units of work add to the transactions contract: a store call refused inside a unit undoes only itself,
 * so work that handles the refusal goes on and commits (PostgreSQL would otherwise abort the whole transaction).
 */
abstract class UnitOfWorkContract {

    private JdbcStorage storage;

    abstract JdbcStorage newStorage();

    @BeforeEach
    void openStorage() {
        storage = newStorage();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Test
    void aConflictHandledInsideAUnitLeavesTheUnitUsableAndItsOtherWritesCommit() {
        Organization taken = TestData.organization();
        storage.organizations().insert(taken);
        Organization before = TestData.organization();
        Organization after = TestData.organization();

        storage.transactions().run(() -> {
            storage.organizations().insert(before);
            assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> storage.organizations()
                    .insert(TestData.organization(taken.name(), TestData.T0)));
            storage.organizations().insert(after);
        });

        assertThat(storage.organizations().list()).containsExactlyInAnyOrder(taken, before, after);
    }

    @Test
    void aMissingOwnerHandledInsideAUnitLeavesTheUnitUsable() {
        Organization organization = TestData.organization();
        Project project = TestData.project(organization.id());
        Project neverStored = TestData.project(organization.id());
        Credential orphan = TestData.writeToken(neverStored).build();

        storage.transactions().run(() -> {
            storage.organizations().insert(organization);
            assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> storage.credentials().insert(orphan));
            storage.projects().insert(project);
        });

        assertThat(storage.projects().findById(project.id())).contains(project);
        assertThat(storage.credentials().findById(orphan.id())).isEmpty();
    }

    @Test
    void aSecondRotationRefusedInsideAUnitKeepsTheUnitsEarlierWrites() {
        Organization organization = TestData.organization();
        storage.organizations().insert(organization);
        Project project = TestData.project(organization.id());
        storage.projects().insert(project);
        Credential old = TestData.writeToken(project).build();
        storage.credentials().insert(old);
        Credential successor = TestData.writeToken(project).rotatedFrom(old.id()).build();
        storage.credentials().insert(successor);
        Credential unrelated = TestData.readToken(project).build();

        storage.transactions().run(() -> {
            storage.credentials().insert(unrelated);
            assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> storage.credentials()
                    .insert(TestData.writeToken(project).rotatedFrom(old.id()).build()));
        });

        assertThat(storage.credentials().listByProject(project.id(), CredentialKind.WRITE_TOKEN))
                .containsExactlyInAnyOrder(old, successor);
        assertThat(storage.credentials().findById(unrelated.id())).contains(unrelated);
    }
}
