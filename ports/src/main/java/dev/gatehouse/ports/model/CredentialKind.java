package dev.gatehouse.ports.model;

import java.util.Optional;

/** What a credential is for; the code is the kind's segment in the token, as in {@code gth_wt_...}. */
public enum CredentialKind {
    /** Manages the platform through the management API. */
    API_KEY("ak"),
    /** Sends telemetry to one project. */
    WRITE_TOKEN("wt"),
    /** Queries one project's telemetry. */
    READ_TOKEN("rt");

    private static final CredentialKind[] KINDS = values();

    private final String code;

    CredentialKind(String code) {
        this.code = code;
    }

    /** The two-letter code in the token. */
    public String code() {
        return code;
    }

    /** The kind whose code is {@code code}, or empty; a loop, since every credential read from a store makes one. */
    public static Optional<CredentialKind> fromCode(String code) {
        for (CredentialKind kind : KINDS) {
            if (kind.code.equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
