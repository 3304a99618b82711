package org.heard.desk.mentions;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A tree from {@code heard.desk.service-parents} (child id -> parent id). */
final class ConfiguredServiceTree implements ServiceTree {

    private final Map<String, String> parents;

    ConfiguredServiceTree(Map<String, String> parents) {
        this.parents = Map.copyOf(parents);
    }

    @Override
    public Set<String> withDescendants(Set<String> services) {
        var found = new HashSet<>(services);
        var pending = new ArrayDeque<>(services);
        while (!pending.isEmpty()) {
            String parent = pending.pop();
            parents.forEach((child, itsParent) -> {
                if (itsParent.equals(parent) && found.add(child)) {
                    pending.push(child);
                }
            });
        }
        return Set.copyOf(found);
    }
}
