package im.tern.module.api;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A client's address as rate limits count it: IPv4 as is, IPv6 by its /64 (one subscriber's usual allocation). */
public final class ClientAddress {
    private ClientAddress() {}

    /** The key for a literal address; {@code unknown} when there is none. */
    public static String key(String address) {
        if (address == null || address.isEmpty()) return "unknown";
        if (!address.contains(":")) return address;
        try {
            byte[] b = InetAddress.getByName(address).getAddress(); // a literal: no lookup
            if (b.length != 16) return InetAddress.getByAddress(b).getHostAddress();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i += 2) sb.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
            return sb.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
