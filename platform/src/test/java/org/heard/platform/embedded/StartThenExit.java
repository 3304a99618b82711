package org.heard.platform.embedded;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link EmbeddedKafkaIT}: starts a broker, leaves stopping it to a shutdown
 * hook, and exits, as the application does when its process is told to stop.
 */
final class StartThenExit {

    public static void main(String[] args) {
        EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Settings.in(Path.of(args[0])));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        System.out.println("started on " + kafka.bootstrapServers());
        System.exit(0);
    }
}
