// The script of mcp-csp.html: connects to a real MCP server, validates and calls tools, all
// under the page's strict policy; the test reads the outcome and any violation.
import './zod-jitless.js';
import { runToolCall } from '../../src/agents/run-tool-call.js';
import { ToolRegistry, type ToolCallResult } from '../../src/index.js';
import { McpServerConnection } from '../../src/mcp/index.js';

interface McpCspPageWindow {
  cspViolations: string[];
  pageReady: boolean;
  results?: ToolCallResult[];
  failure?: string;
}

const page = window as unknown as McpCspPageWindow;
page.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) =>
  page.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`),
);

async function run(): Promise<void> {
  const url = new URLSearchParams(location.search).get('mcp') ?? '';
  const toolRegistry = new ToolRegistry();
  const connection = await McpServerConnection.connect(
    { name: 'csp', url, requiresApproval: false },
    { toolRegistry },
  );
  const signal = new AbortController().signal;
  const calls = [
    { name: 'csp__echo', args: { text: 'safe' } },
    { name: 'csp__echo', args: { text: 1 } }, // fails the JSON Schema: the validator ran
    { name: 'csp__structured', args: { city: 'Bern' } }, // the SDK checks the output schema
  ];
  page.results = [];
  for (const [index, call] of calls.entries())
    page.results.push(
      await runToolCall(
        { id: `call_${index}`, index, name: call.name, argumentsText: JSON.stringify(call.args) },
        toolRegistry,
        undefined,
        signal,
      ),
    );
  await connection.close();
}

run()
  .catch((error: unknown) => {
    page.failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  })
  .finally(() => {
    page.pageReady = true;
  });
