package dev.hypersearch.api;

import java.io.InputStream;
import java.io.Reader;
import java.util.function.Supplier;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonParserDelegate;

/**
 * A JSON factory whose parsers report a broken read constraint (a 1,201-digit number, a string or nesting
 * too deep) with the parser attached. Jackson throws those without it, so the only path left was the one
 * databind had reached: the parent object ({@code space}, or {@code $}) rather than the field being read.
 */
final class FieldLocatingJsonFactory extends JsonFactory {

    FieldLocatingJsonFactory() {
    }

    private FieldLocatingJsonFactory(FieldLocatingJsonFactory from) {
        super(from);
    }

    @Override
    public JsonFactory copy() {
        return new FieldLocatingJsonFactory(this);
    }

    @Override
    protected JsonParser _createParser(ObjectReadContext read, IOContext io, InputStream in) {
        return new Locating(super._createParser(read, io, in));
    }

    @Override
    protected JsonParser _createParser(ObjectReadContext read, IOContext io, Reader r) {
        return new Locating(super._createParser(read, io, r));
    }

    @Override
    protected JsonParser _createParser(ObjectReadContext read, IOContext io, char[] data, int offset, int len,
                                       boolean recyclable) {
        return new Locating(super._createParser(read, io, data, offset, len, recyclable));
    }

    @Override
    protected JsonParser _createParser(ObjectReadContext read, IOContext io, byte[] data, int offset, int len) {
        return new Locating(super._createParser(read, io, data, offset, len));
    }

    /** Tokens are read (and constraints checked) in these calls; the others delegate to them or read none. */
    private static final class Locating extends JsonParserDelegate {

        Locating(JsonParser parser) {
            super(parser);
        }

        /** Runs one read, rethrowing a broken constraint with this parser (and so its context) attached. */
        private <T> T located(Supplier<T> read) {
            try {
                return read.get();
            } catch (StreamConstraintsException e) {
                throw new StreamReadException(this, e.getOriginalMessage(), delegate.currentLocation(), e);
            }
        }

        @Override
        public JsonToken nextToken() {
            return located(delegate::nextToken);
        }

        @Override
        public JsonToken nextValue() {
            return located(delegate::nextValue);
        }

        @Override
        public String nextName() {
            return located(delegate::nextName);
        }

        @Override
        public boolean nextName(SerializableString name) {
            return located(() -> delegate.nextName(name));
        }

        @Override
        public int nextNameMatch(PropertyNameMatcher matcher) {
            return located(() -> delegate.nextNameMatch(matcher));
        }

        @Override
        public void finishToken() {
            located(() -> {
                delegate.finishToken();
                return null;
            });
        }

        @Override
        public JsonParser skipChildren() {
            located(delegate::skipChildren);
            return this;
        }
    }
}
