package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CatalogueDocTest {
    @Test
    void docsRulesMdMatchesTheRulesFolder() throws Exception {
        String expected = CatalogueDoc.render(new RuleSetLoader().load(Path.of("rules")));
        String actual = Files.readString(Path.of("docs/rules.md"));
        assertEquals(expected, actual, "docs/rules.md is out of date: run bin/firecheck catalogue");
    }
}
