package org.heard.platform.embedded;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.NotControllerException;
import org.apache.kafka.common.message.AlterUserScramCredentialsRequestData;
import org.apache.kafka.common.message.AlterUserScramCredentialsRequestData.ScramCredentialUpsertion;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.controller.Controller;
import org.apache.kafka.controller.ControllerRequestContext;

/**
 * The broker's one SCRAM account, written into the cluster metadata through the controller in this
 * process: no client can sign in before it exists, so it cannot be created over the network. Written
 * on every start (a fresh salt each time), which also covers a data directory from before logins.
 */
final class ScramAccount {

    private static final ScramMechanism MECHANISM = ScramMechanism.forMechanismName(EmbeddedKafka.Login.MECHANISM);
    private static final int ITERATIONS = 8192;
    private static final int TIMEOUT_MS = 30_000;
    private static final long RETRY_MS = 50;

    private ScramAccount() {}

    /** Waits, up to {@value #TIMEOUT_MS} ms, for the controller to take the lead (just started, it may not have yet). */
    static void ensure(Controller controller, EmbeddedKafka.Login login) {
        var request = new AlterUserScramCredentialsRequestData().setUpsertions(List.of(upsertion(login)));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        try {
            while (true) {
                var context = new ControllerRequestContext(
                        new RequestHeaderData(),
                        KafkaPrincipal.ANONYMOUS,
                        ControllerRequestContext.requestTimeoutMsToDeadlineNs(Time.SYSTEM, TIMEOUT_MS));
                try {
                    var response = controller
                            .alterUserScramCredentials(context, request)
                            .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    for (var result : response.results()) {
                        if (result.errorCode() != Errors.NONE.code()) {
                            throw new IllegalStateException(
                                    "The embedded Kafka controller refused the login " + login.username() + ": "
                                            + Errors.forCode(result.errorCode()) + " " + result.errorMessage());
                        }
                    }
                    return;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof NotControllerException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(RETRY_MS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the embedded Kafka login", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "The embedded Kafka controller did not store the login " + login.username() + ": " + e, e);
        }
    }

    private static ScramCredentialUpsertion upsertion(EmbeddedKafka.Login login) {
        try {
            var formatter = new ScramFormatter(MECHANISM);
            byte[] salt = formatter.secureRandomBytes();
            return new ScramCredentialUpsertion()
                    .setName(login.username())
                    .setMechanism(MECHANISM.type())
                    .setIterations(ITERATIONS)
                    .setSalt(salt)
                    .setSaltedPassword(formatter.saltedPassword(login.password(), salt, ITERATIONS));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot compute " + MECHANISM.mechanismName(), e);
        }
    }
}
