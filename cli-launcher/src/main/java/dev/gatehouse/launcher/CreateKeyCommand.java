package dev.gatehouse.launcher;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.in.UseCases;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.GatehouseException;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.StorageException;
import dev.gatehouse.ports.out.Storage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse admin create-key}: issues an API key as the operator of the store and prints it once. */
@Command(
        name = "create-key",
        mixinStandardHelpOptions = true,
        description = {
            "Create an API key in an organization, acting as the operator of the store.",
            "Prints the key alone on standard output, once; a summary goes to standard error. Use the same store "
                    + "and pepper options as the server. An embedded H2 store must not be in use by a running server."
        })
final class CreateKeyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--org", paramLabel = "NAME", required = true, description = "Organization that owns the key.")
    String organization;

    @Option(names = "--name", paramLabel = "KEYNAME", required = true, description = "Name of the key.")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "Description of the key.")
    String description;

    @Option(names = "--scope", paramLabel = "SCOPE", required = true, split = ",",
            converter = Converters.ScopeConverter.class,
            description = "A scope the key holds, such as project:read; repeat the option or separate with commas.")
    List<Scope> scopes;

    @Option(names = "--project", paramLabel = "PROJECT_NAME",
            description = "Bind the key to this project of the organization (default: every project).")
    String project;

    @Option(names = "--expires-at", paramLabel = "ISO", converter = Converters.InstantConverter.class,
            description = "When the key stops working, as 2030-01-31T00:00:00Z (default: never).")
    Instant expiresAt;

    /** The settings the options describe; an in-memory store is a usage error, since it would hold nothing. */
    GatehouseSettings settings() {
        StorageChoice choice = storage.storage();
        if (!choice.persistent()) {
            throw storage.usage(storage.source("--in-memory")
                    + " cannot be used here: an in-memory store starts empty and forgets the key at once");
        }
        return new GatehouseSettings(choice, storage.pepper(), null, storage.masterKeyFile(choice));
    }

    @Override
    public Integer call() {
        GatehouseSettings settings = settings();
        requireDatabaseFile(settings.storage());
        try (Resources resources = new Resources()) {
            UseCases useCases;
            try {
                Injector injector = Guice.createInjector(new LauncherModule(settings, resources));
                requireInstallation(injector.getInstance(Storage.class), settings.storage());
                useCases = injector.getInstance(UseCases.class);
            } catch (RuntimeException e) {
                RuntimeException cause = FailureHandler.unwrap(e);
                if (cause instanceof StorageException && settings.storage() instanceof StorageChoice.H2File) {
                    throw new StorageException(cause.getMessage() + "; an embedded H2 store opens in one process "
                            + "at a time: stop the server using it first", cause.getCause());
                }
                throw cause;
            }
            Organization owner = useCases.organizations().findByName(organization).orElseThrow(() ->
                    new NotFoundException("the " + settings.storage() + " has no organization named '" + organization
                            + "' (it has: " + organizationNames(useCases) + ")"));
            Principal operator = Principal.operator(owner.id());
            ProjectId projectId = project == null ? null : projectNamed(useCases, operator);
            IssuedCredential issued = useCases.credentials().createApiKey(operator,
                    new NewApiKey(name, description, new LinkedHashSet<>(scopes), projectId, expiresAt));
            if (!report(issued)) {
                useCases.credentials().revoke(operator, CredentialTarget.apiKey(issued.credential().id()));
                throw new GatehouseException("the API key '" + name + "' (" + issued.credential().id() + ") could "
                        + "not be written to standard output, so it was revoked at once: run the command again with "
                        + "a standard output that can be written");
            }
            return 0;
        }
    }

    /**
     * Refuses a data directory that holds no H2 database before anything is written there: a mistyped
     * {@code --data-dir} must not become a new, empty store.
     */
    private static void requireDatabaseFile(StorageChoice storage) {
        if (storage instanceof StorageChoice.H2File h2
                && !Files.exists(h2.directory().resolve(StorageChoice.H2File.DATABASE_NAME + ".mv.db"))) {
            throw new NotFoundException("there is no Gatehouse store in " + h2.directory() + ": 'gatehouse serve' "
                    + "sets one up, and this command then adds keys to it");
        }
    }

    /**
     * Refuses a store no server has set up, before the core is built: building it would keep the fingerprints of
     * this command's pepper and create a master key, so that the first {@code serve} with the intended ones would
     * be refused.
     */
    private static void requireInstallation(Storage storage, StorageChoice choice) {
        if (storage.organizations().list().isEmpty()) {
            throw new NotFoundException("the " + choice + " holds no installation yet: 'gatehouse serve' sets one "
                    + "up, and this command then adds keys to it");
        }
    }

    private ProjectId projectNamed(UseCases useCases, Principal operator) {
        return useCases.projects().list(operator).stream()
                .filter(candidate -> candidate.name().equals(project))
                .map(Project::id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException(
                        "organization '" + organization + "' has no project named '" + project + "'"));
    }

    private static String organizationNames(UseCases useCases) {
        return useCases.organizations().all().stream()
                .map(org -> "'" + org.name() + "'")
                .collect(Collectors.joining(", "));
    }

    /** Shows the key on standard output and what it is on standard error; whether standard output took it. */
    private boolean report(IssuedCredential issued) {
        Credential key = issued.credential();
        PrintWriter err = spec.commandLine().getErr();
        err.println("Created API key '" + key.name() + "' (id " + key.id() + ") in organization '" + organization
                + "'" + (project == null ? ", for every project" : ", for project '" + project + "'")
                + (key.expiresAt() == null ? ", never expiring" : ", expiring at " + key.expiresAt())
                + ", with scopes " + key.scopes().stream().map(Scope::wireName).collect(Collectors.joining(" "))
                + ". The key below is shown this once:");
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.println(issued.token());
        out.flush();
        return !out.checkError();
    }
}
