package dev.hypersearch.search.tpe;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Optuna's group decomposition of a conditional space ({@code _GroupDecomposedSearchSpace}, TPE's
 * {@code group=True}): the searched parameters split into groups that were active together in every observed
 * trial — two parameters share a group exactly when each trial had both or neither. Unconditional parameters form
 * one group; beta1 and beta2 (both under adam) another; units3 one of its own. A parameter no trial had is a group
 * of one. Groups and their members are in the space's canonical order (of their first member).
 */
final class Groups {

    /**
     * @param names       the group's parameters, canonical order
     * @param conditional whether some trial had none of them (the group of parameters every trial had is not)
     */
    record Group(List<String> names, boolean conditional) {
    }

    private Groups() {
    }

    /**
     * @param searched the searched parameters, canonical order
     * @param finished the finished trials' parameters (Optuna decomposes over finished trials, not running ones)
     */
    static List<Group> of(List<String> searched, List<Map<String, Object>> finished) {
        Set<BitSet> patterns = new LinkedHashSet<>(); // which parameters each trial had; few distinct ones
        for (Map<String, Object> values : finished) {
            BitSet had = new BitSet(searched.size());
            for (int j = 0; j < searched.size(); j++) {
                if (values.get(searched.get(j)) != null) {
                    had.set(j);
                }
            }
            patterns.add(had);
        }
        // A parameter's signature: the patterns it is in. Equal signatures, one group.
        Map<BitSet, List<String>> bySignature = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>();
        for (int j = 0; j < searched.size(); j++) {
            BitSet signature = new BitSet(patterns.size());
            int p = 0;
            for (BitSet pattern : patterns) {
                if (pattern.get(j)) {
                    signature.set(p);
                }
                p++;
            }
            if (signature.isEmpty()) {
                groups.add(new Group(List.of(searched.get(j)), true));
            } else {
                List<String> group = bySignature.get(signature);
                if (group == null) {
                    group = new ArrayList<>();
                    bySignature.put(signature, group);
                    groups.add(new Group(group, signature.cardinality() < patterns.size()));
                }
                group.add(searched.get(j));
            }
        }
        return groups;
    }
}
