package org.heard.contracts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.EnumNamingStrategy;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AnnotatedClass;

/**
 * An enum whose constants go on the wire, into the index and out of the API by one rule: lower case,
 * words joined by hyphens ({@code IN_PROGRESS} is {@code in-progress}). {@link DeskJson}'s mapper
 * (and the web's, through {@link #rule}) applies it to every enum that implements this; other enums
 * keep their constant names, as they always had.
 */
public interface WireEnum {

    /** The constant's name on the wire. */
    default String wire() {
        return wireName(((Enum<?>) this).name());
    }

    /**
     * The constant with this wire name (or constant name), in any case.
     *
     * @throws IllegalArgumentException naming the choices, when there is none
     */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value) {
        if (value != null) {
            String name = value.replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(name)) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException("Unknown " + described(type) + ": " + value + " (one of "
                + Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining(", ")) + ")");
    }

    /** Applies the rule to a JSON mapper's builder: {@link DeskJson}'s, and the web's. */
    static <B extends MapperBuilder<?, B>> B rule(B builder) {
        return builder.enumNamingStrategy(Naming.INSTANCE)
                .enable(tools.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
    }

    private static String wireName(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code Sentiment.Label}: "sentiment label". */
    private static String described(Class<?> type) {
        String name = (type.getEnclosingClass() == null
                        ? ""
                        : type.getEnclosingClass().getSimpleName())
                + type.getSimpleName();
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** The rule as Jackson's enum naming: wire names for a {@link WireEnum}, constant names for the rest. */
    final class Naming implements EnumNamingStrategy {

        static final Naming INSTANCE = new Naming();

        private Naming() {}

        @Override
        public String convertEnumToExternalName(MapperConfig<?> config, AnnotatedClass type, String enumName) {
            return WireEnum.class.isAssignableFrom(type.getRawType()) ? wireName(enumName) : enumName;
        }
    }
}
