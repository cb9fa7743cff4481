package io.certana.deploy.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Dockerfile parsed into instructions, following the Dockerfile reference: a backslash at the end
 * of a line continues the instruction, lines starting with {@code #} are comments, and the keyword
 * is case-insensitive. Heredocs and a changed escape character are not supported; the linter
 * reports a parser directive that would need them.
 */
public final class Dockerfile {

    /**
     * One instruction.
     *
     * @param line line number where the instruction starts, counted from 1
     * @param keyword the instruction in upper case, such as {@code COPY}
     * @param arguments everything after the keyword, continuation lines joined with a space
     */
    public record Instruction(int line, String keyword, String arguments) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final List<Instruction> instructions;
    private final List<String> directives;

    private Dockerfile(String name, List<Instruction> instructions, List<String> directives) {
        this.name = name;
        this.instructions = instructions;
        this.directives = directives;
    }

    /** Reads a Dockerfile, naming it by its path relative to {@code base}. */
    public static Dockerfile read(Path base, Path file) {
        try {
            return parse(base.relativize(file).toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public static Dockerfile parse(String name, String text) {
        List<Instruction> instructions = new ArrayList<>();
        List<String> directives = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean beforeFirstInstruction = true;
        StringBuilder pending = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                // Parser directives (# syntax=..., # escape=...) may only precede the first instruction.
                if (beforeFirstInstruction && pending == null && trimmed.matches("#\\s*[a-zA-Z]+\\s*=.*")) {
                    directives.add(trimmed.substring(1).strip());
                }
                continue;
            }
            if (trimmed.isEmpty() && pending == null) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            String content = continues ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
            if (pending == null) {
                pending = new StringBuilder(content);
                pendingLine = i + 1;
            } else if (!content.isEmpty()) {
                pending.append(' ').append(content);
            }
            if (!continues) {
                instructions.add(instruction(pendingLine, pending.toString()));
                pending = null;
                beforeFirstInstruction = false;
            }
        }
        if (pending != null) {
            instructions.add(instruction(pendingLine, pending.toString()));
        }
        return new Dockerfile(name, List.copyOf(instructions), List.copyOf(directives));
    }

    private static Instruction instruction(int line, String text) {
        int space = text.indexOf(' ');
        String keyword = space < 0 ? text : text.substring(0, space);
        String arguments = space < 0 ? "" : text.substring(space + 1).strip();
        return new Instruction(line, keyword.toUpperCase(Locale.ROOT), arguments);
    }

    public String name() {
        return name;
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    public List<String> directives() {
        return directives;
    }

    public List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    public Optional<Instruction> last(String keyword) {
        List<Instruction> matching = all(keyword);
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    /** Returns the arguments of the last ENTRYPOINT, which must be in exec form. */
    public List<String> entrypoint() {
        Instruction entrypoint = last("ENTRYPOINT").orElseThrow(
                () -> new IllegalStateException(name + " has no ENTRYPOINT"));
        return execForm(entrypoint).orElseThrow(
                () -> new IllegalStateException(name + ":" + entrypoint.line() + ": ENTRYPOINT is not in exec form"));
    }

    /** Returns the last WORKDIR, or {@code /} when there is none. */
    public String workdir() {
        return last("WORKDIR").map(Instruction::arguments).orElse("/");
    }

    /** Returns every variable that ENV instructions set, in order; later values replace earlier ones. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Instruction instruction : all("ENV")) {
            env.putAll(keyValues(instruction.arguments()));
        }
        return env;
    }

    /** Parses the exec form {@code ["a", "b"]}; empty when the arguments are not a JSON array of strings. */
    static Optional<List<String>> execForm(Instruction instruction) {
        String arguments = instruction.arguments();
        if (!arguments.startsWith("[")) {
            return Optional.empty();
        }
        try {
            JsonNode array = JSON.readTree(arguments);
            List<String> values = new ArrayList<>();
            for (JsonNode element : array) {
                if (!element.isTextual()) {
                    return Optional.empty();
                }
                values.add(element.asText());
            }
            return array.isArray() ? Optional.of(values) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * Splits {@code KEY=value KEY2="quoted value"} pairs. Double quotes group words and a backslash
     * escapes the next character, as in the Dockerfile reference; a word without {@code =} is an error.
     */
    static Map<String, String> keyValues(String arguments) {
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (c == '\\' && i + 1 < arguments.length()) {
                word.append(arguments.charAt(++i));
                inWord = true;
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in: " + arguments);
        }
        if (inWord) {
            words.add(word.toString());
        }
        for (String pair : words) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("'" + pair + "' is not KEY=value");
            }
            pairs.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return pairs;
    }
}
