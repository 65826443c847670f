package scratchnet.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import scratchnet.exec.Variables;

/** The envelope of the variables panel's debug replies, for requests answered without reading variables. */
class VariablesRequestsTest {
    private final VariablesRequests requests = new VariablesRequests(new Variables(null));

    @Test
    void anotherDebuggerCommandFailsSayingWhichAreAnswered() {
        Map<String, Object> r = requests.answer(Map.of("type", "request", "seq", 7.0, "command", "stackTrace",
                "arguments", Map.of("threadId", 1)));
        assertThat(r).containsEntry("type", "response").containsEntry("request_seq", 7L).containsEntry("success", false)
                .containsEntry("command", "stackTrace").containsEntry("body", Map.of())
                .containsEntry("message", "the debugger command stackTrace is not supported;"
                        + " this kernel answers inspectVariables and richInspectVariables");
        // each response has a sequence number of its own
        assertThat(requests.answer(Map.of("seq", 8, "command", "next")).get("seq")).isNotEqualTo(r.get("seq"));
    }

    @Test
    void richInspectWithoutAVariableNameSaysWhatWasExpected() {
        Map<String, Object> r = requests.answer(Map.of("seq", 2, "command", "richInspectVariables", "arguments", Map.of()));
        assertThat(r).containsEntry("success", false).containsEntry("request_seq", 2L)
                .containsEntry("message", "richInspectVariables expects arguments {\"variableName\": \"x\"}, got no variableName");
    }
}
