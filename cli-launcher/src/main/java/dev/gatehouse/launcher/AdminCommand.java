package dev.gatehouse.launcher;

import picocli.CommandLine.Command;

/** {@code gatehouse admin}: groups the operator commands that open the store directly. */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Operator commands that work on the store directly, without a running server.",
        subcommands = CreateKeyCommand.class)
final class AdminCommand {
}
