/** Credentials from the environment or files, one way for every module: {@link org.heard.platform.secrets.Secret}. */
package org.heard.platform.secrets;
