package org.heard.desk.security;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Heard")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final Paragraph error = new Paragraph();

    public LoginView(ObjectProvider<SingleSignOn> singleSignOn) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1("Heard"), new Paragraph("Listen to patients. Answer them personally, on their channel."));
        var provider = singleSignOn.getIfAvailable();
        if (provider != null) {
            // A plain link, not a router link: the provider's sign-in is a full-page redirect.
            var signIn = new Anchor(provider.loginPath(), "Sign in with " + provider.providerName());
            signIn.setRouterIgnore(true);
            signIn.setId("sso-login");
            signIn.getElement().getThemeList().add("primary");
            signIn.getStyle().set("font-size", "var(--lumo-font-size-l)");
            add(signIn);
            if (!provider.passwordsToo()) {
                add(error);
                error.setId("login-error");
                error.addClassNames(LumoUtility.TextColor.ERROR);
                return;
            }
        }
        add(login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed =
                event.getLocation().getQueryParameters().getParameters().containsKey("error");
        var session = VaadinSession.getCurrent() == null
                ? null
                : VaadinSession.getCurrent().getSession();
        if (failed
                && session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LockedException locked) {
            var i18n = LoginI18n.createDefault();
            i18n.getErrorMessage().setTitle("Locked for now");
            i18n.getErrorMessage().setMessage(locked.getMessage());
            login.setI18n(i18n);
        }
        login.setError(failed);
        error.setText(
                failed ? "That sign-in did not work, or your account has no role on the desk. Ask an admin." : "");
    }
}
