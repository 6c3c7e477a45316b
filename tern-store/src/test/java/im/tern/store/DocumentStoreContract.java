package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DocumentStore} backend must do; subclasses say which backend. */
public abstract class DocumentStoreContract {
    private static final String VCARD = "vcard-temp";
    private static final String BOOKMARKS = "storage:bookmarks";

    private Database database;
    protected DocumentStore documents;

    /** A freshly migrated, empty backend. */
    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        documents = database.store(DocumentStore.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void storedDocumentIsReturnedByItsKey() {
        documents.put("alice", VCARD, "<vCard xmlns='vcard-temp'><FN>Alice Ørsted 🐦</FN></vCard>");

        assertThat(documents.get("alice", VCARD)).contains("<vCard xmlns='vcard-temp'><FN>Alice Ørsted 🐦</FN></vCard>");
        assertThat(documents.get("alice", BOOKMARKS)).isEmpty();
        assertThat(documents.get("bob", VCARD)).isEmpty();
    }

    @Test
    void putReplacesTheEarlierDocument() {
        documents.put("alice", VCARD, "<vCard xmlns='vcard-temp'/>");
        documents.put("alice", VCARD, "<vCard xmlns='vcard-temp'><NICKNAME>al</NICKNAME></vCard>");

        assertThat(documents.get("alice", VCARD)).contains("<vCard xmlns='vcard-temp'><NICKNAME>al</NICKNAME></vCard>");
    }

    @Test
    void largeDocumentSurvivesWhole() {
        String photo = "<vCard xmlns='vcard-temp'><PHOTO><BINVAL>" + "QUJD".repeat(64 * 1024) + "</BINVAL></PHOTO></vCard>";
        documents.put("alice", VCARD, photo);

        assertThat(documents.get("alice", VCARD)).contains(photo);
    }

    @Test
    void deleteRemovesOneDocumentAndSaysWhetherItExisted() {
        documents.put("alice", VCARD, "<vCard xmlns='vcard-temp'/>");
        documents.put("alice", BOOKMARKS, "<storage xmlns='storage:bookmarks'/>");

        assertThat(documents.delete("alice", VCARD)).isTrue();
        assertThat(documents.delete("alice", VCARD)).isFalse();

        assertThat(documents.get("alice", VCARD)).isEmpty();
        assertThat(documents.get("alice", BOOKMARKS)).isPresent();
    }

    @Test
    void deleteAllRemovesOnlyThatUsersDocuments() {
        documents.put("alice", VCARD, "<vCard xmlns='vcard-temp'/>");
        documents.put("alice", BOOKMARKS, "<storage xmlns='storage:bookmarks'/>");
        documents.put("bob", VCARD, "<vCard xmlns='vcard-temp'><FN>Bob</FN></vCard>");

        documents.deleteAll("alice");

        assertThat(documents.get("alice", VCARD)).isEmpty();
        assertThat(documents.get("alice", BOOKMARKS)).isEmpty();
        assertThat(documents.get("bob", VCARD)).contains("<vCard xmlns='vcard-temp'><FN>Bob</FN></vCard>");
    }
}
