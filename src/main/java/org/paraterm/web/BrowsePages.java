package org.paraterm.web;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.paraterm.glossary.Browse;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.glossary.Term;
import org.paraterm.glossary.TermType;

/**
 * Browsing the glossary: by pinyin (Chinese) or A–Z (English) under initial letters, or the most
 * recently changed first; filtered by subject, term type, status and recent change. Visitors see
 * published entries, terminologists every entry. Recently approved published entries are also an
 * Atom feed.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
public class BrowsePages {

    private static final int PAGE_SIZE = 100;
    private static final int FEED_SIZE = 50;
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final GlossaryStore glossary;

    public BrowsePages(GlossaryStore glossary) {
        this.glossary = glossary;
    }

    @Get("/browse")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> browse(@Nullable @QueryValue String order, @Nullable @QueryValue String letter,
                                                    @Nullable @QueryValue String subject, @Nullable @QueryValue String type,
                                                    @Nullable @QueryValue String status, @Nullable @QueryValue Integer changed,
                                                    @Nullable @QueryValue Integer page, @Nullable Authentication user)
            throws SQLException {
        boolean terminologist = EntryApiController.isTerminologist(user);
        Browse.Order sort = Browse.Order.of(order);
        TermType termType = termType(type);
        EntryStatus entryStatus = terminologist ? entryStatus(status) : null;
        int days = changed == null ? 0 : Math.max(0, Math.min(changed, 3650));
        GlossaryStore.BrowseFilter filter = new GlossaryStore.BrowseFilter(blankToNull(subject), termType,
                entryStatus, terminologist ? null : Boolean.TRUE,
                days == 0 ? null : Instant.now().minus(Duration.ofDays(days)));
        String wantedLetter = letter == null || letter.isBlank() ? null : letter.strip().toUpperCase(Locale.ROOT);
        int pageNumber = page == null ? 1 : Math.max(1, page);
        Browse.Result result = Browse.page(glossary.browseKeys(filter), sort, wantedLetter, pageNumber, PAGE_SIZE);

        Map<String, Object> model = new HashMap<>();
        model.put("entries", glossary.findAll(result.keys().stream().map(Browse.Key::id).toList()));
        model.put("total", result.total());
        model.put("letters", result.letters());
        model.put("letter", wantedLetter == null ? "" : wantedLetter);
        model.put("order", sort.label());
        model.put("subject", subject == null ? "" : subject.strip());
        model.put("subjects", glossary.subjects(terminologist ? null : Boolean.TRUE));
        model.put("type", termType == null ? "" : termType.label());
        model.put("types", TermType.values());
        model.put("status", entryStatus == null ? "" : entryStatus.label());
        model.put("statuses", EntryStatus.values());
        model.put("changed", days);
        model.put("page", pageNumber);
        model.put("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.put("terminologist", terminologist);
        return new ModelAndView<>("glossary/browse", model);
    }

    /** The most recently approved published entries, newest first, as an Atom 1.0 feed (RFC 4287). */
    @Get("/browse/recent.atom")
    @Produces({"application/atom+xml", MediaType.TEXT_HTML, MediaType.ALL})
    public HttpResponse<String> feed() throws SQLException, XMLStreamException {
        List<Browse.Key> recent = Browse.page(glossary.browseKeys(new GlossaryStore.BrowseFilter(null, null,
                EntryStatus.APPROVED, Boolean.TRUE, null)), Browse.Order.RECENT, null, 1, FEED_SIZE).keys();
        List<Entry> entries = glossary.findAll(recent.stream().map(Browse.Key::id).toList());
        StringWriter text = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        element(xml, "title", "paraterm · 最近批准的词条 Recently approved entries");
        element(xml, "id", "tag:paraterm,2026:recently-approved");
        element(xml, "updated", (recent.isEmpty() ? Instant.EPOCH : recent.get(0).modifiedAt()).toString());
        link(xml, "/browse/recent.atom", "self");
        link(xml, "/browse?order=recent", "alternate");
        for (Entry entry : entries) {
            String chinese = entry.preferred("zh").map(Term::text).orElse("");
            String english = entry.preferred("en").map(Term::text).orElse("");
            xml.writeStartElement("entry");
            element(xml, "title", chinese.isEmpty() || english.isEmpty() ? chinese + english : chinese + " — " + english);
            element(xml, "id", "tag:paraterm,2026:entry/" + entry.id());
            element(xml, "updated", entry.modifiedAt().toString());
            xml.writeStartElement("author");
            element(xml, "name", entry.modifiedBy());
            xml.writeEndElement();
            link(xml, "/entries/" + entry.id(), "alternate");
            StringBuilder summary = new StringBuilder();
            for (Term term : entry.terms()) {
                summary.append(term.language()).append(": ").append(term.text()).append(" (").append(term.type().label())
                        .append(", ").append(term.usage().label()).append(")\n");
            }
            if (entry.subject() != null) {
                summary.append(entry.subject());
            }
            element(xml, "summary", summary.toString().strip());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return HttpResponse.ok(text.toString()).contentType("application/atom+xml;charset=utf-8");
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String href, String rel) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    /** A filter value as the API reads it, or no filter for a blank or unknown one. */
    private static TermType termType(String label) {
        try {
            return label == null || label.isBlank() ? null : EntryJson.type(label, "type");
        } catch (EntryJson.BadInput unknown) {
            return null;
        }
    }

    private static EntryStatus entryStatus(String label) {
        try {
            return label == null || label.isBlank() ? null : EntryJson.status(label);
        } catch (EntryJson.BadInput unknown) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
