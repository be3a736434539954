package io.licenseflow.testing;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the service's Prometheus endpoint (/q/metrics) under test. */
public final class TestMetrics {

    private TestMetrics() {
    }

    /** Sum of the samples of {@code metric} whose labels contain every {@code label="value"} given. */
    public static double value(String metric, String... labels) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "(?:\\{([^}]*)})?\\s+(\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(body);
        double sum = 0;
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
