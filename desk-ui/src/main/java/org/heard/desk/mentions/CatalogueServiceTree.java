package org.heard.desk.mentions;

import java.util.HashSet;
import java.util.Set;
import org.heard.triage.catalogue.ServiceCatalogue;

/** The tree of triage's service catalogue ({@code heard.triage.catalogue}): one source for tags and scope. */
final class CatalogueServiceTree implements ServiceTree {

    private final ServiceCatalogue catalogue;

    CatalogueServiceTree(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Set<String> withDescendants(Set<String> services) {
        var found = new HashSet<>(services);
        for (String service : services) {
            found.addAll(catalogue.descendantsOf(service));
        }
        return Set.copyOf(found);
    }
}
