package im.tern.app;

import im.tern.core.module.Module;
import im.tern.module.archive.ArchiveModule;
import im.tern.module.disco.DiscoModule;
import im.tern.module.offline.OfflineModule;
import im.tern.module.ping.PingModule;
import im.tern.module.presence.PresenceModule;
import im.tern.module.privatexml.PrivateXmlModule;
import im.tern.module.register.RegisterModule;
import im.tern.module.roster.RosterModule;
import im.tern.module.vcard.VcardModule;
import im.tern.module.version.VersionModule;
import java.util.List;

/** The one list of enabled features, in start order. To add a feature, add it here (docs/adding-a-module.md). */
final class EnabledModules {
    private EnabledModules() {}

    static List<Module> list(TernConfig config) {
        return List.of(
                new DiscoModule(),                      // XEP-0030
                new RosterModule(),                     // RFC 6121 §2, XEP-0237
                new PresenceModule(),                   // RFC 6121 §3-4
                new PingModule(),                       // XEP-0199
                new VersionModule(TernVersion.get()),   // XEP-0092
                new VcardModule(),                      // XEP-0054
                new PrivateXmlModule(),                 // XEP-0049
                new ArchiveModule(config.messages.archiveRetentionDays), // XEP-0313, XEP-0359; before offline
                new OfflineModule(config.messages.offlineMaxAgeDays, config.messages.offlineMaxPerAccount), // XEP-0160
                new RegisterModule(config.registration.inBand)); // XEP-0077
    }
}
