//! A progress bar for runs over many books (`peta check` and `peta build` on a folder of
//! books). It is drawn on standard error only when that is a terminal, `CI` is not set and
//! the terminal is not `dumb`: CI logs and piped output never see it.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Counts finished books; safe to tick from several threads. Hidden unless [`shown`].
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar over `books` books, labelled `what` ("memeriksa", "checking", ...). One book
    /// finishes too fast to need one.
    pub fn new(books: usize, what: &str) -> Progress {
        Progress::when(shown() && books > 1, books, what)
    }

    /// A progress that draws nothing (tests, library callers).
    pub fn hidden() -> Progress {
        Progress { bar: None }
    }

    fn when(visible: bool, books: usize, what: &str) -> Progress {
        if !visible {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(
            Some(books as u64),
            ProgressDrawTarget::stderr_with_hz(10),
        );
        let style = ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.set_message(what.to_string());
        Progress { bar: Some(bar) }
    }

    pub fn is_visible(&self) -> bool {
        self.bar.is_some()
    }

    /// One more book done.
    pub fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }
}

impl Drop for Progress {
    /// The bar leaves no trace: the report printed after it starts on a clean line.
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Whether a bar may be drawn: standard error is a terminal, not a CI log, not `TERM=dumb`.
pub fn shown() -> bool {
    allowed(
        std::io::stderr().is_terminal(),
        std::env::var_os("CI").is_some(),
        std::env::var("TERM").ok().as_deref(),
    )
}

fn allowed(terminal: bool, ci: bool, term: Option<&str>) -> bool {
    terminal && !ci && term != Some("dumb")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_on_an_interactive_terminal() {
        assert!(allowed(true, false, Some("xterm-256color")));
        assert!(allowed(true, false, None));
        assert!(!allowed(false, false, Some("xterm")), "piped or redirected");
        assert!(
            !allowed(true, true, Some("xterm")),
            "a CI log, even through a pty"
        );
        assert!(!allowed(true, false, Some("dumb")));
    }

    #[test]
    fn a_hidden_progress_draws_nothing_and_ticks_safely() {
        let progress = Progress::when(false, 10, "memeriksa");
        assert!(!progress.is_visible());
        progress.tick();
        let visible = Progress::when(true, 3, "memeriksa");
        assert!(visible.is_visible());
        visible.tick();
    }
}
