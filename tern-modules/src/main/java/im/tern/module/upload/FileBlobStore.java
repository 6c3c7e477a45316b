package im.tern.module.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Blobs as files: {@code <dir>/files/<id>}, written first to {@code <dir>/tmp/<id>.<random>.part} and renamed
 * into place (same filesystem, so the rename is atomic). Only valid ids are ever turned into paths.
 */
public final class FileBlobStore implements BlobStore {
    private final Path files;
    private final Path tmp;

    public FileBlobStore(Path directory) {
        this.files = directory.resolve("files");
        this.tmp = directory.resolve("tmp");
        try {
            Files.createDirectories(files);
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload directories under " + directory, e);
        }
    }

    @Override
    public PendingBlob create(String id) throws IOException {
        Path target = path(id);
        Path part = tmp.resolve(id + "." + UploadIds.next() + ".part");
        FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new PendingBlob() {
            @Override
            public void write(ByteBuffer bytes) throws IOException {
                while (bytes.hasRemaining()) out.write(bytes);
            }

            @Override
            public boolean commit() throws IOException {
                out.force(false); // the bytes are on disk before the name points at them
                out.close();
                if (Files.exists(target)) {
                    discard();
                    return false;
                }
                try {
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    discard();
                    return false;
                }
                return true;
            }

            @Override
            public void discard() {
                try {
                    out.close();
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // removeAbandoned takes it later
                }
            }
        };
    }

    @Override
    public Optional<Path> find(String id) {
        if (!UploadIds.valid(id)) return Optional.empty();
        Path p = files.resolve(id);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    @Override
    public boolean delete(String id) throws IOException {
        return Files.deleteIfExists(path(id));
    }

    @Override
    public List<String> ids() throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(files)) {
            for (Path p : all) {
                String name = p.getFileName().toString();
                if (UploadIds.valid(name)) ids.add(name);
            }
        }
        return ids;
    }

    @Override
    public int removeAbandoned(Instant cutoff) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> all = Files.newDirectoryStream(tmp, "*.part")) {
            for (Path p : all) {
                try {
                    if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff) && Files.deleteIfExists(p)) removed++;
                } catch (NoSuchFileException finishedMeanwhile) {
                    // renamed or discarded while we looked
                }
            }
        }
        return removed;
    }

    private Path path(String id) {
        if (!UploadIds.valid(id)) throw new IllegalArgumentException("not an upload id");
        return files.resolve(id);
    }
}
