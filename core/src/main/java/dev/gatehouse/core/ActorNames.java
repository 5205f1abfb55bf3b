package dev.gatehouse.core;

import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.out.CredentialStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up the names that responses show for the credentials that created or changed something: an API key's name,
 * nothing for tokens, operators and deleted keys. Each name is looked up once per instance. Not thread-safe: one per
 * call of a use case.
 */
final class ActorNames {

    private final CredentialStore credentials;
    private final Map<CredentialId, Optional<String>> names = new HashMap<>();

    ActorNames(CredentialStore credentials) {
        this.credentials = credentials;
    }

    /** The name of the API key {@code actor}, or null. */
    String nameOf(CredentialId actor) {
        if (actor == null) {
            return null;
        }
        return names.computeIfAbsent(actor, id -> credentials.findById(id)
                        .filter(credential -> credential.kind() == CredentialKind.API_KEY)
                        .map(Credential::name))
                .orElse(null);
    }
}
