package io.licenseflow.commons.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;

/**
 * Request bodies are read through this factory: UTF-8 only (RFC 8259 §8.1; Jackson would otherwise detect UTF-16
 * and UTF-32 and accept a byte order mark), and every string checked by {@link TextCheckingParser}.
 */
final class StrictJsonFactory extends JsonFactory {

    StrictJsonFactory() {
        super();
    }

    private StrictJsonFactory(StrictJsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    @Override
    public JsonFactory copy() {
        return new StrictJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        PushbackInputStream input = new PushbackInputStream(in, 4);
        byte[] start = input.readNBytes(4);
        if (start.length > 0) {
            input.unread(start);
        }
        JsonParser parser = super._createParser(input, context);
        if (!isUtf8WithoutBom(start) || !(parser instanceof UTF8StreamJsonParser)) {
            throw RejectedJsonInput.notUtf8(parser);
        }
        return new TextCheckingParser(parser);
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        JsonParser parser = super._createParser(data, offset, length, context);
        byte[] start = java.util.Arrays.copyOfRange(data, offset, offset + Math.min(length, 4));
        if (!isUtf8WithoutBom(start) || !(parser instanceof UTF8StreamJsonParser)) {
            throw RejectedJsonInput.notUtf8(parser);
        }
        return new TextCheckingParser(parser);
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new TextCheckingParser(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable) throws IOException {
        return new TextCheckingParser(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new TextCheckingParser(super._createParser(input, context));
    }

    /** UTF-8 JSON starts with an ASCII character; a zero byte means UTF-16 or UTF-32, EF BB BF a byte order mark. */
    private static boolean isUtf8WithoutBom(byte[] start) {
        for (byte b : start) {
            if (b == 0) {
                return false;
            }
        }
        return !(start.length >= 3 && (start[0] & 0xff) == 0xef && (start[1] & 0xff) == 0xbb && (start[2] & 0xff) == 0xbf);
    }
}
