package im.tern.app;

import im.tern.core.Jid;
import im.tern.core.auth.Credentials;
import im.tern.store.Database;
import im.tern.store.UserStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tern admin user ...}: accounts on a data directory, also while a server runs on it. */
@Command(name = "user", description = "Add, list and delete accounts.", mixinStandardHelpOptions = true,
        subcommands = {UserCommand.Add.class, UserCommand.AddBulk.class, UserCommand.ListUsers.class,
                UserCommand.Delete.class, UserCommand.Passwd.class})
final class UserCommand {

    /** Shared by the subcommands: the store, and the localpart of a JID checked against the domain. */
    abstract static class Base implements Callable<Integer> {
        @Mixin ConfigOptions config;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            TernConfig cfg = config.load();
            try (Database db = Stores.open(cfg)) {
                return run(cfg, db.store(UserStore.class), spec.commandLine().getOut());
            }
        }

        abstract int run(TernConfig cfg, UserStore users, PrintWriter out);

        String username(TernConfig cfg, String jidOrName) {
            Jid jid = Jid.parse(jidOrName.contains("@") ? jidOrName : jidOrName + "@" + cfg.domain);
            if (jid == null || jid.local() == null || jid.resource() != null) {
                throw new ParameterException(spec.commandLine(), "not a valid account address: " + jidOrName);
            }
            if (!jid.domain().equals(Jid.domain(cfg.domain).domain())) {
                throw new ParameterException(spec.commandLine(), jid + " is not on this server's domain " + cfg.domain
                        + " (set --domain or the config file's domain)");
            }
            return jid.local();
        }
    }

    @Command(name = "add", description = "Create an account.", mixinStandardHelpOptions = true)
    static final class Add extends Base {
        @Parameters(index = "0", paramLabel = "JID", description = "user@domain, or just the user name") String jid;
        @Parameters(index = "1", paramLabel = "PASSWORD") String password;

        @Override
        int run(TernConfig cfg, UserStore users, PrintWriter out) {
            String name = username(cfg, jid);
            if (password.isEmpty()) throw new ParameterException(spec.commandLine(), "the password must not be empty");
            if (!users.create(name, Credentials.fromPassword(password))) {
                spec.commandLine().getErr().println("account " + name + "@" + cfg.domain + " already exists");
                return 1;
            }
            out.println("added " + name + "@" + cfg.domain);
            return 0;
        }
    }

    @Command(name = "add-bulk", description = "Create numbered accounts PREFIX1..PREFIXN (for tests and benchmarks).",
            mixinStandardHelpOptions = true)
    static final class AddBulk extends Base {
        @Option(names = "--prefix", defaultValue = "u", description = "Name prefix (default: ${DEFAULT-VALUE}).") String prefix;
        @Option(names = "--count", required = true, description = "How many accounts.") int count;
        @Option(names = "--password", required = true, description = "The password of every account.") String password;
        @Option(names = "--width", defaultValue = "0",
                description = "Zero-pad the number to this many digits, e.g. --prefix 447400 --width 6 for phone-number accounts.") int width;

        @Override
        int run(TernConfig cfg, UserStore users, PrintWriter out) {
            // One derivation shared by all: bulk accounts exist for load tests, not for people.
            Credentials creds = Credentials.fromPassword(password);
            String number = width > 0 ? "%0" + width + "d" : "%d";
            int added = 0;
            for (int i = 1; i <= count; i++) {
                if (users.create(username(cfg, prefix + String.format(number, i)), creds)) added++;
            }
            out.println("added " + added + " accounts (" + (count - added) + " existed)");
            return 0;
        }
    }

    @Command(name = "list", description = "List accounts.", mixinStandardHelpOptions = true)
    static final class ListUsers extends Base {
        @Option(names = "--offset", defaultValue = "0") int offset;
        @Option(names = "--limit", defaultValue = "1000") int limit;

        @Override
        int run(TernConfig cfg, UserStore users, PrintWriter out) {
            List<String> names = users.list(offset, limit);
            for (String n : names) out.println(n + "@" + cfg.domain);
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete an account.", mixinStandardHelpOptions = true)
    static final class Delete extends Base {
        @Parameters(index = "0", paramLabel = "JID") String jid;

        @Override
        int run(TernConfig cfg, UserStore users, PrintWriter out) {
            String name = username(cfg, jid);
            if (!users.delete(name)) {
                spec.commandLine().getErr().println("no account " + name + "@" + cfg.domain);
                return 1;
            }
            out.println("deleted " + name + "@" + cfg.domain);
            return 0;
        }
    }

    @Command(name = "passwd", description = "Set an account's password.", mixinStandardHelpOptions = true)
    static final class Passwd extends Base {
        @Parameters(index = "0", paramLabel = "JID") String jid;
        @Parameters(index = "1", paramLabel = "PASSWORD") String password;

        @Override
        int run(TernConfig cfg, UserStore users, PrintWriter out) {
            String name = username(cfg, jid);
            // On the account's salts, so that its linked devices go on working (docs/decisions/0011).
            if (!users.credentials(name).map(old -> users.setCredentials(name, old.withPassword(password))).orElse(false)) {
                spec.commandLine().getErr().println("no account " + name + "@" + cfg.domain);
                return 1;
            }
            out.println("password changed for " + name + "@" + cfg.domain);
            return 0;
        }
    }
}
