package org.heard.desk.mentions;

import java.util.Set;

/**
 * The catalogue as a tree: a manager of a service also looks after the services below it. The
 * application's tree is triage's service catalogue ({@link CatalogueServiceTree}).
 */
public interface ServiceTree {

    /** The given services and every service below them. */
    Set<String> withDescendants(Set<String> services);
}
