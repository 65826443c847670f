package scratchnet.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/**
 * The cells run in this kernel session, for Jupyter's {@code history_request} (tail, range and
 * search with glob patterns), each with the text of its result when it had one. Kept in memory: a
 * restarted kernel starts a new history.
 * <pre>{@code
 * history.add(1, "var x = arange(0, 1, 0.01);", null);
 * history.add(2, "6 * 7", "42");
 * }</pre>
 */
final class CellHistory {
    private final List<HistoryEntry> entries = new ArrayList<>();

    /** Records cell number {@code cell}; {@code output} is its result's text/plain, or null. */
    synchronized void add(int cell, String code, String output) {
        entries.add(new HistoryEntry(0, cell, code, output));
    }

    synchronized List<HistoryEntry> tail(int n) {
        int from = Math.max(0, entries.size() - Math.max(0, n));
        return new ArrayList<>(entries.subList(from, entries.size()));
    }

    synchronized List<HistoryEntry> range(int start, int stop) {
        List<HistoryEntry> out = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if (e.getCellNumber() >= start && (stop <= 0 || e.getCellNumber() < stop)) {
                out.add(e);
            }
        }
        return out;
    }

    synchronized List<HistoryEntry> search(String glob, int n, boolean unique) {
        Pattern p = Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        List<HistoryEntry> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry e = entries.get(i);
            if (p.matcher(e.getInput()).matches() && !(unique && seen.contains(e.getInput()))) {
                out.add(0, e);
                seen.add(e.getInput());
                if (n > 0 && out.size() >= n) {
                    break;
                }
            }
        }
        return out;
    }

    private static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : (glob == null || glob.isEmpty() ? "*" : glob).toCharArray()) {
            switch (c) {
                case '*':
                    sb.append(".*");
                    break;
                case '?':
                    sb.append('.');
                    break;
                default:
                    sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    /** The jjava-jupyter view of the history; it always answers, with an empty list at worst. */
    static final class Manager implements HistoryManager {
        private CellHistory history = new CellHistory();

        void use(CellHistory h) {
            this.history = h;
        }

        @Override
        public List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
            return history.tail(length);
        }

        @Override
        public List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
            return history.range(start, stop);
        }

        @Override
        public List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
            return history.search(pattern, length, flags.contains(ResultFlag.UNIQUE));
        }
    }
}
