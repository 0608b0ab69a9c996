//! `peta lsp` end to end: a client that speaks JSON-RPC to the real binary over stdio, as an
//! editor does, on a copy of the example project.

use crate::support::fixtures;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// Long enough for a loaded CI machine; a healthy server answers in milliseconds.
const PATIENCE: Duration = Duration::from_secs(30);

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Notifications that arrived while waiting for something else.
    pending: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_peta"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("peta lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("every message has a Content-Length")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let value: Value = serde_json::from_slice(&body).expect("the server sends JSON");
                if sender.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
            pending: Vec::new(),
            next_id: 1,
        }
    }

    fn send(&mut self, message: Value) {
        let body = serde_json::to_string(&message).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its whole response (`result` or `error`).
    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + PATIENCE;
        loop {
            let message = self
                .messages
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .unwrap_or_else(|_| panic!("no answer to {method}"));
            if message["id"] == json!(id) {
                return message;
            }
            self.pending.push(message);
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    /// Waits for the next diagnostics published on `uri` that satisfy `accept`.
    fn diagnostics(&mut self, uri: &str, accept: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let message = match self.pending.iter().position(|m| is_diagnostics_for(m, uri)) {
                Some(i) => self.pending.remove(i),
                None => self
                    .messages
                    .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                    .unwrap_or_else(|_| panic!("no matching diagnostics for {uri}")),
            };
            if !is_diagnostics_for(&message, uri) {
                self.pending.push(message);
                continue;
            }
            let list = message["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            if accept(&list) {
                return list;
            }
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn is_diagnostics_for(message: &Value, uri: &str) -> bool {
    message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri
}

fn uri(path: &Path) -> String {
    peta::lsp::convert::uri(path).as_str().to_string()
}

/// A copy of the example project in a fresh folder, with a space and a non-ASCII letter in its
/// name as office machines have.
/// A copy of `tests/fixtures/lsp/` (a small project of its own, so the lines and columns the
/// session names stay put when the README's example project grows).
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("Peta Dinas é");
    std::fs::create_dir(&root).unwrap();
    for name in ["peta.yaml", "buku.peta", "P1.peta"] {
        std::fs::copy(fixtures().join("lsp").join(name), root.join(name)).unwrap();
    }
    (dir, root)
}

fn position(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": position(line, character)})
}

fn labels(items: &Value) -> Vec<String> {
    let list = items
        .get("items")
        .unwrap_or(items)
        .as_array()
        .cloned()
        .unwrap_or_default();
    list.iter()
        .map(|i| i["label"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The whole session an editor has with the server on one file.
#[test]
fn an_editor_session_over_stdio() {
    let (_dir, root) = project();
    let p1 = root.join("P1.peta");
    let p1_uri = uri(&p1);
    let buku_uri = uri(&root.join("buku.peta"));
    let original = std::fs::read_to_string(&p1).unwrap();
    let mut client = Client::start();

    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(&root), "capabilities": {}}),
    );
    let caps = &init["capabilities"];
    for capability in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "completionProvider",
        "documentFormattingProvider",
        "renameProvider",
        "codeActionProvider",
        "documentSymbolProvider",
    ] {
        assert!(!caps[capability].is_null(), "{capability} in {caps}");
    }
    client.notify("initialized", json!({}));

    // A broken buffer, not saved: a flow to a step that does not exist.
    let broken = original.replace(
        "lanjut ke balas jika lengkap",
        "lanjut ke balass jika lengkap",
    );
    assert_ne!(broken, original);
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": p1_uri, "languageId": "peta", "version": 1, "text": broken}}),
    );
    let found = client.diagnostics(&p1_uri, |list| !list.is_empty());
    let e107 = found
        .iter()
        .find(|d| d["code"] == "E107")
        .unwrap_or_else(|| panic!("E107 in {found:?}"));
    // `    lanjut ke balass` is line 18 (0-based 17), `balass` from column 14 to 20.
    assert_eq!(e107["range"]["start"], position(17, 14), "{e107}");
    assert_eq!(e107["range"]["end"], position(17, 20), "{e107}");
    assert_eq!(e107["severity"], 1);
    assert_eq!(e107["source"], "peta");
    let message = e107["message"].as_str().unwrap();
    assert!(message.contains("balass"), "{message}");
    assert!(
        message.contains("saran: mungkin maksudnya `balas`?"),
        "{message}"
    );

    // The quick fix of the help line.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": p1_uri}, "range": e107["range"], "context": {"diagnostics": [e107]}}),
    );
    let fix = &actions.as_array().expect("a list of actions")[0];
    assert_eq!(fix["kind"], "quickfix");
    let edit = &fix["edit"]["changes"][&p1_uri][0];
    assert_eq!(edit["newText"], "balas");
    assert_eq!(edit["range"], e107["range"]);

    // Hover on a lane: the unit's name and the maps it acts in.
    let lajur_line = broken.lines().position(|l| l.contains("lajur:")).unwrap() as u32;
    let hover = client.request("textDocument/hover", at(&p1_uri, lajur_line, 22));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("Kepala Dinas") && text.contains("P1.1"),
        "{text}"
    );

    // Hover on a step id: its label and kind.
    let hover = client.request("textDocument/hover", at(&p1_uri, 14, 10));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("Menerima dan meregister surat") && text.contains("tugas"),
        "{text}"
    );

    // Hover on a process code: its name and SIPOC.
    let hover = client.request("textDocument/hover", at(&p1_uri, 5, 9));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("Surat Masuk") && text.contains("Surat permohonan"),
        "{text}"
    );

    // Go to definition: the lane `umum` of `tugas terima di umum` is declared in buku.peta.
    let definition = client.request("textDocument/definition", at(&p1_uri, 14, 19));
    assert_eq!(definition["uri"], buku_uri.as_str());
    let buku = std::fs::read_to_string(root.join("buku.peta")).unwrap();
    let unit_line = buku
        .lines()
        .position(|l| l.starts_with("unit umum"))
        .unwrap();
    assert_eq!(definition["range"]["start"], position(unit_line as u32, 5));

    // A step id leads to its step line; references find its flows.
    let definition = client.request("textDocument/definition", at(&p1_uri, 13, 15));
    assert_eq!(
        definition["range"]["start"],
        position(14, 8),
        "{definition}"
    );
    let references = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": p1_uri}, "position": position(14, 10), "context": {"includeDeclaration": true}}),
    );
    let lines: Vec<u64> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [13, 14, 18], "{references}");

    // Completion: steps of the map after `lanjut ke`, lanes after `di`, keywords and fields at
    // the start of a line.
    let completion = client.request("textDocument/completion", at(&p1_uri, 17, 14));
    let offered = labels(&completion);
    for step in ["kirim", "terima", "periksa", "balas", "selesai"] {
        assert!(offered.contains(&step.to_string()), "{step} in {offered:?}");
    }
    let completion = client.request("textDocument/completion", at(&p1_uri, 14, 18));
    let offered = labels(&completion);
    assert_eq!(
        offered[..3],
        ["warga", "umum", "kadis"],
        "lanes first: {offered:?}"
    );
    let completion = client.request("textDocument/completion", at(&p1_uri, 11, 0));
    let offered = labels(&completion);
    for word in ["tugas", "lanjut", "proses", "lajur", "pelanggan"] {
        assert!(offered.contains(&word.to_string()), "{word} in {offered:?}");
    }

    // The outline: processes with their steps.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": p1_uri}}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["P1 Layanan Surat", "P1.1 Surat Masuk", "P1.2 Arsip"]
    );
    assert_eq!(symbols[1]["children"].as_array().unwrap().len(), 5);

    // Edit: fix the flow, and cite a process that does not exist after non-ASCII text. The
    // finding's column counts UTF-16 code units: `“`, `”`, `é` one each, `𝔸` two.
    let edited = original
        .replace(
            "  uraian: Layanan surat untuk warga.",
            "  uraian: Layanan “surat” untuk warga é 𝔸, lihat P9.9.",
        )
        .replace(
            "proses P1.2: Arsip",
            "proses   P1.2:   Arsip\n  abaikan S004: arsip belum dipetakan",
        );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": p1_uri, "version": 2}, "contentChanges": [{"text": edited}]}),
    );
    let found = client.diagnostics(&p1_uri, |list| list.iter().any(|d| d["code"] == "S005"));
    assert!(found.iter().all(|d| d["code"] != "E107"), "{found:?}");
    let s005 = found.iter().find(|d| d["code"] == "S005").unwrap();
    assert_eq!(s005["range"]["start"], position(2, 50), "{s005}");
    assert_eq!(s005["severity"], 2);
    assert!(
        s005["message"].as_str().unwrap().contains("prinsip:"),
        "{s005}"
    );

    // Hover on the rule code of an exemption: the rule as `peta explain` tells it.
    let abaikan_line = edited
        .lines()
        .position(|l| l.contains("abaikan S004"))
        .unwrap() as u32;
    let hover = client.request("textDocument/hover", at(&p1_uri, abaikan_line, 11));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.starts_with("# S004 leaf-without-map"), "{text}");

    // Formatting: the `peta fmt` layout of the buffer.
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": p1_uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let formatted = edits[0]["newText"].as_str().unwrap();
    assert!(formatted.contains("\nproses P1.2: Arsip\n"), "{formatted}");
    assert!(formatted.contains("\n  abaikan S004: arsip belum dipetakan\n"));

    // Rename a unit across files: its declaration in buku.peta, the lane list and the steps.
    let prepared = client.request("textDocument/prepareRename", at(&p1_uri, 14, 19));
    assert_eq!(prepared["start"], position(14, 18));
    let rename = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": p1_uri}, "position": position(14, 19), "newName": "tata_usaha"}),
    );
    let changes = &rename["changes"];
    assert_eq!(changes[&p1_uri].as_array().unwrap().len(), 2, "{rename}");
    assert_eq!(changes[&buku_uri].as_array().unwrap().len(), 1, "{rename}");
    assert!(changes[&p1_uri]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["newText"] == "tata_usaha"));
    // A name already taken is refused with a reason.
    let refused = client.call(
        "textDocument/rename",
        json!({"textDocument": {"uri": p1_uri}, "position": position(14, 19), "newName": "kadis"}),
    );
    assert!(refused["error"]["message"]
        .as_str()
        .unwrap()
        .contains("kadis"));

    // Closing the buffer checks the file on disk again (it has none of the edits).
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": p1_uri}}),
    );
    client.diagnostics(&p1_uri, |list| list.iter().all(|d| d["code"] != "S005"));

    let shutdown = client.call("shutdown", Value::Null);
    assert_eq!(shutdown["result"], Value::Null);
    client.notify("exit", Value::Null);
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(status) = client.child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(Instant::now() < deadline, "peta lsp did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Diagnostics account for the other files of the project: a unit declared in one file and
/// used in another resolves, and removing the declaration in an unsaved buffer breaks the
/// file that uses it.
#[test]
fn diagnostics_follow_unsaved_buffers_of_other_files() {
    let (_dir, root) = project();
    let p1_uri = uri(&root.join("P1.peta"));
    let buku = root.join("buku.peta");
    let buku_uri = uri(&buku);
    let mut client = Client::start();
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(&root), "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    let text = std::fs::read_to_string(&buku).unwrap();
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": buku_uri, "languageId": "peta", "version": 1, "text": text}}),
    );
    let clean = client.diagnostics(&p1_uri, |_| true);
    assert!(clean.iter().all(|d| d["severity"] != 1), "{clean:?}");
    let without_umum = text.replace(
        "unit umum: Sub Bagian Umum\n  induk: kadis\n  alias: Bagian Umum\n",
        "",
    );
    assert_ne!(without_umum, text);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": buku_uri, "version": 2}, "contentChanges": [{"text": without_umum}]}),
    );
    let broken = client.diagnostics(&p1_uri, |list| list.iter().any(|d| d["code"] == "E102"));
    assert!(broken.iter().all(|d| d["severity"] == 1), "{broken:?}");
    let _ = client.call("shutdown", Value::Null);
    client.notify("exit", Value::Null);
}
