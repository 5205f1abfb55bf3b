package dev.gatehouse.launcher;

import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes the default of each option that has an environment-variable equivalent from that variable; an unset or
 * empty variable leaves the option's own default in place.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    static final Map<String, String> VARIABLES = Map.ofEntries(
            Map.entry("--port", "GATEHOUSE_PORT"),
            Map.entry("--data-dir", "GATEHOUSE_DATA_DIR"),
            Map.entry("--in-memory", "GATEHOUSE_IN_MEMORY"),
            Map.entry("--jdbc-url", "GATEHOUSE_JDBC_URL"),
            Map.entry("--pepper-file", "GATEHOUSE_PEPPER_FILE"),
            Map.entry("--master-key-file", "GATEHOUSE_MASTER_KEY_FILE"),
            Map.entry("--org-name", "GATEHOUSE_ORG_NAME"),
            Map.entry("--last-used-flush-interval", "GATEHOUSE_LAST_USED_FLUSH_INTERVAL"),
            Map.entry("--rate-limit-burst", "GATEHOUSE_RATE_LIMIT_BURST"),
            Map.entry("--rate-limit-per-second", "GATEHOUSE_RATE_LIMIT_PER_SECOND"),
            Map.entry("--failed-auth-delay", "GATEHOUSE_FAILED_AUTH_DELAY"),
            Map.entry("--verification-cache-size", "GATEHOUSE_VERIFICATION_CACHE_SIZE"),
            Map.entry("--verification-cache-ttl", "GATEHOUSE_VERIFICATION_CACHE_TTL"),
            Map.entry("--unknown-token-cache-ttl", "GATEHOUSE_UNKNOWN_TOKEN_CACHE_TTL"));

    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        String variable = VARIABLES.get(option.longestName());
        if (variable == null) {
            return null;
        }
        String value = environment.get(variable);
        return value == null || value.isEmpty() ? null : value;
    }
}
