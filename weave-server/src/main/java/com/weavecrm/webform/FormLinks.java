package com.weavecrm.webform;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A form's shareable link and its QR code. The link starts with {@code WEAVE_PUBLIC_URL} when it is set
 * (behind a reverse proxy the server cannot know its public address), else with the address the admin
 * reached the server at. The QR code is a PNG (ZXing), error correction M, with a quiet zone.
 */
@Component
public class FormLinks {

    private static final int QR_SIZE = 320;

    private final String publicUrl;

    FormLinks(@Value("${weave.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
    }

    /** The form's public address; {@code requestBase} is the server as the caller reached it. */
    public String link(WebForm form, String requestBase) {
        String base = publicUrl.isEmpty() ? requestBase.replaceAll("/+$", "") : publicUrl;
        return base + form.path();
    }

    public byte[] qrPng(String link) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            link,
                            BarcodeFormat.QR_CODE,
                            QR_SIZE,
                            QR_SIZE,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8",
                                    EncodeHintType.MARGIN,
                                    2));
            BufferedImage image =
                    new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode a QR code for " + link, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
