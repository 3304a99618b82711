package org.heard.desk.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.heard.desk.security.StaffUser;

/**
 * The frame around every desk page: who is signed in, and the pages this person may open. The
 * menu is built from each page's {@code @Menu} and filtered by the same access rules the router
 * enforces, so a responder is never shown an admin page it would be refused.
 */
@Layout
@PermitAll
public class DeskLayout extends AppLayout {

    public DeskLayout(AuthenticationContext authentication) {
        var brand = new Span("Heard");
        brand.addClassNames("font-semibold", "text-l");
        // A person answers, not an institution: the name and role staff sign with.
        var signedIn = new Span(authentication
                .getAuthenticatedUser(StaffUser.class)
                .map(user -> user.displayName() + (user.title() == null ? "" : " · " + user.title()))
                .orElseGet(() -> authentication.getPrincipalName().orElse("")));
        signedIn.setId("who");
        var logout = new Button("Log out", event -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("nav-logout");
        var bar = new HorizontalLayout(brand, signedIn, logout);
        bar.setWidthFull();
        bar.setPadding(true);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(brand);
        addToNavbar(new DrawerToggle(), bar);

        var pages = new SideNav();
        pages.setId("desk-menu");
        MenuConfiguration.getMenuEntries()
                .forEach(entry -> pages.addItem(new SideNavItem(entry.title(), entry.path())));
        addToDrawer(pages);
        setPrimarySection(Section.DRAWER);
    }
}
