// Runs the unit tests (the files `npm run test:unit` names) in one Node.js process, one file after
// the other: the test command of mutation testing (stryker.config.json), where loading
// @polkadot/types and the WebAssembly module once per file would cost more than the tests.
// The exit code is 1 when a test fails, as with `node --test`.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const { scripts } = JSON.parse(readFileSync('package.json', 'utf8'));
const files = scripts['test:unit'].split(/\s+/).filter((word) => word.endsWith('.test.js'));
if (files.length === 0) throw new Error('package.json: test:unit names no test files');
for (const file of files) await import(pathToFileURL(resolve(file)).href);
