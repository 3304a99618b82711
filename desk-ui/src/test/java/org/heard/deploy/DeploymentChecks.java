package org.heard.deploy;

import static org.heard.deploy.Manifest.at;
import static org.heard.deploy.Manifest.list;
import static org.heard.deploy.Manifest.map;
import static org.heard.deploy.Manifest.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.heard.platform.roles.HeardRole;

/**
 * The checks of {@code deploy/}. Each returns the problems it found, one readable sentence each
 * naming the file and object, so a failing build says what to fix.
 */
final class DeploymentChecks {

    /** The API versions these checks know each kind by; anything else is reported, not guessed at. */
    static final Map<String, Set<String>> API_VERSIONS = Map.ofEntries(
            Map.entry("ConfigMap", Set.of("v1")),
            Map.entry("Secret", Set.of("v1")),
            Map.entry("Service", Set.of("v1")),
            Map.entry("Deployment", Set.of("apps/v1")),
            Map.entry("PodDisruptionBudget", Set.of("policy/v1")),
            Map.entry("Ingress", Set.of("networking.k8s.io/v1")),
            Map.entry("HorizontalPodAutoscaler", Set.of("autoscaling/v2")),
            Map.entry("NetworkPolicy", Set.of("networking.k8s.io/v1")),
            Map.entry("ScaledObject", Set.of("keda.sh/v1alpha1")),
            Map.entry("TriggerAuthentication", Set.of("keda.sh/v1alpha1")),
            Map.entry("KafkaUser", Set.of("kafka.strimzi.io/v1beta2", "kafka.strimzi.io/v1")),
            Map.entry("Kafka", Set.of("kafka.strimzi.io/v1beta2", "kafka.strimzi.io/v1")),
            Map.entry("KafkaNodePool", Set.of("kafka.strimzi.io/v1beta2", "kafka.strimzi.io/v1")),
            Map.entry("KafkaTopic", Set.of("kafka.strimzi.io/v1beta2", "kafka.strimzi.io/v1")),
            Map.entry("Elasticsearch", Set.of("elasticsearch.k8s.elastic.co/v1")));

    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(password|password-hash|subscription-key|token|secret|jaas\\.config)");
    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final String HEALTH = "/actuator/health/";

    private final DeployFolder deploy;
    private final ConfigurationReference reference;
    private final KnownSettings known;

    DeploymentChecks(DeployFolder deploy, ConfigurationReference reference, KnownSettings known) {
        this.deploy = deploy;
        this.reference = reference;
        this.known = known;
    }

    // --- Kubernetes objects ---------------------------------------------------------------------

    List<String> objectsAreComplete() {
        List<String> problems = new ArrayList<>();
        for (Manifest object : deploy.kubernetes()) {
            String where = object.where(deploy.root());
            Optional<String> apiVersion = text(object.content(), "apiVersion");
            if (apiVersion.isEmpty()) {
                problems.add(where + ": no apiVersion");
            }
            if (object.kind().isEmpty()) {
                problems.add(where + ": no kind");
                continue;
            }
            if (object.name().isEmpty()) {
                problems.add(where + ": no metadata.name");
            } else if (object.name().length() > 253
                    || !DNS_NAME.matcher(object.name()).matches()) {
                problems.add(where + ": metadata.name is not a DNS subdomain name");
            }
            Set<String> versions = API_VERSIONS.get(object.kind());
            if (versions == null) {
                problems.add(where + ": kind " + object.kind()
                        + " is unknown to these checks; add it to DeploymentChecks.API_VERSIONS");
            } else if (apiVersion.isPresent() && !versions.contains(apiVersion.get())) {
                problems.add(
                        where + ": " + object.kind() + " needs apiVersion " + versions + ", not " + apiVersion.get());
            }
            if (!object.kind().equals("ConfigMap")
                    && !object.kind().equals("Secret")
                    && at(object.content(), "spec").isEmpty()) {
                problems.add(where + ": no spec");
            }
        }
        for (Manifest deployment : ofKind("Deployment")) {
            String where = deployment.where(deploy.root());
            Map<String, Object> selector = labels(deployment.content(), "spec", "selector", "matchLabels");
            Map<String, Object> podLabels = labels(deployment.content(), "spec", "template", "metadata", "labels");
            if (selector.isEmpty()) {
                problems.add(where + ": spec.selector.matchLabels is empty");
            } else if (!podLabels.entrySet().containsAll(selector.entrySet())) {
                problems.add(
                        where + ": the pod template's labels " + podLabels + " do not match spec.selector " + selector);
            }
        }
        for (Manifest budget : ofKind("PodDisruptionBudget")) {
            boolean min = at(budget.content(), "spec", "minAvailable").isPresent();
            boolean max = at(budget.content(), "spec", "maxUnavailable").isPresent();
            if (min == max) {
                problems.add(budget.where(deploy.root()) + ": give exactly one of minAvailable and maxUnavailable");
            }
        }
        for (Manifest service : ofKind("Service")) {
            if (labels(service.content(), "spec", "selector").isEmpty()
                    || list(at(service.content(), "spec").orElse(null), "ports").isEmpty()) {
                problems.add(service.where(deploy.root()) + ": a Service needs spec.selector and spec.ports");
            } else if (podsSelectedBy(labels(service.content(), "spec", "selector"))
                    .isEmpty()) {
                problems.add(service.where(deploy.root()) + ": selects no Deployment's pods");
            }
        }
        for (Manifest ingress : ofKind("Ingress")) {
            for (Object rule : list(at(ingress.content(), "spec").orElse(null), "rules")) {
                for (Object path : list(at(rule, "http").orElse(null), "paths")) {
                    String service = at(path, "backend", "service", "name")
                            .map(String::valueOf)
                            .orElse("");
                    if (ofKind("Service").stream().noneMatch(s -> s.name().equals(service))) {
                        problems.add(
                                ingress.where(deploy.root()) + ": backend Service '" + service + "' is not defined");
                    }
                }
            }
        }
        return problems;
    }

