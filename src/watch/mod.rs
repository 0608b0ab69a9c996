//! `peta watch` and `peta serve`: rebuild the book whenever a source of the project changes
//! (`notify`, with a short debounce so an editor's save, which often writes several times,
//! gives one rebuild; opening and reading files, which the build itself does, is no change), print the check summary each time, and keep the last good book when
//! the maps do not compile. With a server ([`serve`]), the browser reloads after each
//! rebuild and shows the current errors instead of a stale book.

pub mod serve;

use crate::diagnostic::{self, Format, Lang};
use crate::pipeline;
use anyhow::{Context, Result};
use notify::{RecursiveMode, Watcher as _};
use std::io::IsTerminal;
use std::path::Path;
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// How long the file system must be quiet after a change before the rebuild: long enough to
/// take an editor's save (write, rename, chmod) as one change, short enough that the book is
/// rebuilt well within a second.
pub const DEBOUNCE: Duration = Duration::from_millis(60);

/// The result of one rebuild, as the terminal and the served page show it.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// The check summary line.
    pub summary: String,
    /// The problems that kept the book from being written, printed as `peta check` does;
    /// empty when the book was written.
    pub blocking: String,
    /// The same, coloured for a terminal when asked for.
    pub blocking_shown: String,
    /// Whether the book in `out` is this build's.
    pub written: bool,
    /// How long the rebuild took.
    pub elapsed: Duration,
}

/// Whether an event changes a file's content or existence. Reading a file is an event too
/// (inotify reports opens), and the build itself reads every source: rebuilding on those
/// would rebuild forever.
pub fn changes_content(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    matches!(
        kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    ) && !matches!(
        kind,
        EventKind::Modify(notify::event::ModifyKind::Metadata(
            notify::event::MetadataKind::AccessTime
        ))
    )
}

/// Checks the project and, when it compiles, writes its book into `out` (replaced whole);
/// when it does not, `out` keeps the last good book.
pub fn rebuild(path: &Path, out: &Path, lang: Option<Lang>, color: bool) -> Result<Outcome> {
    let started = Instant::now();
    let built = pipeline::build_book(path)?;
    let compiled = &built.compiled;
    let lang = compiled.lang(lang);
    let summary = pipeline::summary(
        &compiled.diagnostics,
        compiled.book.processes.len(),
        compiled.project.files.len(),
        1,
        lang,
    );
    if !built.blocking.is_empty() {
        let sources = &compiled.project.sources;
        return Ok(Outcome {
            summary,
            blocking: diagnostic::render(&built.blocking, sources, Format::Human, lang, false),
            blocking_shown: diagnostic::render(
                &built.blocking,
                sources,
                Format::Human,
                lang,
                color,
            ),
            written: false,
            elapsed: started.elapsed(),
        });
    }
    // Only a folder peta wrote, outside the project (README, Safety and reliability).
    crate::output::prepare_out_dir(out, std::slice::from_ref(&compiled.project.root))?;
    crate::output::replace_dir(out, &built.files)?;
    Ok(Outcome {
        summary,
        written: true,
        elapsed: started.elapsed(),
        ..Outcome::default()
    })
}

/// What a change at `changed` means for a project rooted at `root` with output in `out`:
/// whether to rebuild. The book's own output, hidden files (editor swap files, peta's staging
/// folders) and build folders are not sources.
pub fn is_source(root: &Path, out: &Path, changed: &Path) -> bool {
    if changed.starts_with(out) {
        return false;
    }
    let Ok(relative) = changed.strip_prefix(root) else {
        // A lone file watched through its folder: only that file counts.
        return false;
    };
    let mut parts = relative.components().peekable();
    while let Some(part) = parts.next() {
        let name = part.as_os_str().to_string_lossy();
        let last = parts.peek().is_none();
        if name.starts_with('.')
            || name.ends_with('~')
            || (!last && (name == "out" || name == "target"))
        {
            return false;
        }
    }
    true
}

