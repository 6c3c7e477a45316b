package im.tern.module.vcard;

import im.tern.core.Jid;
import im.tern.xml.Element;

/**
 * An account set its vCard (fired through the hooks once it is stored, before the client's answer):
 * the PEP module publishes a PHOTO as the account's XEP-0084 avatar.
 */
public record VcardUpdated(Jid account, Element vcard) {}
