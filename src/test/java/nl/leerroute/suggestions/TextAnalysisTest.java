package nl.leerroute.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TextAnalysisTest {

    @Test
    void shouldFoldCaseDiacriticsAndApostrophes() {
        assertThat(TextAnalysis.fold("Object-georiënteerd, PLC-programma's")).isEqualTo("object-georienteerd, plc-programmas");
    }

    @Test
    void shouldSplitOnHyphensAndPunctuationAndKeepDigits() {
        assertThat(TextAnalysis.tokens("PLC-programmeren (IEC 61131-3), 5S & 3D-printen"))
                .containsExactly("plc", "programmeren", "iec", "61131", "3", "5s", "3d", "printen");
    }

    @Test
    void shouldDropDutchAndEnglishStopwords() {
        assertThat(TextAnalysis.words("Ik heb de machines van het bedrijf and the robots").stream()
                .map(TextAnalysis.Word::folded)).containsExactly("machines", "bedrijf", "robots");
    }

    @Test
    void shouldGiveVerbNounAndPluralFormsOneStem() {
        assertThat(List.of(TextAnalysis.stem("plannen"), TextAnalysis.stem("planning"), TextAnalysis.stem("plans")))
                .containsOnly("plan");
        assertThat(TextAnalysis.stem("programmeren")).isEqualTo(TextAnalysis.stem("programmering"));
        assertThat(TextAnalysis.stem("storingen")).isEqualTo(TextAnalysis.stem("storing"));
        assertThat(TextAnalysis.stem("sensoren")).isEqualTo(TextAnalysis.stem("sensors")).isEqualTo("sensor");
        assertThat(TextAnalysis.stem("preventieve")).isEqualTo(TextAnalysis.stem("preventief"));
        assertThat(TextAnalysis.stem("analysed")).isEqualTo(TextAnalysis.stem("analyse"));
        assertThat(TextAnalysis.stem("programming")).isEqualTo(TextAnalysis.stem("programs"));
    }

    @Test
    void shouldLeaveShortWordsAndWordsWithDigitsAlone() {
        assertThat(TextAnalysis.stem("plc")).isEqualTo("plc");
        assertThat(TextAnalysis.stem("62443")).isEqualTo("62443");
        assertThat(TextAnalysis.stem("5s")).isEqualTo("5s");
    }

    @Test
    void shouldSplitADutchCompoundWithALinkingSIntoKnownParts() {
        Set<String> vocabulary = Set.of("onderhoud", "plan", "trill", "meting", "robot", "programmer");
        assertThat(TextAnalysis.compoundParts("onderhoudsplanning", vocabulary)).containsExactly("onderhoud", "planning");
        assertThat(TextAnalysis.compoundParts("robotprogrammering", vocabulary)).containsExactly("robot", "programmering");
    }

    @Test
    void shouldNotSplitWordsWhosePartsAreUnknown() {
        assertThat(TextAnalysis.compoundParts("zuivelfabriek", Set.of("onderhoud", "plan"))).isEmpty();
        assertThat(TextAnalysis.compoundParts("plan", Set.of("plan"))).isEmpty();
    }

    @Test
    void shouldEscapeEveryLuceneOperatorCharacter() {
        assertThat(TextAnalysis.escapeLucene("a\"():~*?\\b+-&|![]{}^/"))
                .isEqualTo("a\\\"\\(\\)\\:\\~\\*\\?\\\\b\\+\\-\\&\\|\\!\\[\\]\\{\\}\\^\\/");
    }

    @Test
    void shouldTellEnglishFromDutchByStopwords() {
        assertThat(TextAnalysis.looksEnglish("I maintain the robots and the conveyors of our plant")).isTrue();
        assertThat(TextAnalysis.looksEnglish("Ik onderhoud de robots en de transportbanden van onze fabriek")).isFalse();
    }
}
