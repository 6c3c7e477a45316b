package im.tern.xml;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The Aalto async factory shared by every parser of the JVM, configured once for RFC 6120 restricted XML.
 * Sharing it makes a new reader cheap (its buffers come from Aalto's per-thread recycler, its names from
 * the factory's symbol table), which is what lets a stream parser drop its reader whenever it is idle.
 *
 * <p>A closed reader merges the names it decoded into the factory's symbol table, which Aalto never
 * shrinks: peers sending ever new element and attribute names would grow it without bound. So names
 * are counted as readers close, and after {@link #NAME_BUDGET} the factory is replaced by a fresh one.
 */
final class RestrictedXmlFactory {
    /** Names (counted with repeats, so an upper bound on new symbols) merged before the factory is renewed. */
    static final int NAME_BUDGET = 50_000;
    private static final AtomicInteger NAMES_MERGED = new AtomicInteger();
    private static volatile AsyncXMLInputFactory factory = create();

    private RestrictedXmlFactory() {}

    static AsyncXMLStreamReader<AsyncByteArrayFeeder> newReader() {
        return factory.createAsyncForByteArray();
    }

    /** The factory readers come from now; it changes when renewed. */
    static Object current() { return factory; }

    /** Closes the reader, handing its buffers back, after counting the names it may add to the shared table. */
    static void close(AsyncXMLStreamReader<?> reader, int namesSeen) {
        if (NAMES_MERGED.addAndGet(namesSeen) > NAME_BUDGET) {
            NAMES_MERGED.set(0);
            factory = create();
        }
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // closing only recycles buffers and symbols; nothing to report
        }
    }

    private static AsyncXMLInputFactory create() {
        AsyncXMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Undeclared entities surface as ENTITY_REFERENCE events, which we refuse, instead of being resolved.
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return f;
    }
}
