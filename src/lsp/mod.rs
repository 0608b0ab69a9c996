//! `peta lsp`: a language server over stdio (rust-analyzer's `lsp-server` transport and
//! `lsp-types`), backed by the same pipeline as `peta check` on the whole project, with the
//! editor's unsaved buffers read in place of the files on disk.
//!
//! One module per feature: [`diagnostics`], [`hover`], [`navigation`] (definition,
//! references), [`completion`], [`symbols`] (outline, folding, workspace symbols),
//! [`formatting`], [`rename`], [`actions`] (quick fixes). [`analysis`] runs the pipeline on a
//! project and [`index`] records where every name is written.
//!
//! The loop is single-threaded: a project of a book checks in milliseconds, so a request
//! waits at most for one check. Edits are checked after a short pause in typing (debounced);
//! opening and saving a file, and any request, check at once.

pub mod actions;
pub mod analysis;
pub mod completion;
pub mod convert;
pub mod diagnostics;
pub mod formatting;
pub mod hover;
pub mod index;
pub mod navigation;
pub mod rename;
pub mod symbols;

use analysis::{project_of, Analysis};
use anyhow::Result;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{self as notify, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, FoldingRangeProviderCapability,
    HoverProviderCapability, OneOf, RenameOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long typing must pause before the project is checked again.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// Runs the server on stdin/stdout until the client says `exit`.
pub fn run_stdio() -> Result<()> {
    let (connection, io_threads) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    io_threads.join()?;
    Ok(())
}

pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".into(), ",".into(), ":".into()]),
            ..CompletionOptions::default()
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// Serves one client on `connection`: the handshake, then requests and notifications until
/// `shutdown` and `exit`.
pub fn serve(connection: &Connection) -> Result<()> {
    let initialize = lsp_types::InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo {
            name: "peta".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let (id, _params) = connection.initialize_start()?;
    connection.initialize_finish(id, serde_json::to_value(initialize)?)?;
    let mut server = Server::default();
    loop {
        let message = match server.deadline {
            Some(deadline) => {
                let wait = deadline.saturating_duration_since(Instant::now());
                match connection.receiver.recv_timeout(wait) {
                    Ok(message) => Some(message),
                    Err(crossbeam_channel::RecvTimeoutError::Timeout) => None,
                    Err(crossbeam_channel::RecvTimeoutError::Disconnected) => return Ok(()),
                }
            }
            None => match connection.receiver.recv() {
                Ok(message) => Some(message),
                Err(_) => return Ok(()),
            },
        };
        match message {
            None => {
                server.deadline = None;
                server.publish_dirty(connection)?;
            }
            Some(Message::Request(request)) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                let response = server.request(request);
                connection.sender.send(Message::Response(response))?;
            }
            Some(Message::Notification(note)) => {
                if note.method == notify::Exit::METHOD {
                    return Ok(());
                }
                // A malformed notification is the client's bug; the session goes on.
                if let Err(err) = server.notification(note, connection) {
                    eprintln!("peta lsp: {err:#}");
                }
            }
            Some(Message::Response(_)) => {}
        }
    }
}

/// An open buffer.
struct Document {
    text: String,
}

#[derive(Default)]
struct Server {
    /// Open buffers by path.
    documents: BTreeMap<PathBuf, Document>,
    /// Checked projects by root (a folder with `peta.yaml`, or a lone file).
    analyses: BTreeMap<PathBuf, Analysis>,
    /// Projects whose files changed since they were last checked.
    dirty: BTreeSet<PathBuf>,
    /// Projects checked for a request since their files changed, whose diagnostics are still
    /// to be published (at the end of the pause in typing, as for the others).
    unpublished: BTreeSet<PathBuf>,
    /// The files each project last published diagnostics on, to clear them when a project
    /// fails to load.
    published: BTreeMap<PathBuf, Vec<Uri>>,
    /// When the pending edits are to be checked.
    deadline: Option<Instant>,
}

impl Server {
    fn overlay(&self) -> BTreeMap<PathBuf, String> {
        self.documents
            .iter()
            .map(|(path, doc)| (path.clone(), doc.text.clone()))
            .collect()
    }

    /// Checks the project at `root` now, keeping the result.
    fn analyse(&mut self, root: &Path) -> Option<&Analysis> {
        self.dirty.remove(root);
        match Analysis::run(root, &self.overlay()) {
            Ok(analysis) => {
                self.analyses.insert(root.to_path_buf(), analysis);
            }
            Err(_) => {
                // The folder or file is gone; nothing to show.
                self.analyses.remove(root);
            }
        }
        self.analyses.get(root)
    }

    /// The project holding `uri`, checked against the current buffers.
    fn fresh(&mut self, uri: &Uri) -> Option<(&Analysis, crate::source::FileId)> {
        let path = convert::path(uri)?;
        let root = project_of(&path);
        if self.dirty.contains(&root) || !self.analyses.contains_key(&root) {
            self.analyse(&root);
            self.unpublished.insert(root.clone());
        }
        let analysis = self.analyses.get(&root)?;
        let file = analysis.file_at(&path)?;
        Some((analysis, file))
    }

    fn publish(&mut self, root: &Path, connection: &Connection) -> Result<()> {
        self.unpublished.remove(root);
        let before = self.published.remove(root).unwrap_or_default();
        let mut now = Vec::new();
        if self.dirty.contains(root) || !self.analyses.contains_key(root) {
            self.analyse(root);
        }
        if let Some(analysis) = self.analyses.get(root) {
            for params in diagnostics::by_file(analysis) {
                now.push(params.uri.clone());
                send_notification::<notify::PublishDiagnostics>(connection, params)?;
            }
        }
        for uri in before.into_iter().filter(|u| !now.contains(u)) {
            let params = lsp_types::PublishDiagnosticsParams::new(uri, Vec::new(), None);
            send_notification::<notify::PublishDiagnostics>(connection, params)?;
        }
        self.published.insert(root.to_path_buf(), now);
        Ok(())
    }

    fn publish_dirty(&mut self, connection: &Connection) -> Result<()> {
        let dirty: Vec<PathBuf> = self.dirty.union(&self.unpublished).cloned().collect();
        for root in dirty {
            self.publish(&root, connection)?;
        }
        Ok(())
    }

    fn notification(&mut self, note: Notification, connection: &Connection) -> Result<()> {
        match note.method.as_str() {
            notify::DidOpenTextDocument::METHOD => {
                let params: lsp_types::DidOpenTextDocumentParams = parse(note.params)?;
                let Some(path) = convert::path(&params.text_document.uri) else {
                    return Ok(());
                };
                self.documents.insert(
                    path.clone(),
                    Document {
                        text: params.text_document.text,
                    },
                );
                let root = project_of(&path);
                self.dirty.insert(root.clone());
                self.publish(&root, connection)?;
            }
            notify::DidChangeTextDocument::METHOD => {
                let params: lsp_types::DidChangeTextDocumentParams = parse(note.params)?;
                let Some(path) = convert::path(&params.text_document.uri) else {
                    return Ok(());
                };
                // Full sync: the last change holds the whole text.
                if let Some(change) = params.content_changes.into_iter().last() {
                    self.documents
                        .insert(path.clone(), Document { text: change.text });
                }
                self.dirty.insert(project_of(&path));
                self.deadline = Some(Instant::now() + DEBOUNCE);
            }
            notify::DidSaveTextDocument::METHOD => {
                let params: lsp_types::DidSaveTextDocumentParams = parse(note.params)?;
                if let Some(path) = convert::path(&params.text_document.uri) {
                    // Other files may have been saved with it (save all).
                    let root = project_of(&path);
                    self.dirty.insert(root.clone());
                    self.publish(&root, connection)?;
                }
            }
            notify::DidCloseTextDocument::METHOD => {
                let params: lsp_types::DidCloseTextDocumentParams = parse(note.params)?;
                if let Some(path) = convert::path(&params.text_document.uri) {
                    self.documents.remove(&path);
                    // The file on disk counts again.
                    self.dirty.insert(project_of(&path));
                    self.deadline = Some(Instant::now() + DEBOUNCE);
                }
            }
            notify::DidChangeWatchedFiles::METHOD => {
                let params: lsp_types::DidChangeWatchedFilesParams = parse(note.params)?;
                for change in params.changes {
                    if let Some(path) = convert::path(&change.uri) {
                        self.dirty.insert(project_of(&path));
                    }
                }
                self.deadline = Some(Instant::now() + DEBOUNCE);
            }
            _ => {}
        }
        Ok(())
    }

    fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        match self.answer(request) {
            Ok(value) => Response::new_ok(id, value),
            Err(Failure::Params(message)) => {
                Response::new_err(id, ErrorCode::InvalidParams as i32, message)
            }
            Err(Failure::Refused(message)) => {
                Response::new_err(id, ErrorCode::RequestFailed as i32, message)
            }
            Err(Failure::Unknown(method)) => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("peta lsp does not handle `{method}`"),
            ),
        }
    }

    fn answer(&mut self, request: Request) -> Result<serde_json::Value, Failure> {
        let Request { method, params, .. } = request;
        let value = match method.as_str() {
            req::HoverRequest::METHOD => {
                let p: lsp_types::HoverParams = params_of(params)?;
                let at = p.text_document_position_params;
                self.at(&at, hover::hover).map(to_value)
            }
            req::GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams = params_of(params)?;
                let at = p.text_document_position_params;
                self.at(&at, navigation::definition).map(to_value)
            }
            req::References::METHOD => {
                let p: lsp_types::ReferenceParams = params_of(params)?;
                let include = p.context.include_declaration;
                self.at(&p.text_document_position, |a, file, offset| {
                    Some(navigation::references(a, file, offset, include))
                })
                .map(to_value)
            }
            req::Completion::METHOD => {
                let p: lsp_types::CompletionParams = params_of(params)?;
                self.at(&p.text_document_position, |a, file, offset| {
                    Some(completion::complete(a, file, offset))
                })
                .map(to_value)
            }
            req::DocumentSymbolRequest::METHOD => {
                let p: lsp_types::DocumentSymbolParams = params_of(params)?;
                self.fresh(&p.text_document.uri)
                    .map(|(a, file)| to_value(symbols::document(a, file)))
            }
            req::FoldingRangeRequest::METHOD => {
                let p: lsp_types::FoldingRangeParams = params_of(params)?;
                self.fresh(&p.text_document.uri)
                    .map(|(a, file)| to_value(symbols::folding(a, file)))
            }
            req::WorkspaceSymbolRequest::METHOD => {
                let p: lsp_types::WorkspaceSymbolParams = params_of(params)?;
                let roots: Vec<PathBuf> = self
                    .documents
                    .keys()
                    .map(|p| project_of(p))
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let mut found = Vec::new();
                for root in roots {
                    if let Some(analysis) = self.analyse(&root) {
                        found.extend(symbols::workspace(analysis, &p.query));
                    }
                }
                Some(to_value(found))
            }
            req::Formatting::METHOD => {
                let p: lsp_types::DocumentFormattingParams = params_of(params)?;
                self.fresh(&p.text_document.uri)
                    .and_then(|(a, file)| formatting::format(a, file))
                    .map(to_value)
            }
            req::PrepareRenameRequest::METHOD => {
                let p: lsp_types::TextDocumentPositionParams = params_of(params)?;
                self.at(&p, rename::prepare).map(to_value)
            }
            req::Rename::METHOD => {
                let p: lsp_types::RenameParams = params_of(params)?;
                let new_name = p.new_name;
                let result = self.at(&p.text_document_position, |a, file, offset| {
                    Some(rename::rename(a, file, offset, &new_name))
                });
                match result {
                    Some(Ok(edit)) => Some(to_value(edit)),
                    Some(Err(message)) => return Err(Failure::Refused(message)),
                    None => None,
                }
            }
            req::CodeActionRequest::METHOD => {
                let p: lsp_types::CodeActionParams = params_of(params)?;
                self.fresh(&p.text_document.uri)
                    .map(|(a, file)| to_value(actions::quick_fixes(a, file, p.range)))
            }
            _ => return Err(Failure::Unknown(method)),
        };
        Ok(value.unwrap_or(serde_json::Value::Null))
    }

    /// Runs `f` on the fresh analysis at a document position (converted to a byte offset).
    fn at<T>(
        &mut self,
        at: &lsp_types::TextDocumentPositionParams,
        f: impl FnOnce(&Analysis, crate::source::FileId, usize) -> Option<T>,
    ) -> Option<T> {
        let (analysis, file) = self.fresh(&at.text_document.uri)?;
        let offset = convert::offset(&analysis.source(file).text, at.position);
        f(analysis, file, offset)
    }
}

enum Failure {
    Params(String),
    Refused(String),
    Unknown(String),
}

fn params_of<P: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<P, Failure> {
    serde_json::from_value(value).map_err(|e| Failure::Params(e.to_string()))
}

fn parse<P: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<P> {
    Ok(serde_json::from_value(value)?)
}

fn to_value(value: impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

fn send_notification<N: lsp_types::notification::Notification>(
    connection: &Connection,
    params: N::Params,
) -> Result<()> {
    let note = Notification::new(N::METHOD.to_string(), params);
    connection.sender.send(Message::Notification(note))?;
    Ok(())
}
