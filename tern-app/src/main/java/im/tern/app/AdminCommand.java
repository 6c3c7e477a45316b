package im.tern.app;

import picocli.CommandLine.Command;

/** {@code tern admin}: operator commands that work on a data directory. */
@Command(name = "admin", description = "Operator commands on a data directory.", mixinStandardHelpOptions = true,
        subcommands = UserCommand.class)
final class AdminCommand {}
