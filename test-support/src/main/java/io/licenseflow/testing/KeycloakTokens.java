package io.licenseflow.testing;

import static io.restassured.RestAssured.given;

/** Real access tokens from the test stack's Keycloak (realm deploy/keycloak/licenseflow-realm.json). */
public final class KeycloakTokens {

    private KeycloakTokens() {
    }

    /** A product backend's token: client credentials of licenseflow-backend (realm role operator). */
    public static String backend() {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "licenseflow-backend")
                .formParam("client_secret", "licenseflow-backend-secret")
                .post(tokenUrl()).then().statusCode(200).extract().path("access_token");
    }

    /** A demo user's token through the portal client (password grant, for tests only). */
    public static String user(String username, String password) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "licenseflow-portal")
                .formParam("username", username)
                .formParam("password", password)
                .post(tokenUrl()).then().statusCode(200).extract().path("access_token");
    }

    private static String tokenUrl() {
        return ServiceProcess.keycloakRealmUrl() + "/protocol/openid-connect/token";
    }
}
