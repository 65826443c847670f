package scratchnet.kernel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import scratchnet.exec.Variables;

/** The variables panel's rich inspection, for requests answered without reading variables. */
class VariablesRequestsTest {
    private final VariablesRequests requests = new VariablesRequests(new Variables(null));

    @Test
    void richInspectWithoutAVariableNameSaysWhatWasExpected() {
        assertThatThrownBy(() -> requests.richBody(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("richInspectVariables expects arguments {\"variableName\": \"x\"}, got no variableName");
    }
}
