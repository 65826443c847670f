package scratchnet.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of one scratchnet command, parsed against the options it declares: flags
 * ({@code --no-archives}), options with a value ({@code --runs 3} or {@code --runs=3}) and
 * positional arguments. Anything else is a {@link UsageException} whose message says what was
 * expected and what arrived, for the command to print above its usage text.
 * <pre>{@code
 * Args a = Args.spec()
 *         .option("--runs", "N").option("--notebook", "PATH").flag("--no-archives")
 *         .parse(new String[] {"--runs", "abc"});            // nothing thrown yet
 * a.positiveInt("--runs", 3);       // UsageException: --runs expects a positive whole number, got 'abc'
 * Args.spec().flag("--quiet").parse(new String[] {"--x"});
 *                                   // UsageException: unknown option '--x'; expected one of --quiet
 * }</pre>
 */
public final class Args {
    private final Map<String, String> values;
    private final List<String> positionals;

    private Args(Map<String, String> values, List<String> positionals) {
        this.values = values;
        this.positionals = positionals;
    }

    /** A new, empty declaration of a command's options. */
    public static Spec spec() {
        return new Spec();
    }

    /** Whether flag or option {@code name} was given (under its name or an alias). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value given for option {@code name}, or {@code fallback} when it was not given. */
    public String value(String name, String fallback) {
        String v = values.get(name);
        return v == null ? fallback : v;
    }

