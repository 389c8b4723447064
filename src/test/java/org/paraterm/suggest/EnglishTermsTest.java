package org.paraterm.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** English term candidates of sentences of the UN Parallel Corpus development set (line numbers given). */
class EnglishTermsTest {

    private static List<String> keys(String text) {
        return EnglishTerms.of(text).candidates().stream().map(EnglishTerms.Candidate::key).toList();
    }

    @Test
    void shouldLinkPhrasesThroughAgainstAndOfTheInsideAName() {
        // UNv1.0.devset.en line 3383
        String text = "A. Conference of the States Parties to the United Nations Convention against Corruption";
        List<String> keys = keys(text);
        assertTrue(keys.contains("united nation convention against corruption"), keys.toString());
        assertTrue(keys.contains("convention against corruption"), keys.toString());
        assertTrue(keys.contains("conference of the state party"), keys.toString());
    }

    @Test
    void shouldJoinCapitalisedWordsWithAndInsideAName() {
        // line 2707
        String text = "In 2014, the Division produced updated estimates for the Millennium Development Goals database "
                + "maintained by the Statistics Division of the Department of Economic and Social Affairs.";
        List<String> keys = keys(text);
        assertTrue(keys.contains("department of economic and social affair"), keys.toString());
        assertTrue(keys.contains("millennium development goal"), keys.toString());
        assertFalse(keys.contains("2014"), keys.toString());
    }

    @Test
    void shouldTakeAGerundHeadLinkedByIn() {
        // line 3311
        String text = "Practitioners struggle with the fact that key elements of the Protocol, including the "
                + "definition of trafficking in persons, are unclear and therefore may not be consistently applied.";
        List<String> keys = keys(text);
        assertTrue(keys.contains("trafficking in person"), keys.toString());
        assertTrue(keys.contains("definition of trafficking in person"), keys.toString());
        assertFalse(keys.stream().anyMatch(key -> key.endsWith(" unclear")), keys.toString());
    }

    @Test
    void shouldKeepAHyphenatedTitleWholeAndDropItsPossessive() {
        // line 1471
        String text = "Recalling the Secretary-General's firm belief that the situation in the buffer zone would be "
                + "improved if both sides accepted the 1989 aide-memoire used by the United Nations,";
        EnglishTerms terms = EnglishTerms.of(text);
        EnglishTerms.Candidate title = terms.candidates().stream()
                .filter(candidate -> candidate.key().equals("secretary-general")).findFirst().orElseThrow();
        assertEquals("Secretary-General", text.substring(title.start(), title.end()));
        assertEquals("Secretary-General", title.text());
        List<String> keys = keys(text);
        assertFalse(keys.contains("recalling"), keys.toString());
        assertFalse(keys.contains("secretary-general firm belief"), keys.toString());
        assertTrue(keys.contains("buffer zone"), keys.toString());
        assertTrue(keys.contains("united nation"), keys.toString());
    }

    @Test
    void shouldGroupSingularAndPluralUnderOneKey() {
        // lines 201 and 3918, one passage
        String text = "Melkonian particularly mentions the role of the fighters of the two Armenian military "
                + "detachments. Such an attack by a single fighter is a grave threat to women and girls.";
        EnglishTerms.Group fighters = EnglishTerms.of(text).groups().stream()
                .filter(group -> group.key().equals("fighter")).findFirst().orElseThrow();
        assertEquals(2, fighters.occurrences().size());
        assertTrue(EnglishTerms.of(text).candidates().stream().anyMatch(c -> c.key().equals("woman")));
    }

    @Test
    void shouldLinkABracketedAcronymToItsExpansion() {
        // line 329
        String text = "The meeting was held in Marrakesh, Morocco, from 1 to 4 July and was sponsored by the United "
                + "Nations Population Fund in partnership with the United Nations Development Programme (UNDP) and UNODC.";
        List<EnglishTerms.Acronym> acronyms = EnglishTerms.of(text).acronyms();
        assertEquals(1, acronyms.size());
        assertEquals("UNDP", acronyms.get(0).acronym());
        assertEquals("United Nations Development Programme", acronyms.get(0).expansion().text());
        assertEquals("UNDP", text.substring(acronyms.get(0).start(), acronyms.get(0).end()));
        assertTrue(keys(text).contains("unodc"));
    }

    @Test
    void shouldNotLetAGluedFootnoteNumberChangeTheKey() {
        // line 1134
        String text = "1. Notes that the report of the Executive Director on the implementation of the consolidated "
                + "budget for the biennium 2014-2015 for the United Nations Office on Drugs and Crime1 provides "
                + "information on the adjustments to the consolidated budget;";
        EnglishTerms.Candidate office = EnglishTerms.of(text).candidates().stream()
                .filter(c -> c.key().equals("united nation office on drug and crime")).findFirst().orElseThrow();
        assertEquals("United Nations Office on Drugs and Crime", office.text());
    }

    @Test
    void shouldLowerASentenceInitialCommonWordInTheDisplayForm() {
        String text = "Sustainable development goals were adopted.";
        assertTrue(EnglishTerms.of(text).candidates().stream()
                .anyMatch(c -> c.text().equals("sustainable development goals")));
    }

    @Test
    void shouldKeepAPossessiveInsideAName() {
        String text = "The United Nations Children's Fund (UNICEF) supported the survey.";
        EnglishTerms terms = EnglishTerms.of(text);
        assertTrue(terms.candidates().stream().anyMatch(c -> c.text().equals("United Nations Children's Fund")),
                terms.candidates().toString());
        assertEquals("UNICEF", terms.acronyms().get(0).acronym());
    }
}
