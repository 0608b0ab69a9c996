// The peta extension: starts `peta lsp` and connects it to VS Code.
//
// A small, dependency-free Language Server Protocol client (JSON-RPC over the server's
// stdin/stdout), so that the extension installs from this folder as it is, with no
// `npm install` and no build step. It covers what `peta lsp` offers: diagnostics, hover,
// go to definition, references, completion, document and workspace symbols, folding,
// formatting, rename and quick fixes.
'use strict';

const vscode = require('vscode');
const childProcess = require('child_process');

const SELECTOR = [{ language: 'peta', scheme: 'file' }];

/** JSON-RPC over a child process's stdio, with LSP's Content-Length framing. */
class Connection {
  constructor(command, args, options, log) {
    this.log = log;
    this.nextId = 1;
    this.pending = new Map();
    this.handlers = new Map();
    this.buffer = Buffer.alloc(0);
    this.closed = false;
    this.child = childProcess.spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code) => {
        this.closed = true;
        for (const { reject } of this.pending.values()) {
          reject(new Error(`peta lsp exited (${code})`));
        }
        this.pending.clear();
        resolve(code);
      });
    });
    this.child.on('error', (error) => {
      this.closed = true;
      this.log(`peta lsp could not start: ${error.message}`);
      for (const { reject } of this.pending.values()) {
        reject(error);
      }
      this.pending.clear();
    });
    this.child.stderr.on('data', (data) => this.log(data.toString()));
    this.child.stdout.on('data', (data) => this.receive(data));
  }

  receive(data) {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) {
        return;
      }
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length: *(\d+)/i.exec(header);
      if (!match) {
        this.buffer = this.buffer.subarray(headerEnd + 4);
        continue;
      }
      const length = Number(match[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) {
        return;
      }
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      let message;
      try {
        message = JSON.parse(body);
      } catch (error) {
        this.log(`peta lsp sent a message that is not JSON: ${error.message}`);
        continue;
      }
      this.dispatch(message);
    }
  }

  dispatch(message) {
    if (message.id !== undefined && message.method === undefined) {
      const waiting = this.pending.get(message.id);
      if (!waiting) {
        return;
      }
      this.pending.delete(message.id);
      if (message.error) {
        waiting.reject(new Error(message.error.message));
      } else {
        waiting.resolve(message.result);
      }
    } else if (message.method !== undefined && message.id === undefined) {
      const handler = this.handlers.get(message.method);
      if (handler) {
        handler(message.params);
      }
    } else if (message.method !== undefined) {
      // A request from the server: peta lsp sends none that need an answer but this one.
      this.send({ jsonrpc: '2.0', id: message.id, result: null });
    }
  }

  send(message) {
    if (this.closed) {
      return;
    }
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request(method, params) {
    if (this.closed) {
      return Promise.reject(new Error('peta lsp is not running'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  onNotification(method, handler) {
    this.handlers.set(method, handler);
  }

  async stop() {
    if (this.closed) {
      return;
    }
    try {
      await Promise.race([this.request('shutdown', null), delay(2000)]);
      this.notify('exit', null);
      await Promise.race([this.exited, delay(2000)]);
    } finally {
      if (!this.closed) {
        this.child.kill();
      }
    }
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Protocol values to VS Code's and back. Both count columns in UTF-16 code units.

function toPosition(p) {
  return new vscode.Position(p.line, p.character);
}

function toRange(r) {
  return new vscode.Range(toPosition(r.start), toPosition(r.end));
}

function fromPosition(p) {
  return { line: p.line, character: p.character };
}

function fromRange(r) {
  return { start: fromPosition(r.start), end: fromPosition(r.end) };
}

function toLocation(l) {
  return new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range));
}

function toDiagnostic(d) {
  const severity = {
    1: vscode.DiagnosticSeverity.Error,
    2: vscode.DiagnosticSeverity.Warning,
    3: vscode.DiagnosticSeverity.Information,
    4: vscode.DiagnosticSeverity.Hint,
  }[d.severity] ?? vscode.DiagnosticSeverity.Error;
  const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, severity);
  diagnostic.code = d.code;
  diagnostic.source = d.source;
  if (d.relatedInformation) {
    diagnostic.relatedInformation = d.relatedInformation.map(
      (r) => new vscode.DiagnosticRelatedInformation(toLocation(r.location), r.message),
    );
  }
  return diagnostic;
}

function fromDiagnostic(d) {
  const severity = new Map([
    [vscode.DiagnosticSeverity.Error, 1],
    [vscode.DiagnosticSeverity.Warning, 2],
    [vscode.DiagnosticSeverity.Information, 3],
    [vscode.DiagnosticSeverity.Hint, 4],
  ]).get(d.severity);
  return {
    range: fromRange(d.range),
    severity,
    code: typeof d.code === 'object' && d.code !== null ? d.code.value : d.code,
    source: d.source,
    message: d.message,
  };
}

function toTextEdit(e) {
  return new vscode.TextEdit(toRange(e.range), e.newText);
}

function toWorkspaceEdit(edit) {
  const result = new vscode.WorkspaceEdit();
  for (const [uri, edits] of Object.entries((edit && edit.changes) || {})) {
    for (const e of edits) {
      result.replace(vscode.Uri.parse(uri), toRange(e.range), e.newText);
    }
  }
  return result;
}

// LSP's SymbolKind and CompletionItemKind count from 1; VS Code's enums from 0.
function toSymbolKind(kind) {
  return kind - 1;
}

function toDocumentSymbol(s) {
  const symbol = new vscode.DocumentSymbol(
    s.name,
    s.detail || '',
    toSymbolKind(s.kind),
    toRange(s.range),
    toRange(s.selectionRange),
  );
  symbol.children = (s.children || []).map(toDocumentSymbol);
  return symbol;
}

function toCompletionItem(item) {
  const completion = new vscode.CompletionItem(item.label, item.kind ? item.kind - 1 : undefined);
  completion.detail = item.detail;
  completion.sortText = item.sortText;
  completion.filterText = item.filterText;
  if (item.textEdit) {
    completion.range = toRange(item.textEdit.range);
    completion.insertText = item.textEdit.newText;
  } else if (item.insertText) {
    completion.insertText = item.insertText;
  }
  return completion;
}

function documentParams(document) {
  return { textDocument: { uri: document.uri.toString() } };
}

function positionParams(document, position) {
  return { ...documentParams(document), position: fromPosition(position) };
}

/** One running server and everything registered against it. */
class Client {
  constructor(output) {
    this.output = output;
    this.connection = null;
    this.diagnostics = vscode.languages.createDiagnosticCollection('peta');
    this.open = new Set();
  }

  log(text) {
    this.output.appendLine(text.replace(/\s+$/, ''));
  }

  async start() {
    const command = vscode.workspace.getConfiguration('peta').get('path') || 'peta';
    const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
    const connection = new Connection(command, ['lsp'], {}, (text) => this.log(text));
    this.connection = connection;
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      this.diagnostics.set(vscode.Uri.parse(params.uri), params.diagnostics.map(toDiagnostic));
    });
    try {
      await connection.request('initialize', {
        processId: process.pid,
        clientInfo: { name: 'peta-vscode' },
        rootUri: folder ? folder.uri.toString() : null,
        capabilities: {
          textDocument: {
            hover: { contentFormat: ['markdown', 'plaintext'] },
            completion: { completionItem: { snippetSupport: false } },
            documentSymbol: { hierarchicalDocumentSymbolSupport: true },
            publishDiagnostics: { relatedInformation: true },
            rename: { prepareSupport: true },
            codeAction: {},
          },
        },
      });
    } catch (error) {
      vscode.window.showErrorMessage(
        `peta: cannot start \`${command} lsp\` (${error.message}). Install peta, or set "peta.path".`,
      );
      return false;
    }
    connection.notify('initialized', {});
    for (const document of vscode.workspace.textDocuments) {
      this.didOpen(document);
    }
    return true;
  }

  async stop() {
    if (this.connection) {
      const connection = this.connection;
      this.connection = null;
      this.open.clear();
      await connection.stop();
    }
    this.diagnostics.clear();
  }

  didOpen(document) {
    if (!this.connection || document.languageId !== 'peta' || document.uri.scheme !== 'file') {
      return;
    }
    const uri = document.uri.toString();
    if (this.open.has(uri)) {
      return;
    }
    this.open.add(uri);
    this.connection.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'peta', version: document.version, text: document.getText() },
    });
  }

  didChange(event) {
    const uri = event.document.uri.toString();
    if (!this.connection || !this.open.has(uri)) {
      return;
    }
    this.connection.notify('textDocument/didChange', {
      textDocument: { uri, version: event.document.version },
      contentChanges: [{ text: event.document.getText() }],
    });
  }

  didSave(document) {
    const uri = document.uri.toString();
    if (this.connection && this.open.has(uri)) {
      this.connection.notify('textDocument/didSave', { textDocument: { uri } });
    }
  }

  didClose(document) {
    const uri = document.uri.toString();
    if (this.connection && this.open.delete(uri)) {
      this.connection.notify('textDocument/didClose', { textDocument: { uri } });
    }
  }

  filesChanged(uri, type) {
    if (this.connection) {
      this.connection.notify('workspace/didChangeWatchedFiles', {
        changes: [{ uri: uri.toString(), type }],
      });
    }
  }

  /** A request whose failure (server gone, refused) shows as "nothing here". */
  async ask(method, params) {
    if (!this.connection) {
      return null;
    }
    try {
      return await this.connection.request(method, params);
    } catch (error) {
      this.log(`${method}: ${error.message}`);
      return null;
    }
  }

  providers() {
    const client = this;
    const languages = vscode.languages;
    return [
      languages.registerHoverProvider(SELECTOR, {
        async provideHover(document, position) {
          const hover = await client.ask('textDocument/hover', positionParams(document, position));
          if (!hover || !hover.contents) {
            return null;
          }
          const value = typeof hover.contents === 'string' ? hover.contents : hover.contents.value;
          return new vscode.Hover(
            new vscode.MarkdownString(value),
            hover.range ? toRange(hover.range) : undefined,
          );
        },
      }),
      languages.registerDefinitionProvider(SELECTOR, {
        async provideDefinition(document, position) {
          const found = await client.ask('textDocument/definition', positionParams(document, position));
          if (!found) {
            return null;
          }
          return Array.isArray(found) ? found.map(toLocation) : toLocation(found);
        },
      }),
      languages.registerReferenceProvider(SELECTOR, {
        async provideReferences(document, position, context) {
          const found = await client.ask('textDocument/references', {
            ...positionParams(document, position),
            context: { includeDeclaration: context.includeDeclaration },
          });
          return (found || []).map(toLocation);
        },
      }),
      languages.registerCompletionItemProvider(
        SELECTOR,
        {
          async provideCompletionItems(document, position) {
            const found = await client.ask('textDocument/completion', positionParams(document, position));
            const items = Array.isArray(found) ? found : (found && found.items) || [];
            return items.map(toCompletionItem);
          },
        },
        ' ',
        ',',
        ':',
      ),
      languages.registerDocumentSymbolProvider(SELECTOR, {
        async provideDocumentSymbols(document) {
          const found = await client.ask('textDocument/documentSymbol', documentParams(document));
          return (found || []).map(toDocumentSymbol);
        },
      }),
      languages.registerWorkspaceSymbolProvider({
        async provideWorkspaceSymbols(query) {
          const found = await client.ask('workspace/symbol', { query });
          return (found || []).map(
            (s) =>
              new vscode.SymbolInformation(
                s.name,
                toSymbolKind(s.kind),
                s.containerName || '',
                toLocation(s.location),
              ),
          );
        },
      }),
      languages.registerFoldingRangeProvider(SELECTOR, {
        async provideFoldingRanges(document) {
          const found = await client.ask('textDocument/foldingRange', documentParams(document));
          return (found || []).map((r) => new vscode.FoldingRange(r.startLine, r.endLine));
        },
      }),
      languages.registerDocumentFormattingEditProvider(SELECTOR, {
        async provideDocumentFormattingEdits(document, options) {
          const found = await client.ask('textDocument/formatting', {
            ...documentParams(document),
            options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces },
          });
          return (found || []).map(toTextEdit);
        },
      }),
      languages.registerRenameProvider(SELECTOR, {
        async prepareRename(document, position) {
          const range = await client.ask('textDocument/prepareRename', positionParams(document, position));
          if (!range) {
            throw new Error('Hanya id unit dan id langkah yang dapat diganti namanya.');
          }
          return toRange(range);
        },
        async provideRenameEdits(document, position, newName) {
          if (!client.connection) {
            return null;
          }
          // A refused rename (a taken or invalid name) is shown to the user as the error.
          const edit = await client.connection.request('textDocument/rename', {
            ...positionParams(document, position),
            newName,
          });
          return toWorkspaceEdit(edit);
        },
      }),
      languages.registerCodeActionsProvider(
        SELECTOR,
        {
          async provideCodeActions(document, range, context) {
            const found = await client.ask('textDocument/codeAction', {
              ...documentParams(document),
              range: fromRange(range),
              context: { diagnostics: context.diagnostics.map(fromDiagnostic) },
            });
            return (found || []).map((a) => {
              const action = new vscode.CodeAction(a.title, vscode.CodeActionKind.QuickFix);
              action.edit = toWorkspaceEdit(a.edit);
              action.isPreferred = Boolean(a.isPreferred);
              return action;
            });
          },
        },
        { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
      ),
    ];
  }
}

let running = null;

async function activate(context) {
  const output = vscode.window.createOutputChannel('peta');
  const client = new Client(output);
  running = client;
  context.subscriptions.push(output, client.diagnostics, ...client.providers());
  const workspace = vscode.workspace;
  context.subscriptions.push(
    workspace.onDidOpenTextDocument((d) => client.didOpen(d)),
    workspace.onDidChangeTextDocument((e) => client.didChange(e)),
    workspace.onDidSaveTextDocument((d) => client.didSave(d)),
    workspace.onDidCloseTextDocument((d) => client.didClose(d)),
  );
  // Files changed outside the editor (git checkout, another program) are checked again.
  const watcher = workspace.createFileSystemWatcher('**/{*.peta,peta.yaml}');
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate((uri) => client.filesChanged(uri, 1)),
    watcher.onDidChange((uri) => client.filesChanged(uri, 2)),
    watcher.onDidDelete((uri) => client.filesChanged(uri, 3)),
    vscode.commands.registerCommand('peta.restartServer', async () => {
      await client.stop();
      await client.start();
    }),
  );
  await client.start();
  return client;
}

async function deactivate() {
  if (running) {
    await running.stop();
    running = null;
  }
}

module.exports = { activate, deactivate, Connection };
