// Runs the graphql-http audit suite (GraphQL over HTTP conformance) against the URL in
// argv[2] and prints one JSON array of {id, name, status, reason} to stdout. The Go test
// TestGraphQLOverHTTPAudit starts the server, runs this and judges the results.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://127.0.0.1:PORT/graphql');
  process.exit(2);
}
const results = await auditServer({ url });
console.log(JSON.stringify(results.map((r) => ({
  id: r.id,
  name: r.name,
  status: r.status,
  reason: r.reason ?? '',
}))));
