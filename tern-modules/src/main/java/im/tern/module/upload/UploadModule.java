package im.tern.module.upload;

import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.module.archive.Sweeper;
import im.tern.store.UploadStore;
import im.tern.xml.Element;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/** XEP-0363 HTTP File Upload, served by the domain itself. See docs/upload.md. */
public final class UploadModule implements Module {
    public static final String NAMESPACE = "urn:xmpp:http:upload:0";
    /** Where files live on the HTTP port: {@code /v1/files/{id}/{name}}. */
    static final String PATH_PREFIX = "/v1/files/";
    private static final String PATH = PATH_PREFIX + "{id}/{name}";

    private final UploadSettings settings;
    private Sweeper sweeper;

    public UploadModule(UploadSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() { return "upload"; }

    @Override
    public void start(ModuleContext ctx) {
        UploadStore store = ctx.store(UploadStore.class);
        BlobStore blobs = new FileBlobStore(settings.directory());
        ctx.disco().serverFeature(NAMESPACE);
        ctx.disco().serverIdentity("store", "file", "HTTP File Upload");
        ctx.disco().serverExtension(maxSizeForm());
        ctx.iq().serverGet("request", NAMESPACE, new SlotIq(store, settings, ctx.clock(), ctx.blocking()));
        UploadRoutes routes = new UploadRoutes(store, blobs, settings, ctx.clock(), ctx.blocking());
        ctx.http().streamingRoute("PUT", PATH, settings.maxFileBytes(), routes.put());
        ctx.http().route("GET", PATH, routes.get());
        ctx.http().route("HEAD", PATH, routes.get());
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> CompletableFuture.runAsync(() -> {
            try {
                for (String id : store.deleteOwner(e.account().local())) blobs.delete(id);
            } catch (IOException failed) {
                throw new UncheckedIOException(failed); // what is left, the collector removes as orphans
            }
        }, ctx.blocking()).thenApply(v -> Hook.Outcome.CONTINUE));
        sweeper = new Sweeper("upload", settings.collectInterval(), new Collector(store, blobs, ctx.clock()));
        sweeper.start(ctx.blocking());
    }

    @Override
    public void stop() {
        if (sweeper != null) sweeper.stop();
    }

    /** XEP-0363 section 2: the largest file, in a XEP-0128 form of FORM_TYPE urn:xmpp:http:upload:0. */
    private Element maxSizeForm() {
        String data = "jabber:x:data";
        return Element.builder("x", data).attr("type", "result")
                .child(Element.builder("field", data).attr("var", "FORM_TYPE").attr("type", "hidden")
                        .child(Element.builder("value", data).text(NAMESPACE).build()).build())
                .child(Element.builder("field", data).attr("var", "max-file-size")
                        .child(Element.builder("value", data).text(Long.toString(settings.maxFileBytes())).build()).build())
                .build();
    }
}
