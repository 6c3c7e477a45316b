package im.tern.module.pep;

import im.tern.xml.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The little of XEP-0004 data forms the node configuration needs: reading a submitted form, writing one. */
final class DataForms {
    static final String FORM_TYPE = "FORM_TYPE";

    private DataForms() {}

    /** The values of each field by var, in document order; FORM_TYPE included. */
    static Map<String, List<String>> fields(Element form) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Element field : form.elements("field", PubSub.FORMS)) {
            String var = field.attr("var");
            if (var == null) continue;
            List<String> values = new ArrayList<>();
            for (Element v : field.elements("value", PubSub.FORMS)) values.add(v.text());
            out.put(var, values);
        }
        return out;
    }

    /** The form's FORM_TYPE value, or null. */
    static String formType(Map<String, List<String>> fields) {
        List<String> v = fields.get(FORM_TYPE);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    static Element.Builder form(String type, String formType) {
        return Element.builder("x", PubSub.FORMS).attr("type", type).child(field(FORM_TYPE, "hidden", null, formType));
    }

    static Element field(String var, String type, String label, String value) {
        Element.Builder f = Element.builder("field", PubSub.FORMS).attr("var", var).attr("type", type).attr("label", label);
        if (value != null) f.child(Element.builder("value", PubSub.FORMS).text(value).build());
        return f.build();
    }

    /** A list-single field offering {@code options}. */
    static Element listField(String var, String label, String value, List<String> options) {
        Element.Builder f = field(var, "list-single", label, value).toBuilder();
        for (String o : options) {
            f.child(Element.builder("option", PubSub.FORMS)
                    .child(Element.builder("value", PubSub.FORMS).text(o).build()).build());
        }
        return f.build();
    }
}
