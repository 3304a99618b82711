package org.heard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Heard: one application whose parts are switched by {@code heard.roles} (ingest, triage, desk;
 * all three by default), so the same jar runs a single machine or a scaled-out deployment.
 */
@SpringBootApplication
public class HeardApplication {

    public static void main(String[] args) {
        SpringApplication.run(HeardApplication.class, args);
    }
}
