package dev.hypersearch.api;

import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Where in a JSON body Jackson failed, as the same dotted path the spec validator uses
 * ({@code space.activation.choice[2]}), so every 400 names its field the same way.
 */
final class JsonErrors {

    /** The document itself, when no field is at fault (an array instead of an object, an empty body). */
    static final String ROOT = "$";

    private JsonErrors() {
    }

    /** The first Jackson exception in a cause chain, or null. */
    static JacksonException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JacksonException j) {
                return j;
            }
        }
        return null;
    }

    /**
     * A syntax error (a NaN token, a missing value) is located exactly by the parser's context: the
     * member it was reading. Databind errors (a body that is not an object) carry a reference path.
     */
    static String field(JacksonException e) {
        if (e instanceof StreamReadException s && s.processor() != null) {
            return field(s.processor().streamReadContext());
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                append(path, ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? ROOT : path.toString();
    }

    static String field(TokenStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.currentName() != null) {
                segments.push("." + c.currentName());
            } else if (c.inArray() && c.hasCurrentIndex()) {
                segments.push("[" + c.getCurrentIndex() + "]");
            }
        }
        StringBuilder path = new StringBuilder();
        segments.forEach(path::append);
        return path.isEmpty() ? ROOT : path.substring(path.charAt(0) == '.' ? 1 : 0);
    }

    /**
     * Jackson's message without what only a Java programmer can use: the source excerpt, the location
     * (reported separately) and advice to enable parser features.
     */
    static String message(JacksonException e) {
        if (e instanceof MismatchedInputException && e.getPath().isEmpty()) {
            return "the body must be a JSON object";
        }
        String m = e.getOriginalMessage();
        if (m == null) {
            return "unreadable JSON";
        }
        if (m.startsWith("Non-standard token")) {
            return m.replaceFirst("(?s):\\s*enable `.*", "") + ": JSON has no NaN or Infinity; use a finite number";
        }
        return m.replaceAll("(?s)\\s*\\(start marker at \\[Source.*?\\]\\)", "")
                .replaceAll(",\\s*from `[^`]*`", "") // the Java setting behind a read constraint
                .replaceAll("(?s)\\s*at \\[Source.*", "")
                .strip();
    }

    /** Line and column of the error in the body, when Jackson knows them. */
    static TokenStreamLocation location(JacksonException e) {
        TokenStreamLocation l = e.getLocation();
        return l == null || l.getLineNr() < 1 ? null : l;
    }

    private static void append(StringBuilder path, String name) {
        if (!path.isEmpty()) {
            path.append('.');
        }
        path.append(name);
    }
}
