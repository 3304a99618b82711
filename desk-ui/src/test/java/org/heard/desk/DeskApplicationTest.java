package org.heard.desk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.heard.platform.testing.HeardIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The desk on a random port with real Kafka and Elasticsearch and the same staff in every test
 * class, so all desk ITs share one cached Spring context: a responder (sam), a manager of ward 7
 * (wendy, who also sees bay A below it in the test catalogue) and an admin; and two integrations
 * with API tokens (see {@link TestApi}): a responder and a manager-scoped feed for ward 7. Their
 * passwords ("correct horse", "ward seven", "admin pass") are bcrypt hashes of cost 4, quick to check.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@HeardIntegrationTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "heard.security.users[0].username=sam",
            "heard.security.users[0].password-hash={bcrypt}$2a$04$7lQkUD5glF80uVIq75K1q.bSJsASNnqL27TP45vPOlcANrdlWKPeG",
            "heard.security.users[0].display-name=Sam Patel",
            "heard.security.users[0].title=Patient Experience Lead",
            "heard.security.users[0].roles=RESPONDER",
            "heard.security.users[1].username=wendy",
            "heard.security.users[1].password-hash={bcrypt}$2a$04$hNFeVzzvC2LMT/3WFD99uOVejR7lyvB6vya3EO94SY9iHZqkai.8m",
            "heard.security.users[1].display-name=Wendy Okafor",
            "heard.security.users[1].title=Ward 7 Manager",
            "heard.security.users[1].roles=MANAGER",
            "heard.security.users[1].services=ward-7",
            "heard.security.users[2].username=alex",
            "heard.security.users[2].password-hash={bcrypt}$2a$04$auicxO0eprSXCnwHDwJ7Neh2xBOZgX84HE8CILt8yYDYJWhUTvV4i",
            "heard.security.users[2].display-name=Alex Admin",
            "heard.security.users[2].roles=ADMIN",
            "heard.api.clients[0].name=incident-desk",
            "heard.api.clients[0].token-hash=fc9591a3c24c3ceed77769d86969124c160caecfdab6430882943eed28e4f0a6",
            "heard.api.clients[0].display-name=Incident Desk",
            "heard.api.clients[0].title=Patient Experience Team",
            "heard.api.clients[0].role=RESPONDER",
            "heard.api.clients[1].name=ward-seven-feed",
            "heard.api.clients[1].token-hash=522722debb5e582762fe695b924226340df71bae4925e7ca0fb622be4aca7cb4",
            "heard.api.clients[1].role=MANAGER",
            "heard.api.clients[1].services=ward-7",
            "heard.api.stream.heartbeat=1s",
            "heard.triage.catalogue=src/test/resources/org/heard/desk/test-catalogue.yaml",
            "vaadin.devmode.devTools.enabled=false",
            "heard.channel.email.embedded.smtp-port=0",
            "heard.channel.email.embedded.imap-port=0"
        })
@interface DeskApplicationTest {}
