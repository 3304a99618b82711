package org.heard.desk.api;

import java.util.Set;
import org.heard.contracts.WireEnum;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;

/**
 * Reads a request parameter of a {@link WireEnum} type by its wire name ({@code walk-in},
 * {@code in-progress}), as the API writes it; a name that is none of them fails with the choices.
 * Other enums keep Spring's own conversion.
 */
final class WireEnumParameters implements ConditionalGenericConverter {

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, Enum.class));
    }

    @Override
    public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
        return WireEnum.class.isAssignableFrom(targetType.getType())
                && targetType.getType().isEnum();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || ((String) source).isEmpty()) {
            return null;
        }
        return WireEnum.parse((Class) targetType.getType(), (String) source);
    }
}
