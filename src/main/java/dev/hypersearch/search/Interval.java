package dev.hypersearch.search;

/** A numeric bound with open or closed ends, printed the way the docs write it: (0, 10], [0, 1). */
public record Interval(double min, boolean minInclusive, double max, boolean maxInclusive) {

    public static Interval closed(double min, double max) {
        return new Interval(min, true, max, true);
    }

    public boolean contains(double x) {
        return (minInclusive ? x >= min : x > min) && (maxInclusive ? x <= max : x < max);
    }

    @Override
    public String toString() {
        return (minInclusive ? "[" : "(") + Values.number(min) + ", " + Values.number(max) + (maxInclusive ? "]" : ")");
    }
}
