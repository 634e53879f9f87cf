package io.resetflow.embedded.registry;

import static io.resetflow.embedded.registry.RegistryHttp.schemaBody;
import static io.resetflow.embedded.registry.TestSchemas.ACCOUNT_V1;
import static io.resetflow.embedded.registry.TestSchemas.ACCOUNT_V1_REFORMATTED;
import static io.resetflow.embedded.registry.TestSchemas.ACCOUNT_V2_WITH_DEFAULT;
import static io.resetflow.embedded.registry.TestSchemas.ACCOUNT_V3_TENANT_REQUIRED;
import static io.resetflow.embedded.registry.TestSchemas.ACCOUNT_WITH_REQUIRED_EMAIL;
import static io.resetflow.embedded.registry.TestSchemas.PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.RegistryHttp.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EmbeddedSchemaRegistryTest {

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;
    private static RegistryHttp http;

    @BeforeAll
    static void startBrokerAndRegistry() {
        broker = EmbeddedKafkaBroker.builder().build().start();
        registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start();
        http = new RegistryHttp(registry.url());
    }

    @AfterAll
    static void stopRegistryAndBroker() {
        registry.close();
        broker.close();
    }

    @Test
    void servesOnLoopback() {
        assertThat(registry.url()).isEqualTo("http://127.0.0.1:" + registry.port());
    }

    @Nested
    class Registration {

        @Test
        void answersWithTheIdInTheRegistryContentType() throws Exception {
            Response response = http.post("/subjects/registration-value/versions", schemaBody(ACCOUNT_V1));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).isEqualTo(RegistryHttp.CONTENT_TYPE);
            assertThat(response.json().get("id").asInt()).isPositive();
        }

        @Test
        void acceptsPlainJsonRequests() throws Exception {
            Response response = http.postJson("/subjects/plain-json-value/versions", schemaBody(ACCOUNT_V1));

            assertThat(response.status()).isEqualTo(200);
        }

        @Test
        void returnsTheExistingIdForTheSameSchemaHoweverItIsWritten() throws Exception {
            int first = http.register("same-schema-value", ACCOUNT_V1);
            int again = http.register("same-schema-value", ACCOUNT_V1_REFORMATTED);

            assertThat(again).isEqualTo(first);
            assertThat(http.get("/subjects/same-schema-value/versions").json().toString()).isEqualTo("[1]");
        }

        @Test
        void givesTheSameSchemaTheSameGlobalIdUnderAnotherSubject() throws Exception {
            int underStnet = http.register("isp.stnet.progress-value", PROGRESS);
            int underJcom = http.register("isp.jcom.progress-value", PROGRESS);

            assertThat(underJcom).isEqualTo(underStnet);
        }

        @Test
        void givesANewSchemaANewIdAndTheNextVersion() throws Exception {
            int v1 = http.register("evolving-value", ACCOUNT_V1);
            int v2 = http.register("evolving-value", ACCOUNT_V2_WITH_DEFAULT);

            assertThat(v2).isNotEqualTo(v1);
            assertThat(http.get("/subjects/evolving-value/versions/2").json().get("id").asInt()).isEqualTo(v2);
        }

        @Test
        void rejectsAFieldWithoutDefaultUnderBackwardWith409() throws Exception {
            http.register("backward-value", ACCOUNT_V1);

            Response response = http.post("/subjects/backward-value/versions", schemaBody(ACCOUNT_WITH_REQUIRED_EMAIL));

            assertThat(response.status()).isEqualTo(409);
            assertThat(response.errorCode()).isEqualTo(409);
            assertThat(response.json().get("message").asText()).contains("incompatible").contains("email");
            assertThat(http.get("/subjects/backward-value/versions").json().size()).isEqualTo(1);
        }

        @Test
        void rejectsAnInvalidSchemaWith42201() throws Exception {
            Response response = http.post("/subjects/invalid-value/versions",
                    schemaBody("{\"type\":\"record\",\"name\":\"Broken\",\"fields\":[{\"name\":\"x\"}]}"));

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.errorCode()).isEqualTo(42201);
            assertThat(http.get("/subjects/invalid-value/versions").errorCode()).isEqualTo(40401);
        }

        @Test
        void rejectsSchemaTypesOtherThanAvroWith42201() throws Exception {
            Response response = http.post("/subjects/protobuf-value/versions",
                    "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.errorCode()).isEqualTo(42201);
        }

        @Test
        void rejectsABodyWithoutSchemaWith42201() throws Exception {
            Response response = http.post("/subjects/no-schema-value/versions", "{\"schemaType\":\"AVRO\"}");

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.errorCode()).isEqualTo(42201);
        }

        @Test
        void rejectsMalformedJsonWith400() throws Exception {
            Response response = http.post("/subjects/malformed-value/versions", "{\"schema\": ");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo(400);
        }

        @Test
        void decodesSubjectNamesFromThePath() throws Exception {
            http.register("tenant%20accounts%2Fv1-value", ACCOUNT_V1);

            assertThat(http.get("/subjects").json()).extracting(node -> node.asText())
                    .contains("tenant accounts/v1-value");
            assertThat(http.get("/subjects/tenant%20accounts%2Fv1-value/versions/latest").json()
                    .get("subject").asText()).isEqualTo("tenant accounts/v1-value");
        }
    }

    @Nested
    class Lookup {

        @Test
        void findsTheRegisteredVersionOfASchema() throws Exception {
            int id = http.register("lookup-value", ACCOUNT_V1);
            http.register("lookup-value", ACCOUNT_V2_WITH_DEFAULT);

            Response response = http.post("/subjects/lookup-value", schemaBody(ACCOUNT_V1_REFORMATTED));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("subject").asText()).isEqualTo("lookup-value");
            assertThat(response.json().get("id").asInt()).isEqualTo(id);
            assertThat(response.json().get("version").asInt()).isEqualTo(1);
            assertThat(new Schema.Parser().parse(response.json().get("schema").asText()))
                    .isEqualTo(new Schema.Parser().parse(ACCOUNT_V1));
        }

        @Test
        void answers40401ForAnUnknownSubject() throws Exception {
            Response response = http.post("/subjects/never-registered-value", schemaBody(ACCOUNT_V1));

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo(40401);
        }

        @Test
        void answers40403ForASchemaNotUnderTheSubject() throws Exception {
            http.register("lookup-other-value", ACCOUNT_V1);

            Response response = http.post("/subjects/lookup-other-value", schemaBody(PROGRESS));

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo(40403);
        }

        @Test
        void servesASchemaByItsGlobalId() throws Exception {
            int id = http.register("by-id-value", PROGRESS);

            Response response = http.get("/schemas/ids/" + id);

            assertThat(response.status()).isEqualTo(200);
            assertThat(new Schema.Parser().parse(response.json().get("schema").asText()))
                    .isEqualTo(new Schema.Parser().parse(PROGRESS));
        }

        @Test
        void answers40403ForAnUnknownId() throws Exception {
            Response response = http.get("/schemas/ids/999999");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo(40403);
        }

        @Test
        void listsSubjectsAndTheirVersions() throws Exception {
            http.register("listed-value", ACCOUNT_V1);
            http.register("listed-value", ACCOUNT_V2_WITH_DEFAULT);

            assertThat(http.get("/subjects").json()).extracting(node -> node.asText()).contains("listed-value");
            assertThat(http.get("/subjects/listed-value/versions").json().toString()).isEqualTo("[1,2]");
        }

        @Test
        void answers40401ForTheVersionsOfAnUnknownSubject() throws Exception {
            Response response = http.get("/subjects/unknown-value/versions");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo(40401);
        }

        @Test
        void servesAVersionByNumberAndTheLatest() throws Exception {
            int v1 = http.register("versions-value", ACCOUNT_V1);
            int v2 = http.register("versions-value", ACCOUNT_V2_WITH_DEFAULT);

            Response first = http.get("/subjects/versions-value/versions/1");
            Response latest = http.get("/subjects/versions-value/versions/latest");

            assertThat(first.json().get("id").asInt()).isEqualTo(v1);
            assertThat(first.json().get("version").asInt()).isEqualTo(1);
            assertThat(latest.json().get("id").asInt()).isEqualTo(v2);
            assertThat(latest.json().get("version").asInt()).isEqualTo(2);
            assertThat(latest.json().get("subject").asText()).isEqualTo("versions-value");
            assertThat(new Schema.Parser().parse(latest.json().get("schema").asText()))
                    .isEqualTo(new Schema.Parser().parse(ACCOUNT_V2_WITH_DEFAULT));
        }

        @Test
        void servesTheRawSchemaOfAVersion() throws Exception {
            http.register("raw-value", PROGRESS);

            Response response = http.get("/subjects/raw-value/versions/1/schema");

            assertThat(new Schema.Parser().parse(response.body())).isEqualTo(new Schema.Parser().parse(PROGRESS));
        }

        @Test
        void answers40401And40402ForUnknownSubjectOrVersion() throws Exception {
            http.register("some-versions-value", ACCOUNT_V1);

            assertThat(http.get("/subjects/no-such-value/versions/1").errorCode()).isEqualTo(40401);
            Response missingVersion = http.get("/subjects/some-versions-value/versions/7");
            assertThat(missingVersion.status()).isEqualTo(404);
            assertThat(missingVersion.errorCode()).isEqualTo(40402);
        }

        @Test
        void answers42202ForAVersionThatIsNotOne() throws Exception {
            http.register("bad-version-value", ACCOUNT_V1);

            Response response = http.get("/subjects/bad-version-value/versions/first");

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.errorCode()).isEqualTo(42202);
        }
    }

    @Nested
    class CompatibilityChecks {

        @Test
        void saysACompatibleSchemaIsCompatibleWithTheLatest() throws Exception {
            http.register("check-value", ACCOUNT_V1);

            Response response = http.post("/compatibility/subjects/check-value/versions/latest",
                    schemaBody(ACCOUNT_V2_WITH_DEFAULT));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("is_compatible").asBoolean()).isTrue();
        }

        @Test
        void saysAnIncompatibleSchemaIsNotWithoutRegisteringIt() throws Exception {
            http.register("check-incompatible-value", ACCOUNT_V1);

            Response response = http.post("/compatibility/subjects/check-incompatible-value/versions/latest?verbose=true",
                    schemaBody(ACCOUNT_WITH_REQUIRED_EMAIL));

            assertThat(response.json().get("is_compatible").asBoolean()).isFalse();
            assertThat(response.json().get("messages").toString()).contains("email");
            assertThat(http.get("/subjects/check-incompatible-value/versions").json().size()).isEqualTo(1);
        }

        @Test
        void checksAgainstASpecificVersion() throws Exception {
            http.register("check-version-value", ACCOUNT_V1);
            http.register("check-version-value", ACCOUNT_V2_WITH_DEFAULT);

            assertThat(http.post("/compatibility/subjects/check-version-value/versions/2",
                    schemaBody(ACCOUNT_V3_TENANT_REQUIRED)).json().get("is_compatible").asBoolean()).isTrue();
            assertThat(http.post("/compatibility/subjects/check-version-value/versions/1",
                    schemaBody(ACCOUNT_V3_TENANT_REQUIRED)).json().get("is_compatible").asBoolean()).isFalse();
        }

        @Test
        void answers40401ForAnUnknownSubjectAnd40402ForAnUnknownVersion() throws Exception {
            http.register("check-known-value", ACCOUNT_V1);

            Response unknownSubject = http.post("/compatibility/subjects/check-unknown-value/versions/latest",
                    schemaBody(ACCOUNT_V1));
            Response unknownVersion = http.post("/compatibility/subjects/check-known-value/versions/3",
                    schemaBody(ACCOUNT_V1));

            assertThat(unknownSubject.status()).isEqualTo(404);
            assertThat(unknownSubject.errorCode()).isEqualTo(40401);
            assertThat(unknownVersion.status()).isEqualTo(404);
            assertThat(unknownVersion.errorCode()).isEqualTo(40402);
        }
    }

    @Nested
    class Config {

        @Test
        void defaultsToBackwardGlobally() throws Exception {
            Response response = http.get("/config");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        }

        @Test
        void givesASubjectWithoutItsOwnLevelTheGlobalOne() throws Exception {
            assertThat(http.get("/config/unconfigured-value").json().get("compatibilityLevel").asText())
                    .isEqualTo("BACKWARD");
        }

        @Test
        void setsASubjectLevelThatThenGovernsRegistration() throws Exception {
            http.register("relaxed-value", ACCOUNT_V1);

            Response put = http.put("/config/relaxed-value", "{\"compatibility\":\"NONE\"}");

            assertThat(put.status()).isEqualTo(200);
            assertThat(put.json().get("compatibility").asText()).isEqualTo("NONE");
            assertThat(http.get("/config/relaxed-value").json().get("compatibilityLevel").asText()).isEqualTo("NONE");
            assertThat(http.post("/subjects/relaxed-value/versions", schemaBody(ACCOUNT_WITH_REQUIRED_EMAIL)).status())
                    .isEqualTo(200);
            assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        }

        @Test
        void checksEveryEarlierVersionUnderATransitiveLevel() throws Exception {
            http.put("/config/transitive-value", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
            http.register("transitive-value", ACCOUNT_V1);
            http.register("transitive-value", ACCOUNT_V2_WITH_DEFAULT);

            Response transitive = http.post("/subjects/transitive-value/versions", schemaBody(ACCOUNT_V3_TENANT_REQUIRED));
            http.put("/config/transitive-value", "{\"compatibility\":\"BACKWARD\"}");
            Response latestOnly = http.post("/subjects/transitive-value/versions", schemaBody(ACCOUNT_V3_TENANT_REQUIRED));

            assertThat(transitive.status()).isEqualTo(409);
            assertThat(latestOnly.status()).isEqualTo(200);
        }

        @Test
        void checksBothWaysUnderFull() throws Exception {
            http.put("/config/full-value", "{\"compatibility\":\"FULL\"}");
            http.register("full-value", ACCOUNT_V2_WITH_DEFAULT);

            // Dropping the defaulted field: new readers are fine, but the old reader would need the field's default
            // to read new data, and it has one: compatible both ways.
            assertThat(http.post("/subjects/full-value/versions", schemaBody(ACCOUNT_V1)).status()).isEqualTo(200);
            // A field without default: new readers cannot read old data.
            assertThat(http.post("/subjects/full-value/versions", schemaBody(ACCOUNT_WITH_REQUIRED_EMAIL)).status())
                    .isEqualTo(409);
        }

        @Test
        void checksOnlyOldReadersUnderForward() throws Exception {
            http.put("/config/forward-value", "{\"compatibility\":\"FORWARD\"}");
            http.register("forward-value", ACCOUNT_V1);

            // Old readers ignore the new field: forward compatible although not backward.
            assertThat(http.post("/subjects/forward-value/versions", schemaBody(ACCOUNT_WITH_REQUIRED_EMAIL)).status())
                    .isEqualTo(200);
        }

        @Test
        void rejectsAnUnknownLevelWith42203() throws Exception {
            Response response = http.put("/config/strict-value", "{\"compatibility\":\"STRICTEST\"}");

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.errorCode()).isEqualTo(42203);
        }
    }

    @Nested
    class Routing {

        @Test
        void answers404WithErrorCodeForAnUnknownPath() throws Exception {
            Response response = http.get("/no/such/path");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo(404);
        }

        @Test
        void answers405ForAnUnsupportedMethod() throws Exception {
            Response response = http.delete("/subjects");

            assertThat(response.status()).isEqualTo(405);
            assertThat(response.errorCode()).isEqualTo(405);
        }

        @Test
        void answersConcurrentRegistrationsOfOneSchemaWithOneId() throws Exception {
            List<Thread> threads = new ArrayList<>();
            List<Integer> ids = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 8; i++) {
                Thread thread = new Thread(() -> {
                    try {
                        ids.add(http.register("concurrent-value", ACCOUNT_V2_WITH_DEFAULT));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join(30_000);
            }

            assertThat(ids).hasSize(8).containsOnly(ids.get(0));
            assertThat(http.get("/subjects/concurrent-value/versions").json().toString()).isEqualTo("[1]");
        }
    }
}
