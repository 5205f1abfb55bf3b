package dev.gatehouse.ports.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regular expressions judged as Python's {@code re.compile} judges them: every expectation comes from Python itself,
 * through {@code src/test/resources/python/generate_regex_cases.py}.
 */
class PythonRegexTest {

    @Test
    void acceptsAndRefusesWhatPythonDoes() throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        try (InputStream in = PythonRegexTest.class.getResourceAsStream("/python/regexes.tsv")) {
            assertThat(in).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    int tab = line.lastIndexOf('\t');
                    cases.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        List<String> disagreements = new ArrayList<>();
        cases.forEach((pattern, python) -> {
            String problem = PythonRegex.problem(pattern);
            String verdict = problem == null ? "OK" : "ERROR";
            if (!verdict.equals(python)) {
                disagreements.add(pattern + ": Python " + python + ", Gatehouse " + (problem == null ? "OK" : problem));
            }
        });
        assertThat(cases).hasSizeGreaterThan(70);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void aRefusalSaysWhy() {
        assertThat(PythonRegex.problem("\\p{Lu}")).isEqualTo("bad escape \\p at position 0");
        assertThat(PythonRegex.problem("(?<n>x)")).isEqualTo("unknown extension ?< at position 0");
        assertThat(PythonRegex.problem("a{1}{2}")).isEqualTo("multiple repeat at position 4");
    }
}
