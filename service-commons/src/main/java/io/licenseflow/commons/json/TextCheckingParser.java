package io.licenseflow.commons.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import io.licenseflow.commons.input.StoredText;
import java.io.IOException;

/**
 * Checks every string value and field name as the parser reaches it ({@link StoredText}), so that no deserializer,
 * tree or map ever holds text we cannot store.
 */
final class TextCheckingParser extends JsonParserDelegate {

    TextCheckingParser(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = delegate.nextToken();
        if (token == JsonToken.VALUE_STRING) {
            check(delegate.getText());
        } else if (token == JsonToken.FIELD_NAME) {
            check(delegate.currentName());
        }
        return token;
    }

    /** As {@link JsonParser#nextValue()}, but through {@link #nextToken()} so that the field name is checked too. */
    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    private void check(String text) throws RejectedJsonInput {
        String problem = StoredText.firstProblem(text);
        if (problem != null) {
            throw RejectedJsonInput.invalidText(this, delegate.getParsingContext().pathAsPointer().toString(), problem);
        }
    }
}
