// Reads every .bpmn file given (files or folders) with bpmn-moddle, the metamodel reader
// behind bpmn.io, and lints it with bpmnlint using .bpmnlintrc beside this script.
// Fails (exit 1) on any moddle warning and on any lint error; lint warnings are printed.
// Usage: node validate.mjs DIR_OR_FILE...
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

const here = dirname(fileURLToPath(import.meta.url));
const config = JSON.parse(readFileSync(join(here, '.bpmnlintrc'), 'utf8'));

function bpmnFiles(path) {
  if (statSync(path).isDirectory()) {
    return readdirSync(path).sort().flatMap((name) => bpmnFiles(join(path, name)));
  }
  return path.endsWith('.bpmn') ? [ path ] : [];
}

const files = process.argv.slice(2).flatMap(bpmnFiles);
if (files.length === 0) {
  console.error('validate.mjs: no .bpmn files given');
  process.exit(2);
}

const moddle = new BpmnModdle();
let failures = 0;
let warnings = 0;
for (const file of files) {
  const xml = readFileSync(file, 'utf8');
  let parsed;
  try {
    parsed = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (error) {
    console.error(`${file}: bpmn-moddle cannot read it: ${error.message}`);
    failures++;
    continue;
  }
  for (const warning of parsed.warnings) {
    console.error(`${file}: bpmn-moddle warning: ${warning.message}`);
    failures++;
  }
  // A linter per file: bpmnlint's rules keep state between calls of one linter.
  const linter = new Linter({ config, resolver: new NodeResolver() });
  const results = await linter.lint(parsed.rootElement);
  for (const [ rule, reports ] of Object.entries(results)) {
    for (const report of reports) {
      const line = `${file}: bpmnlint ${report.category} ${rule}: ${report.id}: ${report.message}`;
      if (report.category === 'error' || report.category === 'rule-error') {
        console.error(line);
        failures++;
      } else {
        console.log(line);
        warnings++;
      }
    }
  }
}
console.log(`validate.mjs: ${files.length} files, ${failures} problems, ${warnings} lint warnings`);
process.exit(failures === 0 ? 0 : 1);
