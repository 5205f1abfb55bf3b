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

    static final Map<String, String> VARIABLES = Map.of(
            "--port", "GATEHOUSE_PORT",
            "--data-dir", "GATEHOUSE_DATA_DIR",
            "--in-memory", "GATEHOUSE_IN_MEMORY",
            "--jdbc-url", "GATEHOUSE_JDBC_URL",
            "--pepper-file", "GATEHOUSE_PEPPER_FILE",
            "--master-key-file", "GATEHOUSE_MASTER_KEY_FILE",
            "--org-name", "GATEHOUSE_ORG_NAME",
            "--last-used-flush-interval", "GATEHOUSE_LAST_USED_FLUSH_INTERVAL");

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
