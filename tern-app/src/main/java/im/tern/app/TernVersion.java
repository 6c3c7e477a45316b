package im.tern.app;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "dev" when run from classes. */
public final class TernVersion implements IVersionProvider {
    public static String get() {
        String v = TernVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"tern " + get()};
    }
}
