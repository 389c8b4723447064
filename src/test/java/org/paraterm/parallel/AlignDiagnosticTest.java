package org.paraterm.parallel;

import java.util.*;
import org.junit.jupiter.api.Test;

class AlignDiagnosticTest {
    @Test
    void diagnose() {
        List<List<DamagedDocuments.Line>> docs = DamagedDocuments.concatenated(DamagedDocuments.documents(), 250);
        Random random = new Random(11);
        SentenceAligner aligner = new SentenceAligner(AlignmentDictionary.empty());
        int shown = 0;
        Map<String, Integer> kinds = new TreeMap<>();
        for (int d = 0; d < docs.size(); d++) {
            DamagedDocuments.Damaged doc = DamagedDocuments.damage("d", docs.get(d), new DamagedDocuments.Damage(0.05, 0.05, 0.10), random);
            for (SentenceAligner.Bead b : aligner.beads(doc.zh(), doc.en())) {
                boolean ok = true;
                for (int i = b.zhStart(); i < b.zhEnd(); i++) for (int j = b.enStart(); j < b.enEnd(); j++) ok &= doc.links().contains(DamagedDocuments.link(i, j));
                // also check a 1-0 is truly unlinked
                if (b.enEnd() == b.enStart()) { for (long l : doc.links()) if (l / 1_000_000 == b.zhStart()) ok = false; }
                if (b.zhEnd() == b.zhStart()) { for (long l : doc.links()) if (l % 1_000_000 == b.enStart()) ok = false; }
                String kind = (b.zhEnd() - b.zhStart()) + "-" + (b.enEnd() - b.enStart()) + (ok ? " ok" : " WRONG");
                kinds.merge(kind, 1, Integer::sum);
                if (!ok && shown < 12 && kind.startsWith(System.getProperty("kind","2-2"))) {
                    shown++;
                    System.out.printf("%s conf %.2f%n  ZH %s%n  EN %s%n", kind, b.confidence(),
                        String.join(" || ", doc.zh().subList(b.zhStart(), b.zhEnd())),
                        String.join(" || ", doc.en().subList(b.enStart(), b.enEnd())));
                    List<String> t = new ArrayList<>();
                    for (long l : doc.links()) { int i = (int) (l / 1_000_000), j = (int) (l % 1_000_000);
                        if ((i >= b.zhStart() - 1 && i <= b.zhEnd()) || (j >= b.enStart() - 1 && j <= b.enEnd())) t.add(i + "-" + j); }
                    Collections.sort(t);
                    System.out.printf("  pred zh[%d,%d) en[%d,%d) truth %s%n  ZHlen %s ENlen %s%n", b.zhStart(), b.zhEnd(), b.enStart(), b.enEnd(), t,
                        doc.zh().subList(Math.max(0,b.zhStart()-1), Math.min(doc.zh().size(), b.zhEnd()+1)).stream().map(x -> LengthModel.englishLength(x)).toList(),
                        doc.en().subList(Math.max(0,b.enStart()-1), Math.min(doc.en().size(), b.enEnd()+1)).stream().map(x -> LengthModel.englishLength(x)).toList());
                }
            }
        }
        System.out.println(kinds);
    }
}
