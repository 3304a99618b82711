/**
 * The admin's read-only list of staff ({@code admin/users}): who may log in, their role and the
 * services they answer for, resolved against the catalogue tree. Staff are configured in
 * {@code heard.security.users} (deploy/configuration.md); password hashes are never shown.
 */
package org.heard.desk.users;
