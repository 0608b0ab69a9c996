//! Where maps are written: `peta init`, `peta watch`, `peta serve`, `peta completions` and
//! `peta man`, through the real binary.

use crate::support::peta;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// Long enough for a loaded CI machine; the rebuild itself takes milliseconds.
const PATIENCE: Duration = Duration::from_secs(30);

#[test]
fn init_writes_a_project_that_checks_builds_and_is_formatted() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("buku baru");
    let run = peta(&["init", project.to_str().unwrap()], dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stderr.contains("7 berkas ditulis"), "{}", run.stderr);
    for name in [
        "peta.yaml",
        "buku.peta",
        "organisasi.peta",
        "P0.peta",
        "P2.peta",
    ] {
        assert!(project.join(name).is_file(), "{name}");
    }
    // Commented in Indonesian for the people who fill it in.
    let buku = std::fs::read_to_string(project.join("buku.peta")).unwrap();
    assert!(buku.starts_with("# Identitas buku"), "{buku}");

    let check = peta(&["check", "buku baru"], dir.path());
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
    assert!(check.stderr.contains("peta: 0 galat"), "{}", check.stderr);

    let fmt = peta(&["fmt", "--check", "buku baru"], dir.path());
    assert_eq!(fmt.status, 0, "{}{}", fmt.stdout, fmt.stderr);

    let build = peta(
        &["build", "buku baru", "--out", "buku baru/out"],
        dir.path(),
    );
    assert_eq!(build.status, 0, "{}", build.stderr);
    let index = std::fs::read_to_string(project.join("out/index.html")).unwrap();
    assert!(index.contains("Dinas Contoh Kota Contoh"));
    assert!(project.join("out/proses/P2.1.html").is_file());

    // A folder with anything in it is refused, and nothing in it changes.
    let again = peta(&["init", "buku baru"], dir.path());
    assert_eq!(again.status, 2);
    assert!(again.stderr.contains("is not empty"), "{}", again.stderr);
    assert_eq!(
        std::fs::read_to_string(project.join("buku.peta")).unwrap(),
        buku
    );
    let file = dir.path().join("berkas.txt");
    std::fs::write(&file, "x").unwrap();
    let on_file = peta(&["init", "berkas.txt"], dir.path());
    assert_eq!(on_file.status, 2, "{}", on_file.stderr);
}

#[test]
fn init_into_an_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let run = peta(&["init"], dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(dir.path().join("peta.yaml").is_file());
}

#[test]
fn completion_scripts_for_every_shell() {
    let dir = tempfile::tempdir().unwrap();
    let bash = peta(&["completions", "bash"], dir.path());
    assert_eq!(bash.status, 0);
    assert!(bash.stdout.contains("_peta()"), "{}", bash.stdout);
    for sub in ["check", "build", "lsp", "watch", "serve", "init", "man"] {
        assert!(bash.stdout.contains(sub), "{sub}");
    }
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let run = peta(&["completions", shell], dir.path());
        assert_eq!(run.status, 0, "{shell}");
        assert!(run.stdout.contains("lsp"), "{shell}: {}", run.stdout);
    }
    let bad = peta(&["completions", "cmd"], dir.path());
    assert_eq!(bad.status, 2);
}

#[test]
fn man_pages() {
    let dir = tempfile::tempdir().unwrap();
    let page = peta(&["man"], dir.path());
    assert_eq!(page.status, 0);
    assert!(page.stdout.contains(".TH peta 1"), "{}", page.stdout);
    assert!(page.stdout.contains("lsp"));
    let out = peta(&["man", "--out", "man"], dir.path());
    assert_eq!(out.status, 0, "{}", out.stderr);
    let check = std::fs::read_to_string(dir.path().join("man/peta-check.1")).unwrap();
    assert!(check.contains("\\-\\-format"), "{check}");
    assert!(dir.path().join("man/peta-watch.1").is_file());
    if Command::new("man").arg("--version").output().is_ok() {
        let shown = Command::new("man")
            .arg("-l")
            .arg(dir.path().join("man/peta.1"))
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "100")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&shown.stdout);
        assert!(text.contains("peta"), "{text}");
    }
}

/// A running `peta watch` or `peta serve`, with its stderr lines.
struct Watcher {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Watcher {
    fn start(args: &[&str], dir: &Path) -> Watcher {
        let mut child = Command::new(env!("CARGO_BIN_EXE_peta"))
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("peta runs");
        let stderr = child.stderr.take().unwrap();
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    return;
                }
            }
        });
        Watcher {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// The lines printed within `period`.
    fn lines_within(&mut self, period: Duration) -> Vec<String> {
        let deadline = Instant::now() + period;
        let mut lines = Vec::new();
        while let Ok(line) = self
            .lines
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            self.seen.push(line.clone());
            lines.push(line);
        }
        lines
    }

    /// Waits for a line containing `text` and returns it.
    fn wait_for(&mut self, text: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            match self
                .lines
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.contains(text) {
                        return line;
                    }
                }
                Err(_) => panic!("no line with `{text}`; saw:\n{}", self.seen.join("\n")),
            }
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn new_project(dir: &Path) {
    let run = peta(&["init", "proyek"], dir);
    assert_eq!(run.status, 0, "{}", run.stderr);
}

