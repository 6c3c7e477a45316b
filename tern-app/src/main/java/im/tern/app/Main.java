package im.tern.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tern} command. */
@Command(name = "tern", mixinStandardHelpOptions = true, versionProvider = TernVersion.class,
        description = "Tern: a messaging service in the shape of WhatsApp, speaking XMPP.",
        subcommands = {ServerCommand.class, AdminCommand.class})
public final class Main {
    public static void main(String[] args) {
        if ("json".equals(System.getenv("TERN_LOG_FORMAT")) && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line, also for tests that run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }
}
