package dev.gatehouse.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code gatehouse} command: its subcommands do the work, and without one it prints its usage. */
@Command(
        name = "gatehouse",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        description = "Credential and alerting control plane, wire-compatible with Logfire's management API.",
        subcommands = {ServeCommand.class, AdminCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the command failed", "2:usage error (bad or conflicting options)",
            "143:serve stopped by SIGTERM (130 by Ctrl-C), after its graceful stop"})
final class RootCommand {

    /** The version the runnable jar's manifest names. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RootCommand.class.getPackage().getImplementationVersion();
            return new String[] {"gatehouse " + (version == null ? "(development build)" : version)};
        }
    }
}
