package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reading Vigil's MPEG-DASH manifests in the end-to-end tests. */
final class Mpd {

    static final String NAMESPACE = "urn:mpeg:dash:schema:mpd:2011";

    private Mpd() {}

    /** The manifest parsed (namespace-aware, no DTDs), checked to be an MPD of the live profile. */
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(NAMESPACE, doc.getDocumentElement().getNamespaceURI());
        assertEquals(
                "urn:mpeg:dash:profile:isoff-live:2011",
                doc.getDocumentElement().getAttribute("profiles"));
        return doc;
    }

    /** Each segment's {t, d} from a SegmentTemplate's SegmentTimeline, {@code r} expanded. */
    static List<long[]> timeline(Element template) {
        List<long[]> segments = new ArrayList<>();
        NodeList s = template.getElementsByTagNameNS(NAMESPACE, "S");
        long t = 0;
        for (int i = 0; i < s.getLength(); i++) {
            Element e = (Element) s.item(i);
            if (e.hasAttribute("t")) {
                t = Long.parseLong(e.getAttribute("t"));
            }
            long d = Long.parseLong(e.getAttribute("d"));
            int repeats = e.hasAttribute("r") ? Integer.parseInt(e.getAttribute("r")) : 0;
            for (int k = 0; k <= repeats; k++) {
                segments.add(new long[] {t, d});
                t += d;
            }
        }
        return segments;
    }
}
