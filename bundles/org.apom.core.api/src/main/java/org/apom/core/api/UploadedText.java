package org.apom.core.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apom.core.api.problem.ProblemException;

/**
 * Reads the bytes of a file as provinces send them: UTF-8 with or without a byte-order mark, UTF-16 with one
 * (Excel's "Unicode text"), or TIS-620 / windows-874 from older Thai software. The decoders are strict, so a
 * byte that means nothing in the detected encoding refuses the file instead of becoming a wrong letter, and a
 * file whose Thai was already mis-decoded once (UTF-8 read as windows-874 and saved again) is refused too.
 *
 * @param text the file's text
 * @param encoding the encoding it was read in: {@code UTF-8}, {@code UTF-16} or {@code windows-874}
 * @since 1.2
 */
public record UploadedText(String text, String encoding) {

    public static final String UTF_8 = "UTF-8";
    public static final String WINDOWS_874 = "windows-874";

    /**
     * UTF-8 Thai read as windows-874 turns every letter into เ + ธ/น + one more character: three such triples
     * in a row do not occur in Thai text.
     */
    private static final Pattern MIS_DECODED = Pattern.compile("(?:เ[ธน][\\u0E01-\\u0E5B\\u0080-\\u00BF\\u2013-\\u2026\\u20AC\\uFFFD]){3}");
    private static final Charset WINDOWS_874_CHARSET = Charset.forName("x-windows-874");

    /**
     * The file's text.
     *
     * @throws ProblemException 422 {@code unknown-encoding} or {@code mis-encoded} (with the line)
     */
    public static UploadedText decode(byte[] bytes) {
        UploadedText decoded = detect(bytes);
        Matcher m = MIS_DECODED.matcher(decoded.text());
        if (m.find()) {
            int line = (int) decoded.text().substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            throw unreadable("mis-encoded", LocalizedText.of(
                    "Line " + line + " holds Thai that was already decoded wrongly once (UTF-8 read as TIS-620, "
                            + "such as \"เธชเธก\"); export the file again from the original.",
                    "บรรทัด " + line + " มีอักษรไทยที่ถูกแปลงรหัสผิดมาก่อนแล้ว (เช่น \"เธชเธก\") "
                            + "กรุณาส่งออกแฟ้มใหม่จากต้นฉบับ"));
        }
        return decoded;
    }

    private static UploadedText detect(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new UploadedText(strict(bytes, 3, StandardCharsets.UTF_8, "UTF-8"), UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            String text = strict(bytes, 0, StandardCharsets.UTF_16, "UTF-16");
            return new UploadedText(text, "UTF-16");
        }
        try {
            return new UploadedText(decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString(), UTF_8);
        } catch (CharacterCodingException notUtf8) {
            try {
                return new UploadedText(decoder(WINDOWS_874_CHARSET).decode(ByteBuffer.wrap(bytes)).toString(),
                        WINDOWS_874);
            } catch (CharacterCodingException neither) {
                throw unreadable("unknown-encoding", LocalizedText.of(
                        "The file is neither UTF-8 nor TIS-620/windows-874; save it as CSV UTF-8.",
                        "แฟ้มไม่ได้เข้ารหัสเป็น UTF-8 หรือ TIS-620/windows-874 กรุณาบันทึกเป็น CSV UTF-8"));
            }
        }
    }

    private static String strict(byte[] bytes, int offset, Charset charset, String name) {
        try {
            CharBuffer chars = decoder(charset).decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw unreadable("unknown-encoding", LocalizedText.of(
                    "The file says it is " + name + " but holds bytes that are not; save it again as CSV UTF-8.",
                    "แฟ้มระบุว่าเป็น " + name + " แต่มีข้อมูลที่ไม่ใช่ กรุณาบันทึกใหม่เป็น CSV UTF-8"));
        }
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The answer to a file that cannot be read: 422 with the code. */
    public static ProblemException unreadable(String code, LocalizedText detail) {
        return new ProblemException(422, code, detail, java.util.List.of());
    }
}
