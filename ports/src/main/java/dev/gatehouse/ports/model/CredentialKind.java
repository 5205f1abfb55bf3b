package dev.gatehouse.ports.model;

import java.util.Arrays;
import java.util.Optional;

/** What a credential is for; the code is the kind's segment in the token, as in {@code gth_wt_...}. */
public enum CredentialKind {
    /** Manages the platform through the management API. */
    API_KEY("ak"),
    /** Sends telemetry to one project. */
    WRITE_TOKEN("wt"),
    /** Queries one project's telemetry. */
    READ_TOKEN("rt");

    private final String code;

    CredentialKind(String code) {
        this.code = code;
    }

    /** The two-letter code in the token. */
    public String code() {
        return code;
    }

    /** The kind whose code is {@code code}, or empty. */
    public static Optional<CredentialKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
