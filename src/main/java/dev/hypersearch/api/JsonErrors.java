package dev.hypersearch.api;

import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;

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
     * Databind errors carry a reference path; syntax errors (a NaN token, a missing value) do not, but
     * the parser's context still knows which member it was reading.
     */
    static String field(JacksonException e) {
        if (!e.getPath().isEmpty()) {
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
        if (e instanceof StreamReadException s && s.processor() != null) {
            return field(s.processor().streamReadContext());
        }
        return ROOT;
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

    /** Jackson's message without its location suffix and source excerpt. */
    static String message(JacksonException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "unreadable JSON";
        }
        int cut = m.indexOf("\n at [Source");
        return (cut >= 0 ? m.substring(0, cut) : m).strip();
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
