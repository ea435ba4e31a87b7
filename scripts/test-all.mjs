// Runs every test suite (web-test-runner in Chromium, then the built demo end to end) even when
// one fails, and ends with one line "N passed, N failed" over all of them.
import { spawn } from 'node:child_process';

const suites = [
  { name: 'browser tests (web-test-runner)', command: 'npx', args: ['wtr'] },
  {
    name: 'demo end to end (playwright-core)',
    command: 'npm',
    args: ['run', '--silent', 'test:e2e'],
  },
];

function run({ command, args }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (data) => {
      process.stdout.write(data);
      output += data.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

let passed = 0;
let failed = 0;
for (const suite of suites) {
  console.log(`\n=== ${suite.name}`);
  const { code, output } = await run(suite);
  // The last "N passed, N failed" a suite prints is its total.
  const counts = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  const suitePassed = counts ? Number(counts[1]) : 0;
  let suiteFailed = counts ? Number(counts[2]) : 0;
  if (code !== 0 && suiteFailed === 0) suiteFailed = 1;
  console.log(`=== ${suite.name}: ${suitePassed} passed, ${suiteFailed} failed`);
  passed += suitePassed;
  failed += suiteFailed;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
