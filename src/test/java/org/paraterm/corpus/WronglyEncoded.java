package org.paraterm.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real text in the encodings that GB18030 misreads without an error: the opening of a General
 * Assembly resolution in French (ISO-8859-1, and windows-1252 with its typographic apostrophe),
 * and article 1 and 2 of the Universal Declaration of Human Rights in Japanese (Shift_JIS), Korean
 * (EUC-KR) and traditional Chinese (Big5). The French avoids a word-final accented letter, since
 * "é " is not GB18030 and such a file was refused already; these are the files that used to load as
 * mojibake ("R閟olution adopt閑").
 */
public final class WronglyEncoded {

    static final String FRENCH = """
            Résolution adoptée par l'Assemblée générale le 18 décembre 2019

            L'Assemblée générale,

            Réaffirmant ses résolutions antérieures sur la prévention du crime et la justice pénale,

            Préoccupée par les effets néfastes des groupes criminels organisés sur le développement durable,

            Consciente du besoin de renforcer la coopération internationale,

            1. Prie instamment les États Membres de renforcer leur coopération et l'assistance technique ;

            2. Prie l'Office des Nations Unies contre la drogue et le crime de continuer de fournir une assistance \
            technique aux États qui en font la demande.
            """;

    static final String JAPANESE = """
            すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。\
            人間は、理性と良心とを授けられており、互いに同胞の精神をもって行動しなければならない。

            すべて人は、人種、皮膚の色、性、言語、宗教、政治上その他の意見、国民的若しくは社会的出身、財産、\
            門地その他の地位又はこれに類するいかなる事由による差別をも受けることなく、\
            この宣言に掲げるすべての権利と自由とを享有することができる。
            """;

    static final String KOREAN = """
            모든 인간은 태어날 때부터 자유로우며 그 존엄과 권리에 있어 동등하다. \
            인간은 천부적으로 이성과 양심을 부여받았으며 서로 형제애의 정신으로 행동하여야 한다.

            모든 사람은 인종, 피부색, 성, 언어, 종교, 정치적 또는 기타의 견해, 민족적 또는 사회적 출신, 재산, \
            출생 또는 기타의 지위 등에 따른 어떠한 종류의 차별이 없이, 이 선언에 규정된 모든 권리와 자유를 \
            향유할 자격이 있다.
            """;

    static final String TRADITIONAL_CHINESE = """
            人人生而自由，在尊嚴和權利上一律平等。他們賦有理性和良心，並應以兄弟關係的精神相對待。

            人人有資格享有本宣言所載的一切權利和自由，不分種族、膚色、性別、語言、宗教、政治或其他見解、\
            國籍或社會出身、財產、出生或其他身分等任何區別。
            """;

    private WronglyEncoded() {
    }

    /** File name → bytes, one file per encoding. */
    public static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("resolution-latin-1.txt", FRENCH.getBytes(Charset.forName("ISO-8859-1")));
        files.put("resolution-windows-1252.txt",
                FRENCH.replace('\'', '\u2019').getBytes(Charset.forName("windows-1252")));
        files.put("udhr-shift-jis.txt", JAPANESE.getBytes(Charset.forName("Shift_JIS")));
        files.put("udhr-euc-kr.txt", KOREAN.getBytes(Charset.forName("EUC-KR")));
        files.put("udhr-big5.txt", TRADITIONAL_CHINESE.getBytes(Charset.forName("Big5")));
        return files;
    }

    /** Whether GB18030 decodes the bytes without a single error (what made these files load before). */
    public static boolean decodesAsGb18030(byte[] bytes) {
        try {
            Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
