package im.tern.module.muc;

/**
 * The groups service's settings (docs/tern.example.yaml, {@code groups:}).
 *
 * @param subdomain        the service's address is {@code <subdomain>.<domain>}
 * @param maxMembers       affiliated members (owners, admins, members) a room may have
 * @param maxRoomsPerOwner rooms one account may own
 * @param historyMessages  messages a joining occupant gets when it asks for no particular history
 * @param maxHistory       the most it gets whatever it asks (and the largest archive page)
 */
public record MucSettings(String subdomain, int maxMembers, int maxRoomsPerOwner, int historyMessages, int maxHistory) {
    public static final MucSettings DEFAULTS = new MucSettings("groups", 1024, 100, 20, 100);

    public MucSettings {
        if (subdomain == null || subdomain.isBlank() || subdomain.contains("@") || subdomain.contains("/")) {
            throw new IllegalArgumentException("groups.subdomain must be a DNS label: " + subdomain);
        }
        if (maxMembers < 1) throw new IllegalArgumentException("groups.maxMembers must be at least 1");
        if (maxRoomsPerOwner < 1) throw new IllegalArgumentException("groups.maxRoomsPerOwner must be at least 1");
        if (historyMessages < 0 || maxHistory < historyMessages) {
            throw new IllegalArgumentException("groups.historyMessages must be between 0 and groups.maxHistory");
        }
    }
}
