package dev.slipway.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** {@code publish --notes-file FILE} ({@code -}: standard input): release notes written in an editor or by CI. */
final class ReleaseNotesFile {
    private ReleaseNotesFile() {
    }

    /**
     * The text, without trailing blank lines; at most {@code maxBytes} of UTF-8 are read.
     *
     * @throws InvalidInputException if there is no such file, or it is longer than {@code maxBytes} or not UTF-8
     */
    static String read(String name, int maxBytes) throws InvalidInputException {
        String what = name.equals("-") ? "--notes-file - (standard input)" : "--notes-file " + name;
        byte[] bytes;
        try (InputStream in = name.equals("-") ? System.in : Files.newInputStream(Path.of(name))) {
            // One byte more than allowed tells "too long" without reading a huge file.
            bytes = in.readNBytes(maxBytes + 1);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("no such file: " + name);
        } catch (IOException e) {
            throw new InvalidInputException(what + " cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length > maxBytes) {
            throw new InvalidInputException(what + " holds more than " + String.format(Locale.ROOT, "%,d", maxBytes)
                    + " bytes; at most that fit in S3 metadata");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.stripTrailing();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(what + " is not UTF-8 text");
        }
    }
}
