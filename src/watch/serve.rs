//! The preview server of `peta serve`: the book's files from `out` on 127.0.0.1 only
//! (`tiny_http`, one small thread, no other machine can reach it), each page carrying a small
//! script that polls `/__peta/status` and reloads when a rebuild lands. While the maps do not
//! build, every page is replaced by the current errors, so nobody reviews a stale book.

use super::Outcome;
use anyhow::{anyhow, Result};
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

/// What the last rebuild left, as the pages show it.
#[derive(Debug, Default)]
pub struct State {
    /// Counts rebuilds; a page reloads when it changes.
    pub version: u64,
    pub summary: String,
    /// The problems that keep the book from being built (plain text); empty when it built.
    pub errors: String,
}

impl State {
    pub fn record(&mut self, outcome: &Outcome) {
        self.version += 1;
        self.summary = outcome.summary.clone();
        self.errors = if outcome.written {
            String::new()
        } else {
            outcome.blocking.clone()
        };
    }
}

/// The path under `/__peta/` that answers the reload script.
pub const STATUS_PATH: &str = "/__peta/status";

/// Starts serving `out` on 127.0.0.1:`port` (0 picks a free port) in a background thread and
/// returns the address.
pub fn start(out: PathBuf, state: Arc<Mutex<State>>, port: u16) -> Result<SocketAddr> {
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| anyhow!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let address = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| anyhow!("the server has no IP address"))?;
    std::thread::Builder::new()
        .name("peta serve".into())
        .spawn(move || {
            for request in server.incoming_requests() {
                let response = {
                    let state = state.lock().unwrap_or_else(|e| e.into_inner());
                    respond(&out, &state, request.url())
                };
                let _ = request.respond(response);
            }
        })?;
    Ok(address)
}

type Response = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("fixed header names and values are valid")
}

fn reply(status: u16, content_type: &str, body: Vec<u8>) -> Response {
    tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"))
}

/// The answer to a GET of `url`.
pub fn respond(out: &Path, state: &State, url: &str) -> Response {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path == STATUS_PATH {
        let body = format!(
            "{{\"version\":{},\"ok\":{}}}",
            state.version,
            state.errors.is_empty()
        );
        return reply(200, "application/json", body.into_bytes());
    }
    let Some(file) = file_for(out, path) else {
        return reply(404, "text/plain; charset=utf-8", b"not found\n".to_vec());
    };
    let is_page = file.extension().is_some_and(|e| e == "html");
    if is_page && !state.errors.is_empty() {
        return reply(
            200,
            "text/html; charset=utf-8",
            error_page(state).into_bytes(),
        );
    }
    match std::fs::read(&file) {
        Ok(bytes) if is_page => {
            let page = with_reload(&String::from_utf8_lossy(&bytes), state.version);
            reply(200, "text/html; charset=utf-8", page.into_bytes())
        }
        Ok(bytes) => reply(200, content_type(&file), bytes),
        Err(_) if is_page && !out.join("index.html").is_file() => {
            // No book was ever built here: say why instead of a bare 404.
            reply(
                200,
                "text/html; charset=utf-8",
                error_page(state).into_bytes(),
            )
        }
        Err(_) => reply(404, "text/plain; charset=utf-8", b"not found\n".to_vec()),
    }
}

/// The file of `out` a URL path names; `None` for anything that would leave `out`.
fn file_for(out: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(path)?;
    let relative = decoded.trim_start_matches('/');
    let mut file = out.to_path_buf();
    for component in Path::new(relative).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if relative.is_empty() || relative.ends_with('/') || file.is_dir() {
        file.push("index.html");
    }
    Some(file)
}

fn percent_decode(text: &str) -> Option<String> {
    let raw = text.as_bytes();
    let mut bytes = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'%' && i + 2 < raw.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            let (high, low) = (hex(raw[i + 1])?, hex(raw[i + 2])?);
            bytes.push((high * 16 + low) as u8);
            i += 3;
        } else {
            bytes.push(raw[i]);
            i += 1;
        }
    }
    String::from_utf8(bytes).ok()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "pdf" => "application/pdf",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

/// The script that reloads the page when a rebuild lands.
fn reload_script(version: u64) -> String {
    format!(
        "<script>/* peta serve: live reload */(function(){{var v={version};\
function poll(){{fetch('{STATUS_PATH}',{{cache:'no-store'}}).then(function(r){{return r.json()}})\
.then(function(s){{if(s.version!==v){{location.reload()}}else{{setTimeout(poll,300)}}}})\
.catch(function(){{setTimeout(poll,1000)}})}}setTimeout(poll,300)}})();</script>"
    )
}

/// A page of the book with the reload script before `</body>`.
fn with_reload(page: &str, version: u64) -> String {
    let script = reload_script(version);
    match page.rfind("</body>") {
        Some(at) => format!("{}{script}{}", &page[..at], &page[at..]),
        None => format!("{page}{script}"),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The page shown in place of the book while the maps do not build.
fn error_page(state: &State) -> String {
    let errors = if state.errors.is_empty() {
        "buku belum dibangun / the book has not been built yet".to_string()
    } else {
        state.errors.clone()
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><title>peta: galat</title>\
<style>body{{font-family:sans-serif;margin:2em;background:#fff8f6;color:#222}}\
h1{{color:#b3261e;font-size:1.4em}}pre{{background:#fff;border:1px solid #e0b4b0;padding:1em;\
white-space:pre-wrap;font-size:14px;line-height:1.4}}</style></head><body>\
<h1>Peta belum dapat dibangun</h1><p>{}</p><pre class=\"peta-errors\">{}</pre>\
<p>Halaman ini dimuat ulang sendiri setelah galat diperbaiki dan berkas disimpan.</p>{}</body></html>\n",
        escape(&state.summary),
        escape(&errors),
        reload_script(state.version)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_never_leave_the_output_folder() {
        let out = Path::new("/tmp/peta-out-test-does-not-exist");
        assert_eq!(file_for(out, "/"), Some(out.join("index.html")));
        assert_eq!(
            file_for(out, "/proses/P1.2.1.html"),
            Some(out.join("proses/P1.2.1.html"))
        );
        assert_eq!(file_for(out, "/../etc/passwd"), None);
        assert_eq!(file_for(out, "/%2e%2e/etc/passwd"), None);
        assert_eq!(
            file_for(out, "/gambar/a%20b.svg"),
            Some(out.join("gambar/a b.svg"))
        );
    }

    #[test]
    fn pages_get_the_reload_script_before_the_body_ends() {
        let page = with_reload("<html><body><p>x</p></body></html>", 7);
        assert!(page.contains("var v=7;"));
        assert!(page.ends_with("</script></body></html>"));
    }

    #[test]
    fn errors_replace_every_page_and_are_escaped() {
        let state = State {
            version: 3,
            summary: "peta: 1 galat".into(),
            errors: "error[E107]: <langkah> & lain".into(),
        };
        let response = respond(Path::new("/nonexistent"), &state, "/index.html");
        assert_eq!(response.status_code().0, 200);
        let page = error_page(&state);
        assert!(page.contains("&lt;langkah&gt; &amp; lain"));
        assert!(page.contains("var v=3;"));
    }
}
