package im.tern.module.archive;

import im.tern.xml.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The little of XEP-0004 data forms the archive needs: reading a submitted form and writing its own. */
final class DataForm {
    static final String NAMESPACE = "jabber:x:data";

    private DataForm() {}

    /** The values of each field of a submitted form, by var, in document order; empty for no form. */
    static Map<String, List<String>> fields(Element form) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (form == null) return out;
        for (Element field : form.elements("field", NAMESPACE)) {
            String var = field.attr("var");
            if (var == null) continue;
            List<String> values = new ArrayList<>();
            for (Element v : field.elements("value", NAMESPACE)) values.add(v.text());
            out.put(var, values);
        }
        return out;
    }

    /** A field with no value, for a form offered to be filled in. */
    static Element field(String var, String type) {
        return Element.builder("field", NAMESPACE).attr("var", var).attr("type", type).build();
    }

    /** The hidden FORM_TYPE field naming the form. */
    static Element formType(String namespace) {
        return Element.builder("field", NAMESPACE).attr("var", "FORM_TYPE").attr("type", "hidden")
                .child(Element.builder("value", NAMESPACE).text(namespace).build()).build();
    }
}
