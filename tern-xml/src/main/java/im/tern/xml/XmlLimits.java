package im.tern.xml;

/**
 * Bounds on what one stream may make the parser hold.
 *
 * @param maxStanzaBytes bytes a single first-level element may span on the wire (default 256 KiB)
 * @param maxDepth       nesting depth inside a stanza, the stanza itself being depth 1
 * @param maxAttributes  attributes on one element
 */
public record XmlLimits(int maxStanzaBytes, int maxDepth, int maxAttributes) {
    public static final XmlLimits DEFAULT = new XmlLimits(256 * 1024, 64, 64);
}
