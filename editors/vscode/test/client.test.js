// The extension's client against the real `peta lsp`, with a stand-in for the `vscode` module
// (VS Code itself is not needed): activation starts the server, an opened document gets its
// diagnostics, and the registered providers answer through the server.
//
// The peta binary is PETA_BIN, or the debug build of this repository.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Module = require('node:module');
const { pathToFileURL } = require('node:url');

const repo = path.resolve(__dirname, '../../..');
const petaBin = process.env.PETA_BIN || path.join(repo, 'target', 'debug', 'peta');

// --- a stand-in for the parts of the vscode API the extension uses ---

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
}
class Range {
  constructor(start, end) {
    this.start = start;
    this.end = end;
  }
}
class Uri {
  constructor(text) {
    this.text = text;
    this.scheme = text.split(':')[0];
  }
  static parse(text) {
    return new Uri(text);
  }
  toString() {
    return this.text;
  }
}
class EventEmitter {
  constructor() {
    this.listeners = [];
    this.event = (listener) => {
      this.listeners.push(listener);
      return { dispose() {} };
    };
  }
  fire(value) {
    for (const listener of this.listeners) listener(value);
  }
}

const providers = {};
const diagnostics = new Map();
const onOpen = new EventEmitter();
const onChange = new EventEmitter();
const onSave = new EventEmitter();
const onClose = new EventEmitter();
const errors = [];
const logged = [];

function register(name) {
  return (...args) => {
    providers[name] = args.find((a) => a && typeof a === 'object' && !Array.isArray(a));
    return { dispose() {} };
  };
}

const vscode = {
  Position,
  Range,
  Uri,
  Location: class {
    constructor(uri, range) {
      this.uri = uri;
      this.range = range;
    }
  },
  Diagnostic: class {
    constructor(range, message, severity) {
      Object.assign(this, { range, message, severity });
    }
  },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  DiagnosticRelatedInformation: class {
    constructor(location, message) {
      Object.assign(this, { location, message });
    }
  },
  Hover: class {
    constructor(contents, range) {
      Object.assign(this, { contents, range });
    }
  },
  MarkdownString: class {
    constructor(value) {
      this.value = value;
    }
  },
  CompletionItem: class {
    constructor(label, kind) {
      Object.assign(this, { label, kind });
    }
  },
  TextEdit: class {
    constructor(range, newText) {
      Object.assign(this, { range, newText });
    }
  },
  WorkspaceEdit: class {
    constructor() {
      this.edits = [];
    }
    replace(uri, range, newText) {
      this.edits.push({ uri: uri.toString(), range, newText });
    }
  },
  CodeAction: class {
    constructor(title, kind) {
      Object.assign(this, { title, kind });
    }
  },
  CodeActionKind: { QuickFix: 'quickfix' },
  DocumentSymbol: class {
    constructor(name, detail, kind, range, selectionRange) {
      Object.assign(this, { name, detail, kind, range, selectionRange, children: [] });
    }
  },
  SymbolInformation: class {
    constructor(name, kind, containerName, location) {
      Object.assign(this, { name, kind, containerName, location });
    }
  },
  FoldingRange: class {
    constructor(start, end) {
      Object.assign(this, { start, end });
    }
  },
  languages: {
    createDiagnosticCollection: () => ({
      set: (uri, list) => diagnostics.set(uri.toString(), list),
      clear: () => diagnostics.clear(),
      dispose() {},
    }),
    registerHoverProvider: register('hover'),
    registerDefinitionProvider: register('definition'),
    registerReferenceProvider: register('references'),
    registerCompletionItemProvider: register('completion'),
    registerDocumentSymbolProvider: register('symbols'),
    registerWorkspaceSymbolProvider: register('workspaceSymbols'),
    registerFoldingRangeProvider: register('folding'),
    registerDocumentFormattingEditProvider: register('formatting'),
    registerRenameProvider: register('rename'),
    registerCodeActionsProvider: register('codeActions'),
  },
  workspace: {
    textDocuments: [],
    workspaceFolders: undefined,
    getConfiguration: () => ({ get: (key) => (key === 'path' ? petaBin : undefined) }),
    onDidOpenTextDocument: onOpen.event,
    onDidChangeTextDocument: onChange.event,
    onDidSaveTextDocument: onSave.event,
    onDidCloseTextDocument: onClose.event,
    createFileSystemWatcher: () => ({
      onDidCreate: () => ({ dispose() {} }),
      onDidChange: () => ({ dispose() {} }),
      onDidDelete: () => ({ dispose() {} }),
      dispose() {},
    }),
  },
  window: {
    createOutputChannel: () => ({ appendLine: (t) => logged.push(t), dispose() {} }),
    showErrorMessage: (message) => errors.push(message),
  },
  commands: { registerCommand: () => ({ dispose() {} }) },
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };

