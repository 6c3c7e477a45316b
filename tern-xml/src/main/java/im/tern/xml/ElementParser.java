package im.tern.xml;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Parses one complete, standalone element under the same restrictions as {@link StreamParser}: an
 * RFC 7395 WebSocket frame ({@code <open xmlns='urn:ietf:params:xml:ns:xmpp-framing' .../>}, a stanza),
 * or a test fixture. The element itself is depth 1.
 */
public final class ElementParser {
    private ElementParser() {}

    public static Element parse(byte[] bytes, int off, int len, XmlLimits limits) throws XmlStreamException {
        if (len > limits.maxStanzaBytes()) throw Refusals.policy("element over " + limits.maxStanzaBytes() + " bytes");
        Utf8Validator utf8 = new Utf8Validator();
        utf8.check(bytes, off, len);
        if (!utf8.atCharBoundary()) throw new XmlStreamException("not-well-formed", "truncated UTF-8 character");
        new PrologGuard().scan(bytes, off, len);
        AsyncXMLStreamReader<AsyncByteArrayFeeder> reader = RestrictedXmlFactory.newReader();
        ElementAssembler assembler = new ElementAssembler(limits);
        try {
            reader.getInputFeeder().feedInput(bytes, off, len);
            reader.getInputFeeder().endOfInput();
            return read(reader, assembler);
        } catch (XMLStreamException e) {
            throw Refusals.forStax(e);
        } finally {
            RestrictedXmlFactory.close(reader, assembler.takeNames());
        }
    }

    public static Element parse(byte[] bytes, XmlLimits limits) throws XmlStreamException {
        return parse(bytes, 0, bytes.length, limits);
    }

    private static Element read(AsyncXMLStreamReader<?> reader, ElementAssembler assembler)
            throws XmlStreamException, XMLStreamException {
        Element result = null;
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> assembler.start(reader);
                case XMLStreamConstants.END_ELEMENT -> {
                    Element e = assembler.end();
                    if (assembler.depth() == 0) result = e;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (assembler.depth() > 0) assembler.text(reader);
                }
                case XMLStreamConstants.START_DOCUMENT -> { }
                case XMLStreamConstants.END_DOCUMENT -> {
                    if (result == null) throw new XmlStreamException("not-well-formed", "no complete element");
                    return result;
                }
                case AsyncXMLStreamReader.EVENT_INCOMPLETE -> throw new XmlStreamException("not-well-formed", "incomplete element");
                default -> {
                    XmlStreamException refused = Refusals.forEvent(event);
                    if (refused != null) throw refused;
                }
            }
        }
    }
}
