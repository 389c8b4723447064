package org.paraterm.web;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ModelAndView;
import java.sql.SQLException;
import java.util.Map;
import org.paraterm.corpus.DocumentStore;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.mining.CandidateStore;

/** The home page: what paraterm is and what it holds. */
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/")
public class HomeController {

    private final DocumentStore store;
    private final CandidateStore candidates;
    private final GlossaryStore glossary;

    public HomeController(DocumentStore store, CandidateStore candidates, GlossaryStore glossary) {
        this.store = store;
        this.candidates = candidates;
        this.glossary = glossary;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> home() throws SQLException {
        return new ModelAndView<>("home/index", new java.util.HashMap<>(Map.of("documentCount", store.count(),
                "candidateCount", candidates.lastRun().map(CandidateStore.LastRun::candidates).orElse(0),
                "entryCount", glossary.search(GlossaryStore.Query.published(null, 1, 1)).total())));
    }
}
