// Usage: node prepare.js FILE.peta PETA_BINARY (after `npm ci` here and in the folder above).
// Tokenises a .peta file with the extension's TextMate grammar and asks the real `peta lsp`
// for its diagnostics and quick fixes; writes data.js for the Monaco page.
const fs = require('fs');
const path = require('path');
const cp = require('child_process');
const { pathToFileURL } = require('url');
const ext = path.resolve(__dirname, '..');
const vsctm = require(ext + '/node_modules/vscode-textmate');
const oniguruma = require(ext + '/node_modules/vscode-oniguruma');
const file = process.argv[2];
const peta = process.argv[3];
const text = fs.readFileSync(file, 'utf8');

async function tokens() {
  const wasm = fs.readFileSync(ext + '/node_modules/vscode-oniguruma/release/onig.wasm').buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(ext + '/syntaxes/peta.tmLanguage.json', 'utf8'), 'peta.tmLanguage.json'),
  });
  const grammar = await registry.loadGrammar('source.peta');
  let stack = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({ startIndex: t.startIndex, scopes: t.scopes[t.scopes.length - 1] }));
  });
}

function lsp() {
  return new Promise((resolve) => {
    const child = cp.spawn(peta, ['lsp']);
    let buffer = Buffer.alloc(0);
    let id = 1;
    const waiting = new Map();
    const uri = pathToFileURL(file).href;
    const send = (m) => { const b = Buffer.from(JSON.stringify(m)); child.stdin.write(`Content-Length: ${b.length}\r\n\r\n`); child.stdin.write(b); };
    const request = (method, params) => new Promise((res) => { const i = id++; waiting.set(i, res); send({ jsonrpc: '2.0', id: i, method, params }); });
    let done = false;
    child.stdout.on('data', async (d) => {
      buffer = Buffer.concat([buffer, d]);
      for (;;) {
        const h = buffer.indexOf('\r\n\r\n'); if (h < 0) return;
        const n = Number(/Content-Length: (\d+)/.exec(buffer.subarray(0, h).toString())[1]);
        if (buffer.length < h + 4 + n) return;
        const m = JSON.parse(buffer.subarray(h + 4, h + 4 + n).toString()); buffer = buffer.subarray(h + 4 + n);
        if (m.id && waiting.has(m.id)) { waiting.get(m.id)(m.result); waiting.delete(m.id); }
        if (m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.diagnostics.length && !done) {
          done = true;
          const diagnostics = m.params.diagnostics;
          const actions = await request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
          child.kill();
          resolve({ diagnostics, actions });
        }
      }
    });
    request('initialize', { processId: null, capabilities: {} }).then(() => {
      send({ jsonrpc: '2.0', method: 'initialized', params: {} });
      send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'peta', version: 1, text } } });
    });
  });
}

(async () => {
  const data = { name: path.basename(file), text, tokens: await tokens(), ...(await lsp()) };
  fs.writeFileSync(path.join(__dirname, 'data.js'), 'window.PETA = ' + JSON.stringify(data) + ';\n');
  console.log(JSON.stringify(data.diagnostics), JSON.stringify(data.actions).slice(0, 300));
})();
