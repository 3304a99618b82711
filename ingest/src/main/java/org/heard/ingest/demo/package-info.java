/**
 * The demo: sample mentions emailed through the embedded demo mailbox so a first look at the desk
 * has something in it ({@code java -jar heard.jar demo}). Part of ingest because it feeds a channel.
 */
package org.heard.ingest.demo;