/// Saves a file the way editors do: the new text under a temporary name, then renamed over.
fn save(path: &Path, text: &str) {
    let temp = path.with_extension("peta.tmp-save");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

#[test]
fn watch_rebuilds_on_save_and_keeps_the_last_good_book() {
    let dir = tempfile::tempdir().unwrap();
    new_project(dir.path());
    let mut watch = Watcher::start(&["watch", "proyek", "--out", "buku"], dir.path());
    let first = watch.wait_for("buku diperbarui");
    assert!(first.starts_with("peta: 0 galat, 0 peringatan"), "{first}");
    watch.wait_for("mengawasi");
    // The build reads every source; reading is no change, so nothing is rebuilt until a save.
    let idle = watch.lines_within(Duration::from_millis(1500));
    assert!(idle.is_empty(), "rebuilt with no change: {idle:?}");
    let page = dir.path().join("buku/proses/P2.1.html");
    assert!(std::fs::read_to_string(&page)
        .unwrap()
        .contains("Menyiapkan informasi yang diminta"));

    // A save that breaks a map: the errors and the summary are printed, the book stays.
    let source = dir.path().join("proyek/P2.peta");
    let good = std::fs::read_to_string(&source).unwrap();
    save(
        &source,
        &good.replace("lanjut ke setujui", "lanjut ke setuju"),
    );
    let line = watch.wait_for("tetap berisi buku terakhir");
    assert!(line.starts_with("peta: 1 galat"), "{line}");
    assert!(
        watch.seen.iter().any(|l| l.contains("error[E107]")),
        "{:?}",
        watch.seen
    );
    assert!(page.is_file());

    // Fixed, with a new label: the book follows.
    save(
        &source,
        &good.replace(
            "Menyiapkan informasi yang diminta",
            "Menyiapkan salinan informasi",
        ),
    );
    watch.wait_for("buku diperbarui");
    assert!(std::fs::read_to_string(&page)
        .unwrap()
        .contains("Menyiapkan salinan informasi"));
}

/// One GET on the preview server: (status, body).
fn get(address: &str, path: &str) -> (u16, String) {
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn status(address: &str) -> serde_json::Value {
    serde_json::from_str(&get(address, "/__peta/status").1).unwrap()
}

/// The server's status once it says `ok`. A save is several file events; on a loaded machine
/// they can fall into two builds (one of the text before the rename), so the state is awaited
/// rather than read once after the first line.
fn status_becomes(address: &str, ok: bool) -> serde_json::Value {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let now = status(address);
        if now["ok"] == ok {
            return now;
        }
        assert!(
            Instant::now() < deadline,
            "status never became ok={ok}: {now}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_shows_the_book_with_live_reload_and_the_errors_instead_of_a_stale_book() {
    let dir = tempfile::tempdir().unwrap();
    new_project(dir.path());
    let mut serve = Watcher::start(
        &["serve", "proyek", "--out", "buku", "--port", "0"],
        dir.path(),
    );
    let line = serve.wait_for("http://127.0.0.1:");
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap()
        .to_string();
    serve.wait_for("buku diperbarui");

    let (code, index) = get(&address, "/");
    assert_eq!(code, 200);
    assert!(index.contains("Dinas Contoh Kota Contoh"));
    assert!(
        index.contains("/__peta/status"),
        "the page polls for rebuilds"
    );
    let figure = std::fs::read_dir(dir.path().join("buku/gambar"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.ends_with(".svg"))
        .expect("the book has figures");
    let (code, svg) = get(&address, &format!("/gambar/{figure}"));
    assert_eq!(code, 200);
    assert!(svg.contains("<svg"));
    assert_eq!(get(&address, "/../peta.yaml").0, 404);
    let before = status(&address);
    assert_eq!(before["ok"], true);

    let source = dir.path().join("proyek/P2.peta");
    let good = std::fs::read_to_string(&source).unwrap();
    save(
        &source,
        &good.replace("lanjut ke setujui", "lanjut ke setuju"),
    );
    serve.wait_for("tetap berisi buku terakhir");
    let broken = status_becomes(&address, false);
    assert_ne!(broken["version"], before["version"]);
    let (code, page) = get(&address, "/proses/P2.1.html");
    assert_eq!(code, 200);
    assert!(page.contains("error[E107]"), "{page}");
    assert!(page.contains("setuju"), "{page}");
    assert!(
        !page.contains("Menyiapkan informasi yang diminta"),
        "no stale book"
    );

    save(&source, &good);
    serve.wait_for("buku diperbarui");
    status_becomes(&address, true);
    let (_, page) = get(&address, "/proses/P2.1.html");
    assert!(page.contains("Menyiapkan informasi yang diminta"));
}
