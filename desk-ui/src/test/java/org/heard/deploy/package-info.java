/**
 * Checks of the deployment files in {@code deploy/} (compose, Kubernetes, the configuration
 * reference), run offline in the build: every YAML parses, the objects carry what Kubernetes and
 * the operators need, and every setting and environment variable matches a setting the code
 * really reads. No schema validator for Kubernetes runs offline here, so the checks are
 * structural; each names the file and object it complains about.
 */
package org.heard.deploy;