const extension = require('../extension.js');

function documentOf(file, text, version = 1) {
  return {
    uri: Uri.parse(pathToFileURL(file).href),
    languageId: 'peta',
    version,
    getText: () => text,
  };
}

async function eventually(check, what) {
  const deadline = Date.now() + 30000;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; log: ${logged.join('\n')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('the client runs peta lsp and shows its answers', { skip: !fs.existsSync(petaBin) && 'no peta binary (cargo build first)' }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peta-vscode-'));
  // The client test's own copy of a small project: its positions are written against it, so
  // changes to the Rust tests' fixture project cannot move them.
  const project = path.join(__dirname, 'project');
  for (const name of ['peta.yaml', 'buku.peta', 'P1.peta']) {
    fs.copyFileSync(path.join(project, name), path.join(dir, name));
  }
  const file = path.join(dir, 'P1.peta');
  const original = fs.readFileSync(file, 'utf8');
  const context = { subscriptions: [] };
  const client = await extension.activate(context);
  // A failed assertion must not leave `peta lsp` running: node would wait for it forever.
  t.after(() => extension.deactivate());
  assert.deepStrictEqual(errors, []);
  for (const name of ['hover', 'definition', 'completion', 'formatting', 'rename', 'codeActions', 'symbols', 'folding']) {
    assert.ok(providers[name], `${name} provider registered`);
  }

  // A flow to a missing step, in an unsaved buffer.
  const broken = original.replace('lanjut ke balas jika lengkap', 'lanjut ke balass jika lengkap');
  const document = documentOf(file, broken);
  onOpen.fire(document);
  const uri = document.uri.toString();
  const shown = await eventually(
    () => (diagnostics.get(uri) || []).find((d) => d.code === 'E107'),
    'E107 on the opened file',
  );
  assert.strictEqual(shown.severity, vscode.DiagnosticSeverity.Error);
  assert.deepStrictEqual([shown.range.start.line, shown.range.start.character], [17, 14]);
  assert.match(shown.message, /balass/);

  const actions = await providers.codeActions.provideCodeActions(document, shown.range, { diagnostics: [shown] });
  assert.strictEqual(actions[0].kind, 'quickfix');
  assert.strictEqual(actions[0].edit.edits[0].newText, 'balas');

  const hover = await providers.hover.provideHover(document, new Position(14, 10));
  assert.match(hover.contents.value, /Menerima dan meregister surat/);

  const definition = await providers.definition.provideDefinition(document, new Position(13, 15));
  assert.strictEqual(definition.range.start.line, 14);

  const items = await providers.completion.provideCompletionItems(document, new Position(17, 14));
  assert.ok(items.some((i) => i.label === 'periksa'), 'step ids after `lanjut ke`');

  const symbols = await providers.symbols.provideDocumentSymbols(document);
  assert.deepStrictEqual(symbols.map((s) => s.name), ['P1 Layanan Surat', 'P1.1 Surat Masuk', 'P1.2 Arsip']);

  const folds = await providers.folding.provideFoldingRanges(document);
  assert.ok(folds.some((f) => f.start === 5), 'the process P1.1 folds');

  const messy = original.replace('proses P1.2: Arsip', 'proses   P1.2:    Arsip');
  onChange.fire({ document: documentOf(file, messy, 2) });
  const edits = await providers.formatting.provideDocumentFormattingEdits(documentOf(file, messy, 2), {
    tabSize: 2,
    insertSpaces: true,
  });
  assert.strictEqual(edits[0].newText, original);
  await eventually(() => !(diagnostics.get(uri) || []).some((d) => d.code === 'E107'), 'E107 cleared');

  const range = await providers.rename.prepareRename(document, new Position(14, 19));
  assert.strictEqual(range.start.character, 18);
  const rename = await providers.rename.provideRenameEdits(document, new Position(14, 19), 'tata_usaha');
  assert.strictEqual(rename.edits.length, 3);
  await assert.rejects(providers.rename.provideRenameEdits(document, new Position(14, 19), 'kadis'), /kadis/);

  onClose.fire(document);
  await extension.deactivate();
  assert.strictEqual(client.connection, null);
  fs.rmSync(dir, { recursive: true, force: true });
});
