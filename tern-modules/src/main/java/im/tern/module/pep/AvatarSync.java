package im.tern.module.pep;

import im.tern.core.Jid;
import im.tern.core.module.Hook;
import im.tern.module.stored.StoredXml;
import im.tern.module.vcard.VcardModule;
import im.tern.module.vcard.VcardUpdated;
import im.tern.store.DocumentStore;
import im.tern.store.PepStore;
import im.tern.xml.Element;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an account's avatar the same in PEP (XEP-0084) and in its vCard (XEP-0054 PHOTO, which XEP-0153
 * clients read), like Prosody's mod_vcard_legacy and ejabberd: new avatar metadata published by a client
 * becomes the vCard PHOTO; a vCard set with a PHOTO is published as avatar data and metadata (nodes the
 * server creates for it are open, as the vCard itself is readable by anyone), and an empty PHOTO as
 * "no avatar". A vCard without PHOTO leaves the avatar alone. Each direction first checks the other side
 * already shows the same image, so neither echoes the other.
 */
final class AvatarSync {
    private static final Logger log = LoggerFactory.getLogger(AvatarSync.class);
    private static final NodeConfig SERVER_NODES = NodeConfig.DEFAULT.withAccessModel(AccessModel.OPEN);

    private final PepStore store;
    private final DocumentStore documents;
    private final Publishing publishing;
    private final AvatarHashes hashes;
    private final PepSettings settings;
    private final Executor blocking;

    AvatarSync(PepStore store, DocumentStore documents, Publishing publishing, AvatarHashes hashes, PepSettings settings, Executor blocking) {
        this.store = store;
        this.documents = documents;
        this.publishing = publishing;
        this.hashes = hashes;
        this.settings = settings;
        this.blocking = blocking;
    }

    /** PEP to vCard: a client published to its metadata node. */
    void published(Jid owner, PepNode node, PepStore.Item item) {
        if (!node.name().equals(Avatars.METADATA)) return;
        CompletableFuture.runAsync(() -> {
            Element metadata = StoredXml.parse(item.xml());
            Avatars.Info info = Avatars.info(metadata, item.id());
            if (info == null && !metadata.elements().isEmpty()) return; // only images served elsewhere (url)
            Element photo = null;
            if (info != null) {
                List<PepStore.Item> data = store.items(owner.local(), Avatars.DATA, List.of(info.id()), 1);
                if (data.isEmpty()) return; // an image served from elsewhere (url): nothing to copy
                photo = Avatars.vcardPhoto(info.type(), StoredXml.parse(data.get(0).xml()).text().strip());
            }
            writePhoto(owner, photo);
            hashes.changed(owner, info == null ? "" : info.id());
        }, blocking).whenComplete((v, error) -> {
            if (error != null) log.warn("could not copy the avatar of {} to its vCard", owner, error);
        });
    }

    /** vCard to PEP: the account set its vCard. Completes when the avatar is published. */
    CompletionStage<Hook.Outcome> vcardSet(VcardUpdated event) {
        Element photo = event.vcard().child("PHOTO", Avatars.VCARD);
        if (photo == null) return Hook.CONTINUE;
        Jid owner = event.account();
        String binval = photo.childText("BINVAL", Avatars.VCARD);
        CompletionStage<?> done;
        if (binval == null || binval.isBlank()) {
            done = currentId(owner).thenCompose(id -> id == null || id.isEmpty() ? CompletableFuture.completedFuture(null)
                    : publishing.publishAsServer(owner, Avatars.METADATA, "none", Avatars.noAvatar(), SERVER_NODES)
                            .thenRun(() -> hashes.changed(owner, "")));
        } else {
            byte[] image;
            try {
                image = Base64.getMimeDecoder().decode(binval);
            } catch (IllegalArgumentException e) {
                log.debug("vCard PHOTO of {} is not base64; not published", owner);
                return Hook.CONTINUE;
            }
            if (image.length == 0 || image.length > settings.maxAvatarBytes()) {
                log.info("vCard PHOTO of {} has {} bytes, over the avatar limit of {}; not published", owner, image.length, settings.maxAvatarBytes());
                return Hook.CONTINUE;
            }
            String id = Avatars.sha1Hex(image);
            String declared = photo.childText("TYPE", Avatars.VCARD);
            String type = declared == null || declared.isBlank() ? Avatars.sniffType(image) : declared.strip();
            done = currentId(owner).thenCompose(current -> id.equals(current) ? CompletableFuture.completedFuture(null)
                    : publishing.publishAsServer(owner, Avatars.DATA, id, Avatars.data(image), SERVER_NODES)
                            .thenCompose(p -> publishing.publishAsServer(owner, Avatars.METADATA, id,
                                    Avatars.metadata(id, image.length, type), SERVER_NODES))
                            .thenRun(() -> hashes.changed(owner, id)));
        }
        return done.handle((v, error) -> {
            if (error != null) log.warn("could not publish the vCard photo of {} as its avatar", owner, error);
            return Hook.Outcome.CONTINUE;
        });
    }

    /** The id of the avatar now in the metadata node: "" for none, null when there is no metadata. */
    private CompletionStage<String> currentId(Jid owner) {
        return CompletableFuture.supplyAsync(() -> store.node(owner.local(), Avatars.METADATA)
                .map(PepStore.Node::last)
                .map(last -> Avatars.info(StoredXml.parse(last.xml()), last.id()) == null ? "" : last.id())
                .orElse(null), blocking);
    }

    /** Blocking: puts the photo in the stored vCard (null removes it), unless it is there already. */
    private void writePhoto(Jid owner, Element photo) {
        String stored = documents.get(owner.local(), VcardModule.DOCUMENT_KEY).orElse(null);
        Element vcard = stored == null ? Element.empty(VcardModule.ELEMENT, VcardModule.NAMESPACE) : StoredXml.parse(stored);
        Element updated = vcard.withoutChildren("PHOTO", Avatars.VCARD);
        if (photo != null) updated = updated.withChild(photo);
        if (Objects.equals(updated, vcard) || (stored == null && photo == null)) return;
        documents.put(owner.local(), VcardModule.DOCUMENT_KEY, updated.toXml());
    }
}
