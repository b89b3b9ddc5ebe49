package dev.alexalink.keycloak.admin;

import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class AlexaSkillsPageFactoryTest {

    private final AlexaSkillsPageFactory factory = new AlexaSkillsPageFactory();

    @Test
    void thePageHasAFieldForEverySettingAndNoComputedField() {
        List<String> names = factory.getConfigProperties().stream()
                .map(ProviderConfigProperty::getName)
                .toList();

        // Console values and diagnostics are computed by the Alexa admin page; stored here they went stale.
        assertThat(names).containsExactlyElementsOf(AlexaSkillItem.SETTINGS);
        assertThat(names).doesNotContainAnyElementsOf(AlexaSkillItem.WRITTEN_ON_SAVE);
        assertThat(factory.getConfigProperties())
                .filteredOn(ProviderConfigProperty::isRequired)
                .extracting(ProviderConfigProperty::getName)
                .containsExactly("client", "vendorIds");
        assertThat(factory.getConfigProperties())
                .filteredOn(p -> p.getName().equals("regions"))
                .singleElement()
                .satisfies(p -> assertThat(p.getOptions()).containsExactly("north-america", "europe", "far-east"));
        @SuppressWarnings("unchecked")
        List<String> columns = (List<String>) factory.getTypeMetadata().get("displayFields");
        assertThat(names).containsAll(columns);
    }

    @Test
    void everyLabelAndHelpTextHasAnEnglishText() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/theme-resources/messages/messages_en.properties")) {
            assertThat(in).isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> keys = new ArrayList<>(List.of(factory.getId(), factory.getHelpText()));
        for (ProviderConfigProperty property : factory.getConfigProperties()) {
            keys.add(property.getLabel());
            keys.add(property.getHelpText());
        }

        assertThat(keys)
                .allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
        // i18next reads '.' and ':' in keys as separators.
        assertThat(keys).allSatisfy(key -> assertThat(key).doesNotContain(".", ":"));
    }
}
