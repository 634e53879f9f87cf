package io.resetflow.embedded.registry;

/** Avro schemas for the registry tests: one record evolving in compatible and incompatible ways. */
final class TestSchemas {

    /** The first version: a mailbox id. */
    static final String ACCOUNT_V1 = """
            {"type":"record","name":"Account","namespace":"io.resetflow.test",
             "fields":[{"name":"mailboxId","type":"string"}]}""";

    /** ACCOUNT_V1 written differently: same schema. */
    static final String ACCOUNT_V1_REFORMATTED = """
            {
              "namespace" : "io.resetflow.test",
              "name" : "Account",
              "type" : "record",
              "fields" : [ { "type" : "string", "name" : "mailboxId" } ]
            }""";

    /** Adds a field with a default: readable both ways. */
    static final String ACCOUNT_V2_WITH_DEFAULT = """
            {"type":"record","name":"Account","namespace":"io.resetflow.test",
             "fields":[{"name":"mailboxId","type":"string"},
                       {"name":"tenant","type":"string","default":"stnet"}]}""";

    /** Adds a field without a default: cannot read data written with V1. */
    static final String ACCOUNT_WITH_REQUIRED_EMAIL = """
            {"type":"record","name":"Account","namespace":"io.resetflow.test",
             "fields":[{"name":"mailboxId","type":"string"},
                       {"name":"email","type":"string"}]}""";

    /** V2 whose new field lost its default: reads V2 data, not V1 data. */
    static final String ACCOUNT_V3_TENANT_REQUIRED = """
            {"type":"record","name":"Account","namespace":"io.resetflow.test",
             "fields":[{"name":"mailboxId","type":"string"},
                       {"name":"tenant","type":"string"}]}""";

    static final String PROGRESS = """
            {"type":"record","name":"Progress","namespace":"io.resetflow.test",
             "fields":[{"name":"tenant","type":"string"},{"name":"remediated","type":"long"}]}""";

    private TestSchemas() {
    }
}