    List<String> containersAreSizedAndProbed() {
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : ofKind("Deployment")) {
            List<Object> containers =
                    list(at(deployment.content(), "spec", "template", "spec").orElse(null), "containers");
            if (containers.isEmpty()) {
                problems.add(deployment.where(deploy.root()) + ": no containers");
            }
            for (Object container : containers) {
                String where = deployment.where(deploy.root()) + " container "
                        + text(container, "name").orElse("(no name)");
                if (text(container, "image").filter(image -> !image.isBlank()).isEmpty()) {
                    problems.add(where + ": no image");
                }
                for (String resource : List.of("cpu", "memory")) {
                    if (at(container, "resources", "requests", resource).isEmpty()) {
                        problems.add(where + ": no resources.requests." + resource);
                    }
                }
                if (at(container, "resources", "limits", "memory").isEmpty()) {
                    problems.add(where + ": no resources.limits.memory (the JVM sizes its heap from it)");
                }
                problems.addAll(probe(where, container, "livenessProbe", HEALTH + "liveness", true));
                problems.addAll(probe(where, container, "readinessProbe", HEALTH + "readiness", true));
                problems.addAll(probe(where, container, "startupProbe", HEALTH + "liveness", false));
            }
        }
        return problems;
    }

    private static List<String> probe(String where, Object container, String probe, String path, boolean required) {
        Optional<Object> httpGet = at(container, probe, "httpGet");
        if (httpGet.isEmpty()) {
            return required || at(container, probe).isPresent()
                    ? List.of(where + ": " + probe + " needs httpGet on " + path)
                    : List.of();
        }
        List<String> problems = new ArrayList<>();
        String actual = text(httpGet.get(), "path").orElse("");
        if (!actual.equals(path)) {
            problems.add(where + ": " + probe + " checks '" + actual + "', Actuator's probe is " + path);
        }
        Object port = ((Map<?, ?>) httpGet.get()).get("port");
        boolean declared = list(container, "ports").stream()
                .anyMatch(p -> Objects.equals(
                                String.valueOf(port), text(p, "name").orElse(null))
                        || Objects.equals(
                                String.valueOf(port), text(p, "containerPort").orElse(null)));
        if (!declared) {
            problems.add(where + ": " + probe + " port " + port + " is not one of the container's ports");
        }
        return problems;
    }

    List<String> everyDeploymentHasADisruptionBudget() {
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : ofKind("Deployment")) {
            Map<String, Object> podLabels = labels(deployment.content(), "spec", "template", "metadata", "labels");
            long budgets = ofKind("PodDisruptionBudget").stream()
                    .filter(budget -> {
                        var selector = labels(budget.content(), "spec", "selector", "matchLabels");
                        return !selector.isEmpty() && podLabels.entrySet().containsAll(selector.entrySet());
                    })
                    .count();
            if (budgets != 1) {
                problems.add(deployment.where(deploy.root()) + ": selected by " + budgets
                        + " PodDisruptionBudgets, needs exactly 1");
            }
        }
        return problems;
    }

    List<String> triageScalesOnItsConsumerLag(String triageGroup, String mentionsTopic) {
        List<String> problems = new ArrayList<>();
        Optional<Manifest> triage = deploymentRunning(HeardRole.TRIAGE);
        if (triage.isEmpty()) {
            return List.of("no Deployment runs the triage role");
        }
        List<Manifest> scalers = ofKind("ScaledObject").stream()
                .filter(scaler -> at(scaler.content(), "spec", "scaleTargetRef", "name")
                        .map(String::valueOf)
                        .filter(triage.get().name()::equals)
                        .isPresent())
                .toList();
        if (scalers.size() != 1) {
            return List.of(triage.get().where(deploy.root()) + ": scaled by " + scalers.size()
                    + " KEDA ScaledObjects, needs exactly 1");
        }
        Manifest scaler = scalers.getFirst();
        String where = scaler.where(deploy.root());
        var kafka = list(at(scaler.content(), "spec").orElse(null), "triggers").stream()
                .filter(trigger -> text(trigger, "type").filter("kafka"::equals).isPresent())
                .findFirst();
        if (kafka.isEmpty()) {
            problems.add(where + ": no kafka trigger (scale on the consumer group's lag)");
        } else {
            if (!at(kafka.get(), "metadata", "consumerGroup")
                    .map(String::valueOf)
                    .orElse("")
                    .equals(triageGroup)) {
                problems.add(where + ": the kafka trigger must watch consumer group " + triageGroup);
            }
            if (!at(kafka.get(), "metadata", "topic")
                    .map(String::valueOf)
                    .orElse("")
                    .equals(mentionsTopic)) {
                problems.add(where + ": the kafka trigger must watch topic " + mentionsTopic);
            }
        }
        if (at(triage.get().content(), "spec", "replicas").isPresent()) {
            problems.add(triage.get().where(deploy.root())
                    + ": leave spec.replicas to KEDA, or every apply resets the scale");
        }
        Optional<String> partitions = ofKind("ConfigMap").stream()
                .map(config -> at(config.content(), "data", "HEARD_KAFKA_TOPICS_PARTITIONS"))
                .flatMap(Optional::stream)
                .map(String::valueOf)
                .findFirst();
        Optional<String> max = at(scaler.content(), "spec", "maxReplicaCount").map(String::valueOf);
        if (partitions.isPresent()
                && max.isPresent()
                && Integer.parseInt(max.get()) > Integer.parseInt(partitions.get())) {
            problems.add(where + ": maxReplicaCount " + max.get() + " is more than the " + partitions.get()
                    + " partitions: the extra instances would sit idle");
        }
        return problems;
    }

    List<String> deskSessionsAreSticky() {
        Optional<Manifest> desk = deploymentRunning(HeardRole.DESK);
        if (desk.isEmpty()) {
            return List.of("no Deployment runs the desk role");
        }
        var podLabels = labels(desk.get().content(), "spec", "template", "metadata", "labels");
        List<String> problems = new ArrayList<>();
        List<Manifest> services = ofKind("Service").stream()
                .filter(service -> podLabels
                        .entrySet()
                        .containsAll(
                                labels(service.content(), "spec", "selector").entrySet()))
                .toList();
        if (services.isEmpty()) {
            problems.add(desk.get().where(deploy.root()) + ": no Service in front of the desk");
        }
        for (Manifest service : services) {
            if (!at(service.content(), "spec", "sessionAffinity")
                    .map(String::valueOf)
                    .orElse("")
                    .equals("ClientIP")) {
                problems.add(
                        service.where(deploy.root()) + ": Vaadin needs sticky sessions: sessionAffinity: ClientIP");
            }
            boolean stickyIngress = ofKind("Ingress").stream()
                    .filter(ingress -> ingress.file().startsWith(service.file().getParent()))
                    .anyMatch(ingress -> at(
                                    ingress.content(),
                                    "metadata",
                                    "annotations",
                                    "nginx.ingress.kubernetes.io/affinity")
                            .map(String::valueOf)
                            .filter("cookie"::equals)
                            .isPresent());
            if (!stickyIngress) {
                problems.add(service.where(deploy.root()) + ": no Ingress beside it with cookie affinity for Vaadin");
            }
        }
        return problems;
    }

    /** Each role runs in exactly one Deployment and one compose service, named by {@code HEARD_ROLES}. */
    List<String> everyRoleRunsSomewhere() {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> kubernetes = new LinkedHashMap<>();
        ofKind("Deployment").stream()
                .filter(d -> d.file().startsWith(deploy.root().resolve("kubernetes/base")))
                .forEach(d -> kubernetesEnvironment(d).stream()
                        .filter(e -> e.name().equals("HEARD_ROLES"))
                        .forEach(e -> kubernetes.put(
                                d.where(deploy.root()), List.of(e.value().split(",")))));
        Map<String, List<String>> compose = new LinkedHashMap<>();
        heardComposeServices()
                .forEach((name, service) -> composeEnvironment(service).entrySet().stream()
                        .filter(e -> e.getKey().equals("HEARD_ROLES"))
                        .forEach(e -> compose.put(
                                "compose service " + name, List.of(e.getValue().split(",")))));
        for (var placed : List.of(kubernetes, compose)) {
            EnumSet<HeardRole> seen = EnumSet.noneOf(HeardRole.class);
            placed.forEach((where, roles) -> roles.forEach(role -> {
                try {
                    if (!seen.add(HeardRole.valueOf(role.strip().toUpperCase(Locale.ROOT)))) {
                        problems.add(where + ": role " + role + " already runs elsewhere");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": HEARD_ROLES names an unknown role '" + role + "'");
                }
            }));
            EnumSet<HeardRole> missing = EnumSet.complementOf(seen);
            if (!missing.isEmpty()) {
                problems.add((placed == kubernetes ? "kubernetes/base" : "compose") + ": no instance runs " + missing);
            }
        }
        return problems;
    }

    /**
     * Heard's settings name the clusters the operators make (Strimzi's {@code <name>-kafka-bootstrap},
     * ECK's {@code <name>-es-http} and {@code <name>-es-elastic-user}), and Elasticsearch runs the
     * version of Heard's client (docs/adr/0003).
     */
    List<String> clustersAreTheOnesHeardExpects() {
        List<String> problems = new ArrayList<>();
        var pom = read(deploy.repository().resolve("pom.xml"));
        var version = Pattern.compile("<elasticsearch.version>([^<]+)</elasticsearch.version>")
                .matcher(pom);
        String elasticsearchVersion = version.find() ? version.group(1) : "(not in pom.xml)";
        Set<String> kafkas = new java.util.HashSet<>();
        Set<String> bootstraps = new java.util.HashSet<>();
        for (Manifest kafka : ofKind("Kafka")) {
            kafkas.add(kafka.name());
            bootstraps.add(kafka.name() + "-kafka-bootstrap");
        }
        for (Manifest pool : ofKind("KafkaNodePool")) {
            String cluster = at(pool.content(), "metadata", "labels", "strimzi.io/cluster")
                    .map(String::valueOf)
                    .orElse("");
            if (!kafkas.contains(cluster)) {
                problems.add(pool.where(deploy.root()) + ": label strimzi.io/cluster '" + cluster + "' names no Kafka");
            }
        }
        Set<String> elasticsearchServices = new java.util.HashSet<>();
        Set<String> elasticUsers = new java.util.HashSet<>();
        for (Manifest elasticsearch : ofKind("Elasticsearch")) {
            elasticsearchServices.add(elasticsearch.name() + "-es-http");
            elasticUsers.add(elasticsearch.name() + "-es-elastic-user");
            String running = at(elasticsearch.content(), "spec", "version")
                    .map(String::valueOf)
                    .orElse("");
            if (!running.equals(elasticsearchVersion)) {
                problems.add(elasticsearch.where(deploy.root()) + ": version " + running + ", Heard's client is "
                        + elasticsearchVersion);
            }
        }
        for (Manifest config : ofKind("ConfigMap")) {
            var data = map(config.content(), "data").orElse(Map.of());
            Optional.ofNullable(data.get("SPRING_KAFKA_BOOTSTRAPSERVERS"))
                    .map(String::valueOf)
                    .ifPresent(servers -> {
                        for (String server : servers.split(",")) {
                            String host = server.strip().split(":")[0];
                            if (!kafkas.isEmpty() && !bootstraps.contains(host)) {
                                problems.add(config.where(deploy.root()) + ": SPRING_KAFKA_BOOTSTRAPSERVERS names "
                                        + host + ", Strimzi's bootstrap service is one of " + bootstraps);
                            }
                        }
                    });
            Optional.ofNullable(data.get("SPRING_ELASTICSEARCH_URIS"))
                    .map(String::valueOf)
                    .ifPresent(uris -> {
                        for (String uri : uris.split(",")) {
                            String host = java.net.URI.create(uri.strip()).getHost();
                            if (!elasticsearchServices.isEmpty() && !elasticsearchServices.contains(host)) {
                                problems.add(config.where(deploy.root()) + ": SPRING_ELASTICSEARCH_URIS names " + host
                                        + ", ECK's service is one of " + elasticsearchServices);
                            }
                        }
                    });
        }
        Set<String> fileRealmSecrets = new java.util.HashSet<>();
        for (Manifest elasticsearch : ofKind("Elasticsearch")) {
            list(at(elasticsearch.content(), "spec", "auth").orElse(null), "fileRealm")
                    .forEach(realm -> text(realm, "secretName").ifPresent(fileRealmSecrets::add));
        }
        Set<String> kafkaUsers = new java.util.HashSet<>();
        ofKind("KafkaUser").forEach(user -> kafkaUsers.add(user.name()));
        for (Manifest deployment : ofKind("Deployment")) {
            var environment = kubernetesEnvironment(deployment);
            String login = environment.stream()
                    .filter(v -> v.name().equals("HEARD_KAFKA_LOGIN_USERNAME"))
                    .map(Variable::value)
                    .findFirst()
                    .orElse("");
            for (Object container :
                    list(at(deployment.content(), "spec", "template", "spec").orElse(null), "containers")) {
                for (Object entry : list(container, "env")) {
                    String variable = text(entry, "name").orElse("");
                    String secret = at(entry, "valueFrom", "secretKeyRef", "name")
                            .map(String::valueOf)
                            .orElse("");
                    if (variable.equals("SPRING_ELASTICSEARCH_PASSWORD")) {
                        if (elasticUsers.contains(secret)) {
                            problems.add(deployment.where(deploy.root())
                                    + ": Heard signs in to Elasticsearch as the elastic superuser" + " (Secret '"
                                    + secret + "'); give it its own user with the role heard_app");
                        } else if (!ofKind("Elasticsearch").isEmpty() && !fileRealmSecrets.contains(secret)) {
                            problems.add(deployment.where(deploy.root())
                                    + ": the Elasticsearch password comes from Secret '" + secret
                                    + "', which no Elasticsearch's spec.auth.fileRealm names " + fileRealmSecrets);
                        }
                    }
                    if (variable.equals("HEARD_KAFKA_LOGIN_PASSWORD")
                            && !kafkaUsers.isEmpty()
                            && (!secret.equals(login) || !kafkaUsers.contains(login))) {
                        problems.add(deployment.where(deploy.root()) + ": signs in to Kafka as '" + login
                                + "' with the password of Secret '"
                                + secret
                                + "'; Strimzi keeps each KafkaUser's password in a Secret of its name, and the users are "
                                + new java.util.TreeSet<>(kafkaUsers));
                    }
                }
            }
        }
        for (Manifest config : ofKind("ConfigMap")) {
            var data = map(config.content(), "data").orElse(Map.of());
            if ("elastic".equals(String.valueOf(data.get("SPRING_ELASTICSEARCH_USERNAME")))) {
                problems.add(
                        config.where(deploy.root()) + ": Heard signs in to Elasticsearch as the elastic superuser");
            }
            if (data.containsKey("SPRING_KAFKA_BOOTSTRAPSERVERS")
                    && !"SASL_SSL".equals(String.valueOf(data.get("SPRING_KAFKA_SECURITY_PROTOCOL")))) {
                problems.add(config.where(deploy.root())
                        + ": Heard reaches Kafka without SASL over TLS (SPRING_KAFKA_SECURITY_PROTOCOL)");
            }
            Optional.ofNullable(data.get("SPRING_ELASTICSEARCH_URIS"))
                    .map(String::valueOf)
                    .filter(uris -> uris.contains("http://"))
                    .ifPresent(uris -> problems.add(
                            config.where(deploy.root()) + ": Elasticsearch over plain HTTP (" + uris + ")"));
        }
        heardComposeServices().forEach((name, service) -> {
            var environment = composeEnvironment(service);
            if ("elastic".equals(environment.get("SPRING_ELASTICSEARCH_USERNAME"))) {
                problems.add("compose service " + name + ": Heard signs in to Elasticsearch as the elastic superuser");
            }
            if (environment.containsKey("SPRING_KAFKA_BOOTSTRAPSERVERS")
                    && !"SASL_SSL".equals(environment.get("SPRING_KAFKA_SECURITY_PROTOCOL"))) {
                problems.add("compose service " + name
                        + ": Heard reaches Kafka without SASL over TLS (SPRING_KAFKA_SECURITY_PROTOCOL)");
            }
            if (environment.getOrDefault("SPRING_ELASTICSEARCH_URIS", "").contains("http://")) {
                problems.add("compose service " + name + ": Elasticsearch over plain HTTP");
            }
        });
        for (Manifest scaler : ofKind("ScaledObject")) {
            for (Object trigger : list(at(scaler.content(), "spec").orElse(null), "triggers")) {
                at(trigger, "metadata", "bootstrapServers").map(String::valueOf).ifPresent(servers -> {
                    for (String server : servers.split(",")) {
                        String host = server.strip().split(":")[0];
                        if (!kafkas.isEmpty() && !bootstraps.contains(host)) {
                            problems.add(scaler.where(deploy.root()) + ": bootstrapServers names " + host
                                    + ", Strimzi's bootstrap service is one of " + bootstraps);
                        }
                    }
                });
            }
        }
        for (Manifest compose : deploy.compose()) {
            var image = at(compose.content(), "services", "elasticsearch", "image")
                    .map(String::valueOf)
                    .orElse("");
            var tag = Pattern.compile(":(?:\\$\\{[A-Z_]+:-)?([0-9][^}]*)\\}?$").matcher(image);
            if (!image.isEmpty() && (!tag.find() || !tag.group(1).equals(elasticsearchVersion))) {
                problems.add(deploy.root().relativize(compose.file()) + ": Elasticsearch image " + image
                        + " is not Heard's client version " + elasticsearchVersion);
            }
            Path example = compose.file().resolveSibling(".env.example");
            if (Files.isRegularFile(example)
                    && read(example)
                            .lines()
                            .anyMatch(line -> line.startsWith("ELASTICSEARCH_VERSION=")
                                    && !line.equals("ELASTICSEARCH_VERSION=" + elasticsearchVersion))) {
                problems.add(deploy.root().relativize(example)
                        + ": ELASTICSEARCH_VERSION is not Heard's client version " + elasticsearchVersion);
            }
        }
        return problems;
    }

    /** A permission on Kafka: the account, the operation, {@code topic} or {@code group}, the name and whether it is a prefix. */
    record Grant(String account, String operation, String kind, String name, boolean prefixed) {

        @Override
        public String toString() {
            return account + " " + operation + " " + kind + " " + name + (prefixed ? "*" : "");
        }
    }

    private static final Pattern COMPOSE_ACL = Pattern.compile(
            "(?m)^\\s*acl\\s+(heard-[a-z]+)\\s+([A-Za-z]+)\\s+(topic|group)\\s+(\\S+)(\\s+prefixed)?\\s*$");

    /**
     * Kafka's ACLs are the roles' table, both where they are made: Strimzi's KafkaUsers (Heard's
     * accounts; others, such as KEDA's, are left alone) and compose's kafka-setup script.
     */
    List<String> kafkaAccessFollowsTheTable(Set<Grant> table) {
        List<String> problems = new ArrayList<>();
        Set<String> accounts = new java.util.TreeSet<>();
        table.forEach(grant -> accounts.add(grant.account()));
        Set<Grant> strimzi = new java.util.HashSet<>();
        for (Manifest user : ofKind("KafkaUser")) {
            if (!accounts.contains(user.name())) {
                continue;
            }
            if (!text(at(user.content(), "spec", "authentication").orElse(null), "type")
                    .orElse("")
                    .startsWith("scram-sha-")) {
                problems.add(user.where(deploy.root()) + ": signs in without SCRAM");
            }
            for (Object acl : list(at(user.content(), "spec", "authorization").orElse(null), "acls")) {
                var resource = at(acl, "resource").orElse(null);
                boolean prefixed =
                        text(resource, "patternType").filter("prefix"::equals).isPresent();
                for (Object operation : list(acl, "operations")) {
                    strimzi.add(new Grant(
                            user.name(),
                            String.valueOf(operation),
                            text(resource, "type").orElse(""),
                            text(resource, "name").orElse(""),
                            prefixed));
                }
            }
        }
        if (!ofKind("KafkaUser").isEmpty()) {
            compare("kubernetes KafkaUsers", strimzi, table, problems);
        }
        for (Manifest compose : deploy.compose()) {
            var setup =
                    at(compose.content(), "services", "kafka-setup", "command").map(String::valueOf);
            if (setup.isEmpty()) {
                problems.add(
                        deploy.root().relativize(compose.file()) + ": no kafka-setup service making the roles' ACLs");
                continue;
            }
            Set<Grant> granted = new java.util.HashSet<>();
            var acl = COMPOSE_ACL.matcher(setup.get().replace("$$", "$").replace("$role", "${role}"));
            while (acl.find()) {
                granted.add(new Grant(acl.group(1), acl.group(2), acl.group(3), acl.group(4), acl.group(5) != null));
            }
            // The loop that gives every role the same grants: written once for all three.
            var everyRole = Pattern.compile(
                            "(?m)^\\s*acl heard-\\$\\{role\\}\\s+([A-Za-z]+)\\s+(topic|group)\\s+(\\S+)(\\s+prefixed)?\\s*$")
                    .matcher(setup.get().replace("$$", "$").replace("$role", "${role}"));
            while (everyRole.find()) {
                for (String account : accounts) {
                    granted.add(new Grant(
                            account,
                            everyRole.group(1),
                            everyRole.group(2),
                            everyRole.group(3),
                            everyRole.group(4) != null));
                }
            }
            compare(deploy.root().relativize(compose.file()) + " kafka-setup", granted, table, problems);
        }
        return problems;
    }

    private static void compare(String where, Set<Grant> found, Set<Grant> table, List<String> problems) {
        table.stream()
                .filter(grant -> !found.contains(grant))
                .map(Grant::toString)
                .sorted()
                .forEach(grant -> problems.add(where + ": misses " + grant));
        found.stream()
                .filter(grant -> !table.contains(grant))
                .map(Grant::toString)
                .sorted()
                .forEach(grant -> problems.add(where + ": grants " + grant + ", which the roles' table does not"));
    }

    /**
     * Every Deployment has a NetworkPolicy of its own, and the peers that name Heard's pods (in
     * NetworkPolicies and in Strimzi's listeners) select some.
     */
    List<String> everyRoleHasANetworkPolicy() {
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : ofKind("Deployment")) {
            var podLabels = labels(deployment.content(), "spec", "template", "metadata", "labels");
            long policies = ofKind("NetworkPolicy").stream()
                    .filter(policy -> {
                        var selector = labels(policy.content(), "spec", "podSelector", "matchLabels");
                        return !selector.isEmpty() && podLabels.entrySet().containsAll(selector.entrySet());
                    })
                    .count();
            if (policies != 1) {
                problems.add(deployment.where(deploy.root()) + ": selected by " + policies
                        + " NetworkPolicies, needs exactly 1");
            }
        }
        List<Map.Entry<String, Map<String, Object>>> peers = new ArrayList<>();
        for (Manifest policy : ofKind("NetworkPolicy")) {
            for (Object rule : list(at(policy.content(), "spec").orElse(null), "ingress")) {
                for (Object from : list(rule, "from")) {
                    peers.add(Map.entry(policy.where(deploy.root()), labels(from, "podSelector", "matchLabels")));
                }
            }
        }
        for (Manifest kafka : ofKind("Kafka")) {
            for (Object listener : list(at(kafka.content(), "spec", "kafka").orElse(null), "listeners")) {
                for (Object peer : list(listener, "networkPolicyPeers")) {
                    peers.add(Map.entry(kafka.where(deploy.root()), labels(peer, "podSelector", "matchLabels")));
                }
                if (list(listener, "networkPolicyPeers").isEmpty()) {
                    problems.add(kafka.where(deploy.root()) + ": listener "
                            + text(listener, "name").orElse("") + " is open to every pod;"
                            + " give it networkPolicyPeers");
                }
                if (at(listener, "authentication").isEmpty()) {
                    problems.add(kafka.where(deploy.root()) + ": listener "
                            + text(listener, "name").orElse("") + " asks for no login");
                }
            }
        }
        for (var peer : peers) {
            boolean namesHeard =
                    peer.getValue().keySet().stream().anyMatch(key -> key.startsWith("app.kubernetes.io/"));
            if (namesHeard && podsSelectedBy(peer.getValue()).isEmpty()) {
                problems.add(peer.getKey() + ": the peer " + peer.getValue() + " selects none of Heard's pods");
            }
        }
        return problems;
    }

    // --- Kustomize --------------------------------------------------------------------------

    List<String> kustomizationsPointAtWhatExists() {
        List<String> problems = new ArrayList<>();
        for (Manifest kustomization : deploy.kustomizations()) {
            String where = kustomization.where(deploy.root());
            Path folder = kustomization.file().getParent();
            if (list(kustomization.content(), "resources").isEmpty()) {
                problems.add(where + ": no resources");
            }
            for (Object resource : list(kustomization.content(), "resources")) {
                Path path = folder.resolve(String.valueOf(resource)).normalize();
                if (!Files.isRegularFile(path) && !Files.isRegularFile(path.resolve("kustomization.yaml"))) {
                    problems.add(where + ": resource " + resource
                            + " is neither a file nor a folder with a kustomization.yaml");
                }
            }
            List<Manifest> reachable = reachableFrom(kustomization.file(), 0);
            for (Object patch : list(kustomization.content(), "patches")) {
                Optional<String> file = text(patch, "path");
                if (file.isPresent()) {
                    Path path = folder.resolve(file.get()).normalize();
                    if (!Files.isRegularFile(path)) {
                        problems.add(where + ": patch " + file.get() + " does not exist");
                        continue;
                    }
                    for (Manifest target : DeployFolder.parse(path)) {
                        if (reachable.stream()
                                .noneMatch(r -> r.kind().equals(target.kind())
                                        && r.name().equals(target.name()))) {
                            problems.add(where + ": patch " + file.get() + " targets " + target.kind() + "/"
                                    + target.name() + ", which none of its resources defines");
                        }
                    }
                } else if (text(patch, "patch").isEmpty()) {
                    problems.add(where + ": a patch needs path or patch");
                }
                map(patch, "target").ifPresent(target -> {
                    String kind = text(target, "kind").orElse("");
                    String name = text(target, "name").orElse("");
                    if (reachable.stream()
                            .noneMatch(r -> r.kind().equals(kind)
                                    && (name.isEmpty() || r.name().equals(name)))) {
                        problems.add(where + ": patch target " + kind + "/" + name + " is not among its resources");
                    }
                });
            }
        }
        return problems;
    }

    private List<Manifest> reachableFrom(Path kustomizationFile, int depth) {
        if (depth > 10 || !Files.isRegularFile(kustomizationFile)) {
            return List.of();
        }
        Path folder = kustomizationFile.getParent();
        List<Manifest> found = new ArrayList<>();
        for (Manifest kustomization : DeployFolder.parse(kustomizationFile)) {
            for (Object resource : list(kustomization.content(), "resources")) {
                Path path = folder.resolve(String.valueOf(resource)).normalize();
                if (Files.isRegularFile(path)) {
                    found.addAll(DeployFolder.parse(path));
                } else {
                    found.addAll(reachableFrom(path.resolve("kustomization.yaml"), depth + 1));
                }
            }
        }
        return found;
    }

    // --- Compose ----------------------------------------------------------------------------

    List<String> composeServicesAreHealthChecked() {
        List<String> problems = new ArrayList<>();
        if (deploy.compose().isEmpty()) {
            return List.of("no compose file under deploy/");
        }
        for (Manifest compose : deploy.compose()) {
            String file = deploy.root().relativize(compose.file()).toString();
            Map<String, Object> services = map(compose.content(), "services").orElse(Map.of());
            if (services.isEmpty()) {
                problems.add(file + ": no services");
            }
            Set<String> secrets =
                    map(compose.content(), "secrets").orElse(Map.of()).keySet();
            Set<String> volumes =
                    map(compose.content(), "volumes").orElse(Map.of()).keySet();
            services.forEach((name, service) -> {
                String where = file + " service " + name;
                if (text(service, "image").isEmpty() && at(service, "build").isEmpty()) {
                    problems.add(where + ": no image or build");
                }
                List<Object> test = at(service, "healthcheck", "test")
                        .map(t -> t instanceof List<?> parts ? List.<Object>copyOf(parts) : List.<Object>of(t))
                        .orElse(List.of());
                if (test.isEmpty()) {
                    problems.add(where + ": no healthcheck.test");
                } else if (isHeard(service)
                        && test.stream().map(String::valueOf).noneMatch(part -> part.contains(HEALTH))) {
                    problems.add(where + ": Heard's healthcheck should ask Actuator (" + HEALTH + "readiness)");
                }
                map(service, "depends_on").orElse(Map.of()).keySet().stream()
                        .filter(dependency -> !services.containsKey(dependency))
                        .forEach(dependency ->
                                problems.add(where + ": depends on " + dependency + ", which is not a service"));
                list(service, "secrets").stream()
                        .map(String::valueOf)
                        .filter(secret -> !secrets.contains(secret))
                        .forEach(secret ->
                                problems.add(where + ": secret " + secret + " is not declared under secrets:"));
                list(service, "volumes").stream()
                        .map(String::valueOf)
                        .map(volume -> volume.split(":")[0])
                        .filter(volume -> !volume.startsWith(".") && !volume.startsWith("/"))
                        .filter(volume -> !volumes.contains(volume))
                        .forEach(volume ->
                                problems.add(where + ": volume " + volume + " is not declared under volumes:"));
            });
        }
        return problems;
    }

    /** Every variable the compose file interpolates is in .env.example, so a copy of it is a start. */
    List<String> composeVariablesAreInTheExample() {
        List<String> problems = new ArrayList<>();
        for (Manifest compose : deploy.compose()) {
            Path example = compose.file().resolveSibling(".env.example");
            if (!Files.isRegularFile(example)) {
                problems.add(deploy.root().relativize(compose.file()) + ": no .env.example beside it");
                continue;
            }
            Set<String> defined = new java.util.TreeSet<>();
            read(example)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.startsWith("#") && line.contains("="))
                    .forEach(line ->
                            defined.add(line.substring(0, line.indexOf('=')).strip()));
            var interpolated =
                    Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(read(compose.file()));
            Set<String> missing = new java.util.TreeSet<>();
            while (interpolated.find()) {
                if (!defined.contains(interpolated.group(1))) {
                    missing.add(interpolated.group(1));
                }
            }
            missing.forEach(name -> problems.add(
                    deploy.root().relativize(compose.file()) + ": ${" + name + "} is not in .env.example"));
        }
        return problems;
    }

    /** The image copies the jar the desk-ui module builds, from a stage that exists. */
    List<String> imageCopiesTheApplicationJar() {
        Path dockerfile = deploy.root().resolve("Dockerfile");
        if (!Files.isRegularFile(dockerfile)) {
            return List.of("no deploy/Dockerfile");
        }
        List<String> problems = new ArrayList<>();
        String text = read(dockerfile);
        var finalName = Pattern.compile("<finalName>([^<]+)</finalName>")
                .matcher(read(deploy.repository().resolve("desk-ui/pom.xml")));
        String jar = "desk-ui/target/" + (finalName.find() ? finalName.group(1) : "desk-ui") + ".jar";
        if (!text.contains(jar)) {
            problems.add("Dockerfile: does not take " + jar + ", the jar desk-ui builds");
        }
        if (!text.contains("-Pproduction") || !text.contains("package")) {
            problems.add(
                    "Dockerfile: the builder must run ./mvnw -Pproduction -DskipTests package (Vaadin's production bundle)");
        }
        Set<String> stages = new java.util.HashSet<>();
        var from = Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE)
                .matcher(text);
        int count = 0;
        while (from.find()) {
            count++;
            if (from.group(2) != null) {
                stages.add(from.group(2));
            }
        }
        if (count < 2) {
            problems.add(
                    "Dockerfile: build in one stage and run in another, so the image carries a JRE and the jar only");
        }
        var copy = Pattern.compile("COPY\\s+--from=(\\S+)").matcher(text);
        while (copy.find()) {
            if (!stages.contains(copy.group(1))) {
                problems.add("Dockerfile: COPY --from=" + copy.group(1) + " names no build stage");
            }
        }
        return problems;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- Settings ---------------------------------------------------------------------------

    /** Every variable handed to a Heard container is a setting the reference documents. */
    List<String> variablesAreDocumentedSettings() {
        List<String> problems = new ArrayList<>();
        Set<String> named = variablesNamedBySecretSettings();
        heardVariables().forEach((variable, where) -> {
            if (reference.outsideSpring().containsKey(variable) || named.contains(variable)) {
                return;
            }
            boolean documented = reference.rows().stream().anyMatch(row -> setsRow(variable, row));
            if (!documented) {
                problems.add(where + ": " + variable + " sets no setting listed in configuration.md"
                        + (reference.rows().stream()
                                        .anyMatch(row -> row.variables().contains(variable))
                                ? ""
                                : " (misspelt?)"));
            }
        });
        return problems;
    }

    /** A credential setting may name the variable that holds the secret ({@code env:NAME}): that one is a secret too. */
    private Set<String> variablesNamedBySecretSettings() {
        Set<String> named = new java.util.HashSet<>();
        for (Manifest deployment : deploymentsAndPatches()) {
            kubernetesEnvironment(deployment)
                    .forEach(v -> namedSecret(v.value()).ifPresent(named::add));
        }
        heardComposeServices()
                .values()
                .forEach(service -> composeEnvironment(service)
                        .values()
                        .forEach(value -> namedSecret(value).ifPresent(named::add)));
        return named;
    }

    private static Optional<String> namedSecret(String value) {
        return value.startsWith("env:")
                ? Optional.of(value.substring("env:".length()).strip())
                : Optional.empty();
    }

    /** Secrets reach Heard from Kubernetes Secrets or compose interpolation, never as plain values. */
    List<String> secretsComeFromSecrets() {
        List<String> problems = new ArrayList<>();
        List<ConfigurationReference.Row> secret = reference.rows().stream()
                .filter(ConfigurationReference.Row::secret)
                .filter(row -> !row.name().endsWith("-file"))
                .toList();
        Set<String> named = variablesNamedBySecretSettings();
        for (Manifest deployment : deploymentsAndPatches()) {
            for (var variable : kubernetesEnvironment(deployment)) {
                boolean isSecret = named.contains(variable.name())
                        || secret.stream().anyMatch(row -> setsRow(variable.name(), row));
                if (isSecret
                        && !variable.fromSecret()
                        && !variable.value().startsWith("env:")
                        && !variable.value().startsWith("file:")) {
                    problems.add(deployment.where(deploy.root()) + ": " + variable.name()
                            + " is a secret: use valueFrom.secretKeyRef");
                }
            }
        }
        for (Manifest config : ofKind("ConfigMap")) {
            for (var entry : map(config.content(), "data").orElse(Map.of()).entrySet()) {
                String variable = entry.getKey();
                String value = String.valueOf(entry.getValue());
                boolean reference = value.startsWith("env:") || value.startsWith("file:");
                if (!reference
                        && (named.contains(variable) || secret.stream().anyMatch(row -> setsRow(variable, row)))) {
                    problems.add(config.where(deploy.root()) + ": " + variable
                            + " is a secret and does not belong in a ConfigMap");
                }
            }
        }
        heardComposeServices()
                .forEach((name, service) -> composeEnvironment(service).forEach((variable, value) -> {
                    boolean isSecret =
                            named.contains(variable) || secret.stream().anyMatch(row -> setsRow(variable, row));
                    if (isSecret
                            && !value.startsWith("${")
                            && !value.startsWith("env:")
                            && !value.startsWith("file:")) {
                        problems.add("compose service " + name + ": " + variable
                                + " is a secret: take it from .env (${...}) or a file");
                    }
                }));
        return problems;
    }

    /** configuration.md and the code agree: names, variables, defaults, and nothing missing. */
    List<String> referenceMatchesTheCode() {
        List<String> problems = new ArrayList<>();
        for (var row : reference.rows()) {
            String where = "configuration.md line " + row.line() + ", " + row.name();
            if (!known.exists(row.name())) {
                problems.add(where + ": neither Heard nor Spring Boot reads this setting");
            }
            if (row.variables().isEmpty()) {
                problems.add(where + ": no environment variable given");
            }
            for (String variable : row.variables()) {
                boolean placeholder = row.name().equals(known.placeholders().get(variable));
                if (!placeholder && !EnvironmentVariables.sets(variable, row.name())) {
                    problems.add(where + ": " + variable + " does not set it; Spring Boot expects "
                            + environmentName(row.name()));
                }
            }
            Optional<String> expected = known.defaultOf(row.name());
            boolean checked =
                    row.name().startsWith("heard.") || known.applicationYaml().containsKey(row.name());
            if (checked && !expected.equals(row.defaultValue())) {
                problems.add(where + ": the default is "
                        + expected.map(v -> "`" + v + "`").orElse("— (none)") + ", the reference says "
                        + row.defaultValue().map(v -> "`" + v + "`").orElse("—"));
            }
            if (SECRET_NAME.matcher(row.name()).matches() && !row.secret()) {
                problems.add(where + ": looks like a secret; mark it 🔒 and say how to pass it");
            }
        }
        known.heard().values().forEach(setting -> {
            if (reference.row(setting.name()).isEmpty()) {
                problems.add(setting.name() + " (read by " + setting.source() + ") is missing from configuration.md");
            }
        });
        known.applicationYaml().keySet().stream()
                .filter(name -> name.startsWith("heard."))
                .filter(name -> reference.row(name).isEmpty())
                .forEach(name -> problems.add(name + " (set in application.yaml) is missing from configuration.md"));
        return problems;
    }

    /** The usual environment variable of a setting: upper case, dots to underscores, no dashes. */
    static String environmentName(String setting) {
        return Setting.normalised(setting)
                .replace("[N]", "_N_")
                .replace("<key>", "<KEY>")
                .replace(".", "_")
                .replace("-", "")
                .replace("__", "_")
                .toUpperCase(Locale.ROOT);
    }

    private boolean setsRow(String variable, ConfigurationReference.Row row) {
        if (row.variables().contains(variable)
                && row.name().equals(known.placeholders().get(variable))) {
            return true;
        }
        String name = row.name();
        if (name.contains("[N]")) {
            return Stream.iterate(0, i -> i < 20, i -> i + 1)
                    .anyMatch(i -> EnvironmentVariables.sets(variable, name.replace("[N]", "[" + i + "]")));
        }
        return EnvironmentVariables.sets(variable, name);
    }

    // --- Reading the files --------------------------------------------------------------------

    record Variable(String name, String value, boolean fromSecret) {}

    List<Manifest> ofKind(String kind) {
        return deploy.kubernetes().stream()
                .filter(object -> object.kind().equals(kind))
                .toList();
    }

    private List<Manifest> podsSelectedBy(Map<String, Object> selector) {
        return ofKind("Deployment").stream()
                .filter(d -> labels(d.content(), "spec", "template", "metadata", "labels")
                        .entrySet()
                        .containsAll(selector.entrySet()))
                .toList();
    }

    private Optional<Manifest> deploymentRunning(HeardRole role) {
        return ofKind("Deployment").stream()
                .filter(d -> kubernetesEnvironment(d).stream()
                        .anyMatch(e -> e.name().equals("HEARD_ROLES")
                                && Arrays.stream(e.value().split(","))
                                        .map(String::strip)
                                        .anyMatch(role.name()::equalsIgnoreCase)))
                .findFirst();
    }

    /** A container's own env entries, plus the keys of the ConfigMaps it takes with envFrom. */
    private List<Variable> kubernetesEnvironment(Manifest deployment) {
        List<Variable> variables = new ArrayList<>();
        for (Object container :
                list(at(deployment.content(), "spec", "template", "spec").orElse(null), "containers")) {
            for (Object entry : list(container, "env")) {
                variables.add(new Variable(
                        text(entry, "name").orElse(""),
                        text(entry, "value").orElse(""),
                        at(entry, "valueFrom", "secretKeyRef").isPresent()));
            }
            for (Object source : list(container, "envFrom")) {
                at(source, "configMapRef", "name")
                        .map(String::valueOf)
                        .ifPresent(configMap -> ofKind("ConfigMap").stream()
                                .filter(config -> config.name().equals(configMap))
                                .forEach(config -> map(config.content(), "data")
                                        .orElse(Map.of())
                                        .forEach((key, value) ->
                                                variables.add(new Variable(key, String.valueOf(value), false)))));
            }
        }
        return variables;
    }

    /** Deployments and the patches of Deployments: everything that gives a Heard container variables. */
    private List<Manifest> deploymentsAndPatches() {
        return Stream.concat(
                        ofKind("Deployment").stream(),
                        deploy.patches().stream().filter(patch -> patch.kind().equals("Deployment")))
                .toList();
    }

    /** Every variable given to a Heard container, with where it was given. */
    private Map<String, String> heardVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Manifest deployment : deploymentsAndPatches()) {
            kubernetesEnvironment(deployment)
                    .forEach(v -> variables.putIfAbsent(v.name(), deployment.where(deploy.root())));
        }
        heardComposeServices()
                .forEach((name, service) -> composeEnvironment(service)
                        .keySet()
                        .forEach(v -> variables.putIfAbsent(v, "compose service " + name)));
        return variables;
    }

    private Map<String, Object> heardComposeServices() {
        Map<String, Object> heard = new LinkedHashMap<>();
        for (Manifest compose : deploy.compose()) {
            map(compose.content(), "services").orElse(Map.of()).forEach((name, service) -> {
                if (isHeard(service)) {
                    heard.put(name, service);
                }
            });
        }
        return heard;
    }

    /** Heard's services are the ones built from this repository. */
    private static boolean isHeard(Object service) {
        return at(service, "build").isPresent();
    }

    private static Map<String, String> composeEnvironment(Object service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = at(service, "environment").orElse(null);
        if (declared instanceof Map<?, ?> map) {
            map.forEach(
                    (key, value) -> environment.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (declared instanceof List<?> entries) {
            entries.forEach(entry -> {
                String[] parts = String.valueOf(entry).split("=", 2);
                environment.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        }
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> labels(Object root, String... path) {
        return at(root, path)
                .filter(Map.class::isInstance)
                .map(m -> (Map<String, Object>) m)
                .orElse(Map.of());
    }
}
