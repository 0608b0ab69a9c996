// Makes the import test's fixture the way a user would: opens a BPMN file in bpmn-js's
// Modeler (bpmn.io's editor) in headless Chromium, renames a task, moves a shape, and saves
// the XML exactly as bpmn.io writes it.
// Usage: node edit-in-bpmn-js.mjs IN.bpmn OUT.bpmn TASK_ID "New name" DX DY
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const [ input, output, task, name, dx, dy ] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'node_modules', 'bpmn-js', 'dist');
const page = `<!doctype html><html><head><meta charset="utf-8">
<script src="file://${dist}/bpmn-modeler.production.min.js"></script></head>
<body><div id="canvas" style="width:1200px;height:800px"></div><pre id="out"></pre><script>
(async () => {
  const modeler = new BpmnJS({ container: '#canvas' });
  await modeler.importXML(${JSON.stringify(readFileSync(input, 'utf8'))});
  const registry = modeler.get('elementRegistry');
  const modeling = modeler.get('modeling');
  const task = registry.get(${JSON.stringify(task)});
  modeling.updateLabel(task, ${JSON.stringify(name)});
  modeling.moveShape(task, { x: ${Number(dx)}, y: ${Number(dy)} });
  const { xml } = await modeler.saveXML({ format: true });
  document.getElementById('out').textContent = xml;
  document.getElementById('canvas').remove();
})().catch((e) => { document.getElementById('out').textContent = 'ERROR ' + e.message; });
</script></body></html>`;
const dir = mkdtempSync(join(tmpdir(), 'peta-bpmn-'));
try {
  writeFileSync(join(dir, 'page.html'), page);
  const dom = execFileSync(process.env.CHROMIUM || 'chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files',
    '--virtual-time-budget=5000', '--dump-dom', `file://${join(dir, 'page.html')}`
  ], { encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'ignore' ] });
  const match = dom.match(/<pre id="out">([\s\S]*?)<\/pre>/);
  const xml = match[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  if (!xml.startsWith('<?xml')) throw new Error(xml.slice(0, 200));
  writeFileSync(output, xml + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
