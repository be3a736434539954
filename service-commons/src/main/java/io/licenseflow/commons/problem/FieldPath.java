package io.licenseflow.commons.problem;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;

/** Names a field the way clients write it: {@code seats}, {@code usageRules[2].quota}, {@code metadata.os}. */
public final class FieldPath {

    private FieldPath() {
    }

    public static String of(List<Reference> path) {
        StringBuilder out = new StringBuilder();
        for (Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** From a JSON Pointer such as {@code /usageRules/2/quota} (numeric segments read as indexes). */
    public static String ofPointer(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit) && name.length() < 10) {
                out.append('[').append(name).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(name);
            }
        }
        return out.toString();
    }
}
