// Usage: node compat.js <registry-url> <command> [args]
//   decode <hex>                     decode a Confluent-framed record, print it as JSON
//   encode <subject> <schema-file> <record-json>
//                                    register the schema under the subject, encode the record, print id and hex
const fs = require('fs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

async function main() {
  const [url, command, ...args] = process.argv.slice(2);
  const registry = new SchemaRegistry({ host: url });
  if (command === 'decode') {
    const decoded = await registry.decode(Buffer.from(args[0], 'hex'));
    process.stdout.write(JSON.stringify(decoded, (key, value) => (typeof value === 'bigint' ? value.toString() : value)) + '\n');
  } else if (command === 'encode') {
    const [subject, schemaFile, recordJson] = args;
    const schema = fs.readFileSync(schemaFile, 'utf8');
    const { id } = await registry.register({ type: SchemaType.AVRO, schema }, { subject });
    const encoded = await registry.encode(id, JSON.parse(recordJson));
    process.stdout.write(JSON.stringify({ id, hex: encoded.toString('hex') }) + '\n');
  } else {
    throw new Error('unknown command ' + command);
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exit(1);
});