/// Watches the project at `path` and rebuilds its book into `out` on every change; with a
/// `port`, also serves the book on 127.0.0.1 with live reload. Runs until interrupted.
pub fn run(path: &Path, out: &Path, port: Option<u16>, lang: Option<Lang>) -> Result<()> {
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot open `{}`", path.display()))?;
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (root, only) = if meta.is_dir() {
        (absolute(path), None)
    } else {
        let file = absolute(path);
        let parent = file.parent().map(Path::to_path_buf).unwrap_or_default();
        (parent, Some(file))
    };
    let out_absolute = absolute(out);
    let lang_words = lang.unwrap_or_default();
    let color = std::io::stderr().is_terminal();

    let state = Arc::new(Mutex::new(serve::State::default()));
    if let Some(port) = port {
        let address = serve::start(out_absolute.clone(), Arc::clone(&state), port)?;
        eprintln!(
            "{}",
            match lang_words {
                Lang::Id => format!(
                    "peta serve: buku disajikan di http://{address}/ (Ctrl+C untuk berhenti)"
                ),
                Lang::En =>
                    format!("peta serve: serving the book at http://{address}/ (Ctrl+C to stop)"),
            }
        );
    }

    let (events, changes) = mpsc::channel::<notify::Event>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            let _ = events.send(event);
        }
    })
    .context("cannot watch the project's files")?;
    let mode = if only.is_some() {
        RecursiveMode::NonRecursive
    } else {
        RecursiveMode::Recursive
    };
    watcher
        .watch(&root, mode)
        .with_context(|| format!("cannot watch `{}`", root.display()))?;
    let relevant = |event: &notify::Event| {
        changes_content(&event.kind)
            && event.paths.iter().any(|path| match &only {
                Some(file) => path == file,
                None => is_source(&root, &out_absolute, path),
            })
    };

    let report = |outcome: &Outcome| {
        eprint!("{}", outcome.blocking_shown);
        let ms = outcome.elapsed.as_millis();
        let what = match (lang_words, outcome.written) {
            (Lang::Id, true) => format!("buku diperbarui di {} ({ms} ms)", out.display()),
            (Lang::En, true) => format!("book updated in {} ({ms} ms)", out.display()),
            (Lang::Id, false) => format!(
                "peta belum dapat dibangun; {} tetap berisi buku terakhir yang baik",
                out.display()
            ),
            (Lang::En, false) => format!(
                "the maps do not build; {} keeps the last good book",
                out.display()
            ),
        };
        eprintln!("{} — {what}", outcome.summary);
    };
    let build = |state: &Mutex<serve::State>| {
        let outcome = match rebuild(path, out, lang, color) {
            Ok(outcome) => outcome,
            Err(err) => Outcome {
                summary: "peta".to_string(),
                blocking: format!("peta: error: {err:#}\n"),
                blocking_shown: format!("peta: error: {err:#}\n"),
                ..Outcome::default()
            },
        };
        // The state first: once the line is printed, the server must already answer with it.
        state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .record(&outcome);
        report(&outcome);
    };

    build(&state);
    let watching = match lang_words {
        Lang::Id => format!(
            "peta watch: mengawasi {} (Ctrl+C untuk berhenti)",
            root.display()
        ),
        Lang::En => format!("peta watch: watching {} (Ctrl+C to stop)", root.display()),
    };
    eprintln!("{watching}");
    while let Ok(event) = changes.recv() {
        if !relevant(&event) {
            continue;
        }
        // An editor's save is often several events (write, rename, chmod): wait until the
        // files are quiet, then build once.
        while let Ok(more) = changes.recv_timeout(DEBOUNCE) {
            let _ = more;
        }
        build(&state);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_a_file_is_no_change() {
        use notify::event::{AccessKind, CreateKind, DataChange, ModifyKind};
        use notify::EventKind;
        assert!(!changes_content(&EventKind::Access(AccessKind::Any)));
        assert!(changes_content(&EventKind::Modify(ModifyKind::Data(
            DataChange::Content
        ))));
        assert!(changes_content(&EventKind::Create(CreateKind::File)));
    }

    #[test]
    fn only_sources_trigger_a_rebuild() {
        let root = Path::new("/p/maps");
        let out = Path::new("/p/maps/out");
        assert!(is_source(root, out, Path::new("/p/maps/P1.peta")));
        assert!(is_source(root, out, Path::new("/p/maps/bab/01.md")));
        assert!(is_source(root, out, Path::new("/p/maps/peta.yaml")));
        assert!(!is_source(root, out, Path::new("/p/maps/out/index.html")));
        assert!(!is_source(
            root,
            out,
            Path::new("/p/maps/.out.peta-new-12/a")
        ));
        assert!(!is_source(root, out, Path::new("/p/maps/.P1.peta.swp")));
        assert!(!is_source(root, out, Path::new("/p/maps/P1.peta~")));
        assert!(!is_source(root, out, Path::new("/p/maps/target/x")));
        assert!(!is_source(root, out, Path::new("/elsewhere/P1.peta")));
    }
}
