package org.paraterm.english;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.paraterm.UnpcDev;

class LanguageGuardTest {

    private final LanguageGuard guard = LanguageGuard.shared();

    @Test
    void shouldPassBothSidesOfTheUnParallelCorpusDevelopmentSet() {
        assertDoesNotThrow(() -> guard.check("en", UnpcDev.file("UNv1.0.devset.en"), "UNv1.0.devset.en"));
        assertDoesNotThrow(() -> guard.check("zh", UnpcDev.file("UNv1.0.devset.zh"), "UNv1.0.devset.zh"));
    }

    @Test
    void shouldRefuseChineseInTheEnglishFileNamingTheFile() {
        String chinese = UnpcDev.file("UNv1.0.devset.zh");
        LanguageMismatchException e = assertThrows(LanguageMismatchException.class,
                () -> guard.check("en", chinese, "UNv1.0.devset.en"));
        assertEquals("UNv1.0.devset.en: the text claims to be English but reads as Chinese (cmn)", e.getMessage());
        assertEquals("cmn", e.detected());
    }

    @Test
    void shouldRefuseEnglishInTheChineseFile() {
        String english = UnpcDev.file("UNv1.0.devset.en");
        LanguageMismatchException e = assertThrows(LanguageMismatchException.class,
                () -> guard.check("zh", english, "report.zh"));
        assertEquals("report.zh: the text claims to be Chinese but reads as English (eng)", e.getMessage());
    }

    @Test
    void shouldRefuseFrenchClaimedAsEnglish() {
        String french = "Le Conseil de sécurité demande aux États Membres de renforcer leur coopération afin "
                + "d'empêcher les déplacements des combattants terroristes étrangers, et prie le Secrétaire "
                + "général de lui présenter un rapport sur l'application de la présente résolution dans un "
                + "délai de six mois.";
        LanguageMismatchException e = assertThrows(LanguageMismatchException.class,
                () -> guard.check("en", french, "a.en"));
        assertEquals("fra", e.detected());
    }

    @Test
    void shouldAcceptEnglishThatQuotesAChineseName() {
        String english = "The Special Rapporteur met Mr. Wang Yi (王毅), Minister for Foreign Affairs, and "
                + "discussed the implementation of the 2030 Agenda for Sustainable Development and the "
                + "cooperation of Member States on the return of foreign terrorist fighters.";
        assertDoesNotThrow(() -> guard.check("en", english, "a.en"));
    }

    @Test
    void shouldAcceptChineseFullOfLatinSymbols() {
        String chinese = "联合国毒品和犯罪问题办公室(UNODC)在A/69/767号文件和S/RES/2178 (2014)号决议中提到"
                + "外国恐怖主义作战人员(FTF)，另见www.unodc.org/documents/terrorism。";
        assertDoesNotThrow(() -> guard.check("zh", chinese, "a.zh"));
    }

    @Test
    void shouldGiveNoVerdictOnShortHeadingsOrTextWithoutLetters() {
        assertNull(guard.detect("Sixty-ninth session"));
        assertNull(guard.detect("10. 2015"));
        assertDoesNotThrow(() -> guard.check("zh", "A/69/767", "a.zh"));
        assertDoesNotThrow(() -> guard.check("en", "", "a.en"));
    }

    @Test
    void shouldNeverReadALongEnglishLineOfTheDevelopmentSetAsAnotherLanguage() {
        // a line of place names ("Kandahar (Kandahar), Herat (Herat)…") may get no verdict, never a wrong one
        long wrong = UnpcDev.units().stream().map(unit -> unit.en())
                .filter(line -> line.length() >= 200)
                .map(guard::detect)
                .filter(language -> language != null && !language.equals("eng"))
                .count();
        assertEquals(0, wrong);
    }

    @Test
    void shouldRefuseALanguageItCannotCheck() {
        assertThrows(IllegalArgumentException.class, () -> guard.check("fr", "texte", "a.fr"));
    }
}
