package org.paraterm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line: a command, its positional arguments and the options every command shares. */
record Options(String command, List<String> arguments, Path data, int port, Path corpus, Path out, Path settings,
               int minFreq, int top, String format, boolean force, String db, Path zh, Path en, Path dict,
               Path parallel, Path terms) {

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static Options parse(String[] args) throws UsageException {
        String command = "serve";
        List<String> positional = new ArrayList<>();
        Path data = Path.of("data");
        int port = 8080;
        Path corpus = null;
        Path out = null;
        Path settings = null;
        String format = "tbx";
        int minFreq = 0;
        int top = Integer.MAX_VALUE;
        boolean force = false;
        String db = null;
        Path zh = null;
        Path en = null;
        Path dict = null;
        Path parallel = null;
        Path terms = null;
        int i = 0;
        if (args.length > 0 && !args[0].startsWith("-")) {
            command = args[0];
            i = 1;
        }
        for (; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--corpus" -> corpus = Path.of(value(args, ++i, arg));
                case "--port" -> port = port(value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--settings" -> settings = Path.of(value(args, ++i, arg));
                case "--format" -> format = value(args, ++i, arg).toLowerCase(java.util.Locale.ROOT);
                case "--min-freq" -> {
                    minFreq = positive(value(args, ++i, arg), arg);
                    if (minFreq < 2) {
                        throw new UsageException("--min-freq needs at least 2: a candidate is a repeated string");
                    }
                }
                case "--top" -> top = positive(value(args, ++i, arg), arg);
                case "--force" -> force = true;
                case "--db" -> db = value(args, ++i, arg);
                case "--zh" -> zh = Path.of(value(args, ++i, arg));
                case "--en" -> en = Path.of(value(args, ++i, arg));
                case "--dict" -> dict = Path.of(value(args, ++i, arg));
                case "--parallel" -> parallel = Path.of(value(args, ++i, arg));
                case "--terms" -> terms = Path.of(value(args, ++i, arg));
                case "--help", "-h" -> command = "help";
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option '" + arg + "'");
                    }
                    positional.add(arg);
                }
            }
        }
        return new Options(command, List.copyOf(positional), data, port, corpus, out, settings, minFreq, top, format,
                force, db, zh, en, dict, parallel, terms);
    }

    Path argument(String name) throws UsageException {
        if (arguments.size() != 1) {
            throw new UsageException(command + " needs one " + name);
        }
        return Path.of(arguments.get(0));
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static int positive(String value, String option) throws UsageException {
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number of at least 1, not '" + value + "'");
        }
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--port needs a number from 0 to 65535, not '" + value + "'");
        }
    }
}
