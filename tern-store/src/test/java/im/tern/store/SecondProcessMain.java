package im.tern.store;

import im.tern.core.auth.Credentials;
import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link EmbeddedStoreSharingTest}, as the operator CLI would be: opens the
 * data directory another process holds, reports whether {@code args[1]} exists, then creates {@code args[2]}.
 */
public final class SecondProcessMain {
    private SecondProcessMain() {}

    public static void main(String[] args) {
        try (Database db = Database.open(StoreConfig.embedded(Path.of(args[0])).withPoolSize(1))) {
            UserStore users = db.store(UserStore.class);
            System.out.println("exists " + args[1] + "=" + users.exists(args[1]));
            System.out.println("created " + args[2] + "=" + users.create(args[2], Credentials.fromPassword("pw")));
        }
    }
}
