package com.weavecrm.webform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code X-Form-Key} on the intake: it takes a lead as the form and opens nothing else; custom lead
 * fields on a form; the QR code reads back as the form's link.
 */
class FormKeyIT extends IntegrationTest {

    private static final String INTAKE = "/api/v1/leads/intake";

    @Test
    void aFormKeyTakesALeadInAsTheForm() {
        ApiClient admin = newTenant().admin();
        ApiClient.Response field = admin.post(
                "/api/v1/objects/lead/fields", ApiClient.map("apiName", "course", "label", "意向课程", "type", "text"));
        assertThat(field.status()).as(field.text()).isEqualTo(201);
        Map<String, Object> body = WebFormApiIT.springForm();
        body.put(
                "fields",
                List.of(
                        ApiClient.map("field", "name", "required", true),
                        ApiClient.map("field", "phone", "required", true),
                        ApiClient.map("field", "course")));
        JsonNode form = admin.post(WebFormApiIT.FORMS, body).json();
        String key = form.path("formKey").asString();
        ApiClient caller = anonymous();

        ApiClient.Response taken = formIntake(
                caller,
                key,
                ApiClient.map(
                        "name",
                        "赵敏",
                        "phone",
                        "13600007777",
                        "course",
                        "少儿编程",
                        "utm",
                        ApiClient.map("source", "wechat"),
                        "consent",
                        true));

        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        // CONTRACT §5's answer, to a form key as to a token
        assertThat(taken.json().path("trace").isArray()).isTrue();
        assertThat(taken.string("ownerId")).isNotBlank();
        assertThat(taken.string("customerId")).isNotBlank();
        assertThat(taken.string("message")).isEqualTo("谢谢！我们会在一个工作日内联系您。");
        JsonNode lead = admin.get("/api/v1/objects/lead/records/" + taken.string("leadId"))
                .json();
        assertThat(lead.path("course").asString()).isEqualTo("少儿编程");
        assertThat(lead.path("channel").asString()).isEqualTo("web_form");
        assertThat(lead.path("campaign").asString()).isEqualTo("春季体验课");
        assertThat(lead.path("ownerId").isNull()).isFalse();
        JsonNode received = admin.get("/api/v1/leads/" + taken.string("leadId") + "/trace")
                .json()
                .path("trace")
                .get(0);
        assertThat(received.path("form").path("id").asString())
                .isEqualTo(form.path("id").asString());
        assertThat(received.path("utm").path("source").asString()).isEqualTo("wechat");

        ApiClient.Response noConsent =
                formIntake(caller, key, ApiClient.map("name", "周芷若", "phone", "13600008888", "channel", "store"));
        assertThat(noConsent.isProblem(400)).isTrue();
        assertThat(noConsent.fieldErrors()).containsExactlyInAnyOrder("channel:unknown_field");
        assertThat(formIntake(caller, key, ApiClient.map("name", "周芷若", "phone", "13600008888"))
                        .fieldErrors())
                .containsExactly("consent:required");
        ApiClient.Response trapped = formIntake(
                caller, key, ApiClient.map("phone", "13600009999", "colour", "red", "websiteUrl", "http://x.example"));
        assertThat(trapped.status()).isEqualTo(201);
        assertThat(trapped.string("leadId")).isNotBlank();
        assertThat(admin.get("/api/v1/objects/lead/records/" + trapped.string("leadId"))
                        .isProblem(404))
                .isTrue();
        assertThat(admin.get("/api/v1/objects/lead/records").json().path("data").size())
                .isEqualTo(1);
    }

    @Test
    void aFormKeyOpensNothingButTheIntake() {
        ApiClient admin = newTenant().admin();
        JsonNode form =
                admin.post(WebFormApiIT.FORMS, WebFormApiIT.springForm()).json();
        String key = form.path("formKey").asString();
        Map<String, String> asForm = Map.of("X-Form-Key", key);
        ApiClient caller = anonymous();

        assertThat(caller.send("GET", "/api/v1/me", null, asForm).isProblem(401))
                .isTrue();
        assertThat(caller.send("GET", "/api/v1/objects/lead/records", null, asForm)
                        .isProblem(401))
                .isTrue();
        assertThat(caller.send("GET", WebFormApiIT.FORMS, null, asForm).isProblem(401))
                .isTrue();
        assertThat(caller.send("POST", "/api/v1/objects/lead/records", ApiClient.map("name", "x"), asForm)
                        .isProblem(401))
                .isTrue();
        assertThat(caller.send("POST", "/api/v1/leads/intake/", ApiClient.map("phone", "13600001111"), asForm)
                        .status())
                .isIn(401, 404);
        assertThat(caller.send("GET", "/api/v1/leads/" + form.path("id").asString() + "/trace", null, asForm)
                        .isProblem(401))
                .isTrue();
        assertThat(formIntake(caller, "AAAAAAAAAAAAAAAAAAAAAAAA", ApiClient.map("phone", "13600001111"))
                        .isProblem(401))
                .isTrue();
        assertThat(caller.send("GET", "/admin/web-forms", null, asForm).status())
                .isIn(302, 401);
        // a token and a form key: the token decides, as for any API call
        ApiClient.Response both =
                admin.send("POST", INTAKE, ApiClient.map("name", "管理员录入", "phone", "13600002222"), asForm);
        assertThat(both.status()).as(both.text()).isEqualTo(201);
        assertThat(both.json().has("trace")).isTrue();
    }

    @Test
    void theQrCodeReadsAsTheFormsLink() throws Exception {
        ApiClient admin = newTenant().admin();
        JsonNode form =
                admin.post(WebFormApiIT.FORMS, WebFormApiIT.springForm()).json();

        HttpResponse<byte[]> png = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        baseUrl() + form.path("qrCode").asString()))
                                .header("Authorization", "Bearer " + admin.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String text = new QRCodeReader()
                .decode(new BinaryBitmap(
                        new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
                .getText();
        assertThat(text)
                .isEqualTo(form.path("link").asString())
                .endsWith("/f/" + form.path("formKey").asString());
    }

    private static ApiClient.Response formIntake(ApiClient caller, String key, Map<String, Object> body) {
        return caller.send("POST", INTAKE, body, Map.of("X-Form-Key", key));
    }
}
