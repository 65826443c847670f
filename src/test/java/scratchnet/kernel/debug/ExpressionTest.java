package scratchnet.kernel.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExpressionTest {
    @Test
    void aNameThenFieldsIndicesAndCalls() throws DebugException {
        Expression e = Expression.parse(" model.layers[0] . w ");
        assertEquals("model", e.name());
        assertEquals(List.of(new Expression.Field("layers"), new Expression.Index(0), new Expression.Field("w")), e.steps());
        assertEquals(List.of(new Expression.Call("shape")), Expression.parse("dz.shape( )").steps());
        assertEquals(List.of(new Expression.Index(2), new Expression.Index(99)), Expression.parse("dz[2][99]").steps());
        assertEquals(List.of(), Expression.parse("x").steps());
    }

    @Test
    void anythingElseIsRefusedSayingWhatIsSupported() {
        for (String text : List.of("x + 1", "dz.mul(2)", "1", "x[-1]", "a.b(", "")) {
            DebugException e = assertThrows(DebugException.class, () -> Expression.parse(text), text);
            assertTrue(e.getMessage().startsWith("cannot evaluate \"" + text + "\""), e.getMessage());
            assertTrue(e.getMessage().contains("dz.shape()"), e.getMessage());
        }
        DebugException e = assertThrows(DebugException.class, () -> Expression.parse("dz.mul(2)"));
        assertTrue(e.getMessage().contains("\"(2)\" is not a field"), e.getMessage());
    }
}
