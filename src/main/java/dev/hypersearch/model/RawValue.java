package dev.hypersearch.model;

/** One original column's value in a row to predict, as the client sent it (a missing value is no RawValue). */
public sealed interface RawValue {

    /** What kind of value this is, as error messages name it. */
    String kind();

    /** A JSON number. */
    record Number(double value) implements RawValue {
        @Override
        public String kind() {
            return "a number";
        }
    }

    /** A JSON string: a category or a date for the columns that take them. */
    record Text(String value) implements RawValue {
        @Override
        public String kind() {
            return "a string";
        }
    }

    /** A JSON boolean. */
    record Bool(boolean value) implements RawValue {
        @Override
        public String kind() {
            return "a boolean";
        }
    }
}
