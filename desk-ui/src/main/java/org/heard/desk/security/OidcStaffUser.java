package org.heard.desk.security;

import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A member of staff signed in through the OpenID Connect provider: the same {@link StaffUser} the
 * desk and its scope checks use for configured users, carrying the id token it came from. There is
 * no password.
 */
final class OidcStaffUser extends StaffUser implements OidcUser {

    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;

    OidcStaffUser(
            String username,
            String displayName,
            String title,
            Set<StaffRole> roles,
            Set<String> services,
            OidcIdToken idToken,
            OidcUserInfo userInfo) {
        super(username, "", displayName, title, roles, services);
        this.idToken = idToken;
        this.userInfo = userInfo;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return idToken.getClaims();
    }

    @Override
    public String getName() {
        return getUsername();
    }
}
