// Draws a BPMN file with bpmn-js (bpmn.io's own viewer) in headless Chromium and saves a PNG:
// the picture a user sees on opening peta's export in bpmn.io or Camunda Modeler.
// Usage: node screenshot.mjs FILE.bpmn OUT.png [WIDTH HEIGHT]
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const [ file, out, width = '1600', height = '900' ] = process.argv.slice(2);
if (!file || !out) {
  console.error('usage: node screenshot.mjs FILE.bpmn OUT.png [WIDTH HEIGHT]');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'node_modules', 'bpmn-js', 'dist');
const xml = readFileSync(file, 'utf8');
const page = `<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://${dist}/assets/diagram-js.css">
<link rel="stylesheet" href="file://${dist}/assets/bpmn-js.css">
<style>html, body, #canvas { margin: 0; width: 100%; height: 100%; background: white; }</style>
<script src="file://${dist}/bpmn-viewer.production.min.js"></script>
</head><body><div id="canvas"></div>
<script>
const viewer = new BpmnJS({ container: '#canvas' });
viewer.importXML(${JSON.stringify(xml)}).then(({ warnings }) => {
  if (warnings.length) document.title = 'warnings: ' + warnings.length;
  viewer.get('canvas').zoom('fit-viewport');
}).catch((err) => { document.body.textContent = 'bpmn-js: ' + err.message; });
</script></body></html>`;
const dir = mkdtempSync(join(tmpdir(), 'peta-bpmn-'));
try {
  const html = join(dir, 'page.html');
  writeFileSync(html, page);
  const chromium = process.env.CHROMIUM || 'chromium';
  execFileSync(chromium, [
    '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
    '--allow-file-access-from-files', '--virtual-time-budget=5000',
    `--window-size=${width},${height}`, `--screenshot=${resolve(out)}`, `file://${html}`
  ], { stdio: [ 'ignore', 'ignore', 'inherit' ] });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