    /**
     * The value of option {@code name} as a whole number of at least 1, or {@code fallback}.
     *
     * @throws UsageException when the value is not a positive whole number
     */
    public int positiveInt(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!v.matches("[0-9]{1,9}") || Integer.parseInt(v) < 1) {
            throw new UsageException(name + " expects a positive whole number, got '" + v + "'");
        }
        return Integer.parseInt(v);
    }

    /**
     * The value of option {@code name} as a finite number above 0, or {@code fallback}.
     *
     * @param unit what the number counts, for the error message ("seconds")
     * @throws UsageException when the value is not a positive number
     */
    public double positiveDouble(String name, String unit, double fallback) {
        return number(name, unit, fallback, false);
    }

    /**
     * The value of option {@code name} as a finite number of 0 or more, or {@code fallback}:
     * {@code --timeout 0} for "no timeout".
     *
     * @param unit what the number counts, for the error message ("seconds")
     * @throws UsageException when the value is not a number ≥ 0
     */
    public double nonNegativeDouble(String name, String unit, double fallback) {
        return number(name, unit, fallback, true);
    }

    private double number(String name, String unit, double fallback, boolean zeroAllowed) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!(zeroAllowed ? d >= 0 : d > 0) || Double.isInfinite(d)) {
            throw new UsageException(name + (zeroAllowed ? " expects a number of " + unit + ", 0 or more"
                    : " expects a positive number of " + unit) + ", got '" + v + "'");
        }
        return d;
    }

    /** The positional arguments, in order. */
    public List<String> positionals() {
        return positionals;
    }

    /** A command line that does not fit the command's declared options; the message says why. */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** An error with the message to print above the usage text. */
        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * The options a command takes. Options start with {@code -}; a value follows as the next
     * argument or after {@code =} ({@code --runs=3}). Aliases ({@code -o} for {@code --output})
     * are stored under the option's first name.
     */
    public static final class Spec {
        /** Option name (and each alias) → its declaration. */
        private final Map<String, Option> byName = new LinkedHashMap<>();
        private final List<Option> declared = new ArrayList<>();
        private final List<List<String>> exclusive = new ArrayList<>();
        private String positionalWhat;
        private int minPositionals;
        private int maxPositionals;

        private Spec() {
        }

        /** A flag without a value, such as {@code --no-archives}; {@code aliases} such as {@code -h}. */
        public Spec flag(String name, String... aliases) {
            return add(new Option(name, null, List.of(aliases)));
        }

        /** An option with a value, such as {@code --runs N}; {@code valueName} ("N") is shown in errors. */
        public Spec option(String name, String valueName, String... aliases) {
            return add(new Option(name, valueName, List.of(aliases)));
        }

        /**
         * Options of which at most one may be given, such as {@code --user}, {@code --sys-prefix}
         * and {@code --prefix}.
         */
        public Spec atMostOneOf(String... names) {
            exclusive.add(List.of(names));
            return this;
        }

        /**
         * Positional arguments: between {@code min} and {@code max} of them ({@link Integer#MAX_VALUE}
         * for no limit), described as {@code what} in errors ("a notebook (.ipynb) or directory").
         * Without this call a command takes none, and a stray word is an unknown option.
         */
        public Spec positionals(String what, int min, int max) {
            this.positionalWhat = what;
            this.minPositionals = min;
            this.maxPositionals = max;
            return this;
        }

        private Spec add(Option o) {
            for (String n : o.names()) {
                if (byName.putIfAbsent(n, o) != null) {
                    throw new IllegalStateException("option " + n + " is declared twice");
                }
            }
            declared.add(o);
            return this;
        }

        /**
         * Parses {@code argv} against these declarations.
         *
         * @throws UsageException for an unknown option, a missing, empty or unexpected value, an
         *                        option given twice, two exclusive options, or too few or too many
         *                        positional arguments
         */
        public Args parse(String[] argv) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> positionals = new ArrayList<>();
            for (int i = 0; i < argv.length; i++) {
                String arg = argv[i];
                boolean optionLike = arg.startsWith("-") && arg.length() > 1;
                if (!optionLike) {
                    if (positionals.size() >= maxPositionals) {
                        throw maxPositionals == 0 ? unknown(arg)
                                : new UsageException("unexpected extra argument '" + arg + "'; expected "
                                        + (maxPositionals == 1 ? "only " : "at most " + maxPositionals + " ")
                                        + positionalWhat);
                    }
                    positionals.add(arg);
                    continue;
                }
                int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
                String name = eq > 0 ? arg.substring(0, eq) : arg;
                String value = eq > 0 ? arg.substring(eq + 1) : null;
                Option o = byName.get(name);
                if (o == null) {
                    throw unknown(arg);
                }
                if (o.valueName() == null) {
                    if (value != null) {
                        throw new UsageException(name + " takes no value, got '" + arg + "'");
                    }
                    value = "";
                } else {
                    if (value == null) {
                        if (i + 1 >= argv.length || argv[i + 1].startsWith("--")) {
                            throw new UsageException(name + " expects a value (" + o.valueName() + "), got "
                                    + (i + 1 >= argv.length ? "nothing" : "'" + argv[i + 1] + "'"));
                        }
                        value = argv[++i];
                    }
                    if (value.isEmpty()) {
                        throw new UsageException(name + " expects a value (" + o.valueName() + "), got an empty string");
                    }
                }
                if (values.containsKey(o.name())) {
                    throw new UsageException(o.name() + " given twice; expected it once");
                }
                values.put(o.name(), value);
            }
            for (List<String> group : exclusive) {
                List<String> given = group.stream().filter(values::containsKey).toList();
                if (given.size() > 1) {
                    throw new UsageException("expected one of " + describe(group) + "; got both " + given.get(0)
                            + " and " + given.get(1));
                }
            }
            if (positionals.size() < minPositionals) {
                throw new UsageException("expected " + positionalWhat + ", got "
                        + (positionals.isEmpty() ? "none" : String.join(" ", positionals)));
            }
            return new Args(values, List.copyOf(positionals));
        }

        private UsageException unknown(String arg) {
            List<String> names = declared.stream().map(Option::name).toList();
            return new UsageException("unknown option '" + arg + "'; expected "
                    + (names.isEmpty() ? "no options" : "one of " + describe(names)));
        }

        /** "--user, --sys-prefix, --prefix DIR": each option with its value name. */
        private String describe(List<String> names) {
            List<String> shown = new ArrayList<>();
            for (String n : names) {
                Option o = byName.get(n);
                shown.add(o == null || o.valueName() == null ? n : n + " " + o.valueName());
            }
            return String.join(", ", shown);
        }
    }

    /** One declared option: its name, its value's name (null for a flag) and its aliases. */
    private record Option(String name, String valueName, List<String> aliases) {
        List<String> names() {
            List<String> all = new ArrayList<>(aliases);
            all.add(0, name);
            return all;
        }
    }
}
