package scratchnet.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CommMessageTest {
    @Test
    void aMessageSurvivesItsJsonWithBuffersAndNonAsciiText() {
        byte[] buffer = {0, 1, (byte) 255, 42};
        CommMessage m = new CommMessage(CommMessage.OPEN, "c1", "jupyter.widget",
                Map.of("state", Map.of("value", 0.25, "description", "学习率 η")), Map.of("version", "2.1.0"), List.of(buffer));
        String json = m.toJson();
        assertThat(json.chars().allMatch(ch -> ch < 128)).as(json).isTrue();
        assertThat(json).contains("\"msg_type\":\"comm_open\"").contains("\"target_name\":\"jupyter.widget\"");
        CommMessage back = CommMessage.fromJson(json);
        assertThat(back.type()).isEqualTo(CommMessage.OPEN);
        assertThat(back.commId()).isEqualTo("c1");
        assertThat(back.target()).isEqualTo("jupyter.widget");
        assertThat(back.data()).isEqualTo(Map.of("state", Map.of("value", 0.25, "description", "学习率 η")));
        assertThat(back.metadata()).isEqualTo(Map.of("version", "2.1.0"));
        assertThat(back.buffers()).hasSize(1);
        assertThat(back.buffers().get(0)).containsExactly(buffer);
    }

    @Test
    void badMessagesSayWhatArrived() {
        assertThatThrownBy(() -> new CommMessage("comm_shout", "c1", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comm_shout");
        assertThatThrownBy(() -> new CommMessage(CommMessage.OPEN, "c1", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target");
        assertThatThrownBy(() -> CommMessage.msg("", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comm id");
        assertThatThrownBy(() -> CommMessage.fromJson("[1, 2]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 2]");
        assertThatThrownBy(() -> CommMessage.fromJson("{\"msg_type\":\"comm_msg\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comm id");
        assertThatThrownBy(() -> CommMessage.msg("c1", Map.of("x", new Object())).toJson())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON");
    }

    @Test
    void withoutAFrontEndNothingIsSentAndCommsStillWorkLocally() {
        // the test JVM's display sink is plain text: no front end takes comm messages
        assertThat(Comms.connected()).isFalse();
        Comm c = Comm.open("t", Map.of(), Map.of());
        assertThat(Comms.find(c.id())).isSameAs(c);
        c.close();
        assertThat(c.closed()).isTrue();
        assertThat(Comms.find(c.id())).isNull();
        assertThatThrownBy(() -> c.send(Map.of())).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
