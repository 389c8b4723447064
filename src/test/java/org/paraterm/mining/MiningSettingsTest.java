package org.paraterm.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Mining weights a terminology unit sets in a properties file. */
class MiningSettingsTest {

    @Test
    void shouldKeepTheDefaultsForKeysThatAreNotSet() {
        Properties properties = new Properties();
        properties.setProperty("mining.weight.cohesion", "1.5");

        MiningSettings settings = MiningSettings.from(properties);

        assertThat(settings.cohesionWeight()).isEqualTo(1.5);
        assertThat(settings.withMinFreq(2).cohesionWeight()).isEqualTo(1.5);
        assertThat(settings.minFreq()).isEqualTo(MiningSettings.defaults().minFreq());
        assertThat(settings.spreadWeight()).isEqualTo(MiningSettings.defaults().spreadWeight());
    }

    @Test
    void shouldNameTheKeyOfAValueThatIsNotANumber() {
        Properties properties = new Properties();
        properties.setProperty("mining.weight.boundary", "high");

        assertThatThrownBy(() -> MiningSettings.from(properties))
                .hasMessage("mining.weight.boundary: 'high' is not a number");
    }

    @Test
    void shouldRefuseAMinimumFrequencyBelowTwoAndNegativeWeights() {
        Properties once = new Properties();
        once.setProperty("mining.min-freq", "1");
        Properties negative = new Properties();
        negative.setProperty("mining.weight.spread", "-1");

        assertThatThrownBy(() -> MiningSettings.from(once)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> MiningSettings.from(negative)).hasMessageContaining("0 or more");
    }

    @Test
    void shouldChangeTheRankingWhenAWeightChanges() throws Exception {
        java.util.List<org.paraterm.corpus.CleanDocument> documents = org.paraterm.corpus.CorpusLoader.readAll(
                java.nio.file.Path.of("glossary", "corpus", "un-zh"), refused -> {
                    throw new AssertionError(refused.getMessage());
                });
        Properties frequencyOnly = new Properties();
        frequencyOnly.setProperty("mining.weight.spread", "0");
        frequencyOnly.setProperty("mining.weight.boundary", "0");
        frequencyOnly.setProperty("mining.weight.cohesion", "0");

        java.util.List<String> byDefault = Mining.run(documents, MiningSettings.defaults()).stream()
                .limit(20).map(MinedCandidate::term).toList();
        java.util.List<String> byFrequency = Mining.run(documents, MiningSettings.from(frequencyOnly)).stream()
                .limit(20).map(MinedCandidate::term).toList();

        assertThat(byFrequency).isNotEqualTo(byDefault);
    }
}
