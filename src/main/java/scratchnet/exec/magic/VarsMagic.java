package scratchnet.exec.magic;

import java.util.List;

import scratchnet.exec.CellException;
import scratchnet.exec.Variables;

/**
 * {@code %vars} prints the session's variables: name, type and value in one line each, the
 * same table a notebook's variables panel shows.
 * <pre>{@code
 * %vars
 * // name   type     value
 * // x      Matrix   Matrix 1×100  mean 0.495  std 0.2887  min 0  max 0.99
 * // model  Network  Network 1-25-1 sigmoid, linear (76 parameters)
 * // n      int      3
 * }</pre>
 */
final class VarsMagic implements Magic {
    @Override
    public String name() {
        return "vars";
    }

    @Override
    public List<String> forms() {
        return List.of("%vars");
    }

    @Override
    public void runLine(String arg, int cell, Magics magics) throws CellException {
        if (!arg.isEmpty()) {
            throw Magic.error("%vars takes nothing after it, got \"" + arg + "\"");
        }
        magics.output().text(false, Variables.format(magics.variables().table()));
    }
}
