package com.mspimporter.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.UnmappableCharacterException;

/**
 * Decodes bytes into characters and raises a {@link CharacterCodingException} on the first byte
 * sequence that is invalid in the charset, instead of replacing it.
 *
 * <p>{@link java.io.InputStreamReader} discards the characters that it decoded in the same call as
 * the bad bytes (seen with JDK 17), so a line counter stops short of the bad line. This reader
 * returns every character before the bad bytes first and raises the exception on the next call.
 */
final class StrictDecodingReader extends Reader {

    private static final int BUFFER_SIZE = 8192;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private boolean endOfInput;
    private boolean flushed;
    private CharacterCodingException pendingError;

    StrictDecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (pendingError != null) {
            throw pendingError;
        }
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            if (flushed) {
                return decodedOrEnd(out, offset);
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                pendingError = result.isMalformed()
                        ? new MalformedInputException(result.length())
                        : new UnmappableCharacterException(result.length());
                if (out.position() > offset) {
                    return out.position() - offset;
                }
                throw pendingError;
            }
            if (result.isOverflow()) {
                return out.position() - offset;
            }
            if (endOfInput) {
                if (decoder.flush(out).isOverflow()) {
                    return out.position() - offset;
                }
                flushed = true;
                continue;
            }
            if (out.position() > offset) {
                return out.position() - offset;
            }
            fillBytes();
        }
    }

    private static int decodedOrEnd(CharBuffer out, int offset) {
        int count = out.position() - offset;
        return count > 0 ? count : -1;
    }

    private void fillBytes() throws IOException {
        bytes.compact();
        int count = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (count < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + count);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
