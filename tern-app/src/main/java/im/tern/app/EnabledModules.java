package im.tern.app;

import im.tern.core.module.Module;
import im.tern.module.archive.ArchiveModule;
import im.tern.module.blocking.BlockingModule;
import im.tern.module.broadcast.BroadcastModule;
import im.tern.module.carbons.CarbonsModule;
import im.tern.module.chatstates.ChatStatesModule;
import im.tern.module.contacts.ContactsModule;
import im.tern.module.devices.DevicesModule;
import im.tern.module.disco.DiscoItems;
import im.tern.module.disco.DiscoModule;
import im.tern.module.muc.MucModule;
import im.tern.module.lastactivity.LastActivityModule;
import im.tern.module.messagefeatures.MessageFeaturesModule;
import im.tern.module.offline.OfflineModule;
import im.tern.module.pep.PepAccessRules;
import im.tern.module.pep.PepModule;
import im.tern.module.pep.PepSettings;
import im.tern.module.ping.PingModule;
import im.tern.module.presence.PresenceModule;
import im.tern.module.privacy.PrivacyModule;
import im.tern.module.privatexml.PrivateXmlModule;
import im.tern.module.profile.ProfileModule;
import im.tern.module.push.PushModule;
import im.tern.module.register.RegisterModule;
import im.tern.module.retract.RetractModule;
import im.tern.module.roster.RosterModule;
import im.tern.module.signup.SignupModule;
import im.tern.module.upload.UploadModule;
import im.tern.module.vcard.VcardModule;
import im.tern.module.version.VersionModule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/** The one list of enabled features, in start order. To add a feature, add it here (docs/adding-a-module.md). */
final class EnabledModules {
    private EnabledModules() {}

    /** {@code httpPort} is read once the server listens (upload URLs name it). */
    static List<Module> list(TernConfig config, IntSupplier httpPort) {
        PepSettings pep = config.pep.settings();
        // Who sees which PEP node beyond its access model: the privacy settings add "who sees my photo".
        PepAccessRules pepAccess = new PepAccessRules();
        // Services hosted beside the domain (groups) list themselves in the domain's disco#items.
        DiscoItems services = new DiscoItems();
        List<Module> modules = new ArrayList<>(List.of(
                new DiscoModule(services),              // XEP-0030
                new RosterModule(),                     // RFC 6121 §2, XEP-0237
                new PresenceModule(),                   // RFC 6121 §3-4
                new PingModule(),                       // XEP-0199
                new VersionModule(TernVersion.get()),   // XEP-0092
                // A vCard carries its PHOTO too: room for the text and for the largest avatar, base64.
                new VcardModule(VcardModule.DEFAULT_MAX_BYTES + pep.maxAvatarBase64Chars()), // XEP-0054
                new PrivateXmlModule(),                 // XEP-0049
                // Blocking first: its BEFORE hooks refuse stanzas before any other module acts on them.
                new BlockingModule(),                   // XEP-0191
                // Hooks of one phase run in this order: the archive stamps the stanza-id, the offline
                // store may hold a message back while a device catches up, then carbons copy it.
                new ArchiveModule(config.messages.archiveRetentionDays), // XEP-0313, XEP-0359
                new OfflineModule(config.messages.offlineMaxAgeDays, config.messages.offlineMaxPerAccount), // XEP-0160
                new CarbonsModule(),                    // XEP-0280
                new PrivacyModule(config.profile.maxBodyBytes, pepAccess), // who sees last seen, online, photo, about
                new ProfileModule(config.profile.settings(), config.contacts.settings()), // display name, about (HTTP)
                new LastActivityModule(),               // XEP-0012
                new ChatStatesModule(),                 // XEP-0085
                new BroadcastModule(),                  // XEP-0033
                new PushModule(),                       // XEP-0357
                new PepModule(pep, pepAccess),          // XEP-0163, XEP-0084, XEP-0153
                new MessageFeaturesModule(config.messages.editWindowSeconds), // XEP-0308, XEP-0444, XEP-0461
                new RetractModule(config.messages.retractWindowSeconds),      // XEP-0424
                new RegisterModule(config.registration.inBand))); // XEP-0077
        if (config.signup.enabled) {
            modules.add(new SignupModule(config.signup.settings(), config.signup.gateway())); // phone sign-up, HTTP API
        }
        if (config.groups.enabled) modules.add(new MucModule(config.groups.settings(), services)); // XEP-0045 groups
        if (config.devices.enabled) modules.add(new DevicesModule(config.devices.settings())); // linked devices, HTTP API
        if (config.contacts.enabled) modules.add(new ContactsModule(config.contacts.settings())); // contact discovery
        if (config.upload.enabled && config.ports.http >= 0) {
            modules.add(new UploadModule(config.upload.settings(config, httpPort))); // XEP-0363, files over HTTP
        }
        return List.copyOf(modules);
    }
}
