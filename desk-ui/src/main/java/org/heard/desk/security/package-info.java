/**
 * Who may log in and what they may do: staff from {@code heard.security.users} (the desk's login
 * form, or HTTP Basic on the API and the actuator), and integrations from {@code heard.api.clients}
 * with a token each ({@code Authorization: Bearer}), of which only the SHA-256 is configured. An
 * integration is an {@link org.heard.desk.security.ApiClient}: a {@code StaffUser} with a role and
 * services, so the desk's scope applies to it exactly as to a person.
 */
package org.heard.desk.security;
