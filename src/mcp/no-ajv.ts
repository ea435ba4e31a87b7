// Stands in for the MCP SDK's Ajv validator module in every build of ours (vite, the size check,
// the test runner): Ajv compiles schemas with `new Function`, which a strict CSP refuses, and
// weighs about 30 KB gzip. The client is always given the cfworker validator, so this never runs.

/** Never constructed: `McpServerConnection` passes `CfWorkerJsonSchemaValidator`. */
export class AjvJsonSchemaValidator {
  constructor() {
    throw new Error('tool-agents/mcp ships without Ajv: pass a CSP-safe jsonSchemaValidator.');
  }
}
