package org.heard;

import java.util.Set;
import org.heard.desk.security.ApiTokens;
import org.heard.triage.cli.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Heard: one application whose parts are switched by {@code heard.roles} (ingest, triage, desk;
 * all three by default), so the same jar runs a single machine or a scaled-out deployment.
 *
 * <p>{@code java -jar heard.jar triage|train|evaluate|bench ...} runs an offline triage command
 * instead, without starting the application: JSON lines in, JSON lines out. {@code java -jar
 * heard.jar api-token <name>} prints a new API token for an integration and the settings for it.
 * {@code java -jar heard.jar demo} starts the desk and emails it a few dozen sample mentions
 * through the embedded demo mailbox, so a first look has something in it.
 */
@SpringBootApplication
public class HeardApplication {

    static final Set<String> OFFLINE_COMMANDS = Set.of("triage", "train", "evaluate", "bench");
    static final String DEMO = "demo";

    public static void main(String[] args) {
        if (args.length > 0 && ApiTokens.COMMAND.equals(args[0])) {
            System.exit(ApiTokens.command(args, System.out, System.err));
        }
        if (args.length > 0 && OFFLINE_COMMANDS.contains(args[0])) {
            // stdout carries the results; every log line goes to stderr.
            System.setProperty("logback.configurationFile", "heard-cli-logback.xml");
            System.exit(Commands.run(args, System.in, System.out, System.err));
        }
        if (args.length > 0 && DEMO.equals(args[0])) {
            var rest = java.util.Arrays.copyOfRange(args, 1, args.length + 1);
            rest[rest.length - 1] = "--heard.demo.enabled=true";
            SpringApplication.run(HeardApplication.class, rest);
            return;
        }
        SpringApplication.run(HeardApplication.class, args);
    }
}
