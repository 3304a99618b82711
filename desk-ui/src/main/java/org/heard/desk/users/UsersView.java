package org.heard.desk.users;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.heard.desk.mentions.ServiceTree;
import org.heard.desk.security.StaffRole;
import org.heard.desk.security.StaffRoster;
import org.heard.triage.catalogue.ServiceCatalogue;
import org.springframework.core.env.Environment;

/** The configured staff, read-only, and where to change them. */
@Route("admin/users")
@PageTitle("Users · Heard")
@Menu(title = "Users", order = 93)
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    static final String OIDC_PREFIX = "spring.security.oauth2.client.registration.";

    UsersView(StaffRoster roster, ServiceTree tree, ServiceCatalogue catalogue, Environment environment) {
        var grid = new Grid<StaffRoster.Member>();
        grid.setId("users-grid");
        grid.addColumn(StaffRoster.Member::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(StaffRoster.Member::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(member -> member.title() == null ? "" : member.title())
                .setHeader("Title")
                .setAutoWidth(true);
        grid.addColumn(member ->
                        member.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")))
                .setHeader("Role")
                .setAutoWidth(true);
        grid.addColumn(member -> scope(member, tree, catalogue))
                .setHeader("Services they see")
                .setFlexGrow(1);
        grid.setItems(roster.members());
        grid.setAllRowsVisible(true);

        var signIn = new Paragraph(signIn(environment));
        signIn.setId("users-sign-in");
        var where =
                new Paragraph("Staff, roles and services are set in configuration, not here: heard.security.users[N]."
                        + "username, password-hash (or password-hash-file), display-name, title, roles, services — see "
                        + "deploy/configuration.md, “Staff and login”. Restart the desk after a change.");
        where.setId("users-where");
        var generated = roster.members().stream().anyMatch(StaffRoster.Member::generated);
        add(new H2("Users"), signIn, grid, where);
        if (generated) {
            add(new Paragraph(
                    "No users are configured: the admin above was generated on first start, with the password kept in "
                            + "<data-dir>/initial-admin-password. Configure users before more people use the desk."));
        }
    }

    static String scope(StaffRoster.Member member, ServiceTree tree, ServiceCatalogue catalogue) {
        // As the desk scopes them (DeskScope): responders and admins see everything, anyone else their services and
        // those below.
        if (member.roles().contains(StaffRole.RESPONDER) || member.roles().contains(StaffRole.ADMIN)) {
            return member.services().isEmpty()
                    ? "All services"
                    : "All services (configured: " + String.join(", ", new TreeSet<>(member.services())) + ")";
        }
        if (member.services().isEmpty()) {
            return "None: without services they see no mentions";
        }
        Set<String> resolved = new TreeSet<>(tree.withDescendants(member.services()));
        return resolved.stream()
                .map(id -> catalogue
                        .service(id)
                        .map(service -> service.name() + " (" + id + ")")
                        .orElse(id + " (not in the catalogue)"))
                .collect(Collectors.joining(", "));
    }

    static String signIn(Environment environment) {
        var registrations = new TreeSet<String>();
        if (environment instanceof org.springframework.core.env.ConfigurableEnvironment configurable) {
            for (var source : configurable.getPropertySources()) {
                if (source instanceof org.springframework.core.env.EnumerablePropertySource<?> names) {
                    for (String name : names.getPropertyNames()) {
                        if (name.startsWith(OIDC_PREFIX)) {
                            registrations.add(
                                    name.substring(OIDC_PREFIX.length()).split("\\.")[0]);
                        }
                    }
                }
            }
        }
        return registrations.isEmpty()
                ? "Sign-in: usernames and password hashes from configuration. OIDC is not in use (no " + OIDC_PREFIX
                        + "* is set)."
                : "OIDC provider registrations are configured (" + String.join(", ", registrations)
                        + "); the users below are " + "those configured with passwords.";
    }
}
