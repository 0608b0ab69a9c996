//! Writing output so that nothing is lost: files are written beside their target and renamed
//! over it; the book's folder is built beside `out` and swapped in whole, and only a folder
//! peta wrote itself (it carries [`STAMP`]) is ever replaced.
//!
//! What a kill leaves: the swap is one `renameat2(RENAME_EXCHANGE)` on Linux, so `out` is the
//! old book or the new one at every instant. Where the OS has no exchange rename, the old
//! folder is moved aside first; a kill between the two renames leaves it under its aside name,
//! and the next run puts it back before doing anything else. Every run removes the staging and
//! retired folders earlier runs left.

use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// One file to write, its path relative to the output folder (what a renderer produced).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// The file that marks a folder as written by `peta build`, so a later build may replace it.
pub const STAMP: &str = ".peta-build";

/// What the stamp says to a person who opens it. Fixed text: the output stays byte-identical.
const STAMP_TEXT: &str =
    "Folder ini ditulis oleh `peta build` dan diganti utuh pada setiap pembangunan ulang.\n\
Jangan menyimpan berkas lain di sini.\n\
This folder was written by `peta build` and is replaced whole by every build.\n\
Do not keep other files in it.\n";

/// Writes `bytes` to `path` atomically (same-folder temp file, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = parent_of(path);
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.peta-tmp-{}", std::process::id()));
    let result = (|| -> Result<()> {
        let mut file = std::fs::File::create(&temp)
            .with_context(|| format!("cannot create `{}`", temp.display()))?;
        file.write_all(bytes)
            .with_context(|| format!("cannot write `{}`", temp.display()))?;
        file.sync_all().ok();
        std::fs::rename(&temp, path)
            .with_context(|| format!("cannot replace `{}`", path.display()))?;
        Ok(())
    })();
    if result.is_err() {
        std::fs::remove_file(&temp).ok();
    }
    result
}

/// Writes regenerable output files into `dir`, each atomically (temp file, rename), skipping
/// a file whose bytes are already there: it keeps its inode and mtime, and costs no write.
/// No file is flushed on its own; one flush of `dir` at the end makes the renames durable
/// (a crash can lose the newest output, which the next run writes again, never a source).
/// Returns the paths in the order of `files`.
pub fn write_generated(dir: &Path, files: &[OutputFile]) -> Result<Vec<PathBuf>> {
    use rayon::prelude::*;
    let written = files
        .par_iter()
        .map(|file| {
            let path = dir.join(&file.path);
            if !same_bytes(&path, &file.bytes) {
                write_unsynced(&path, &file.bytes)?;
            }
            Ok(path)
        })
        .collect::<Result<Vec<PathBuf>>>()?;
    sync_dir(dir);
    Ok(written)
}

/// Whether `path` is a plain file holding exactly `bytes` (read only when the length agrees).
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|old| old == bytes)
}

/// [`write_atomic`] without the flush: for output that can always be written again.
fn write_unsynced(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = parent_of(path);
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.peta-tmp-{}", std::process::id()));
    let result = std::fs::write(&temp, bytes)
        .with_context(|| format!("cannot write `{}`", temp.display()))
        .and_then(|()| {
            std::fs::rename(&temp, path)
                .with_context(|| format!("cannot replace `{}`", path.display()))
        });
    if result.is_err() {
        std::fs::remove_file(&temp).ok();
    }
    result
}

/// Flushes a folder's entries (the renames into it) to disk. Best effort: some file systems
/// cannot flush a folder, and the output can always be written again.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = std::fs::File::open(dir) {
        handle.sync_all().ok();
    }
}

/// The longest name peta builds a file name from as it is (a process code, in the book and
/// `peta render`): file systems refuse names over 255 bytes, and a 1,000-level hierarchy has
/// codes of 2,000.
const LONGEST_STEM: usize = 100;

/// A file name stem for `name`: the name itself, or when longer than [`LONGEST_STEM`] its
/// start and a hash of the whole (the same name always gives the same stem).
pub fn file_stem(name: &str) -> String {
    if name.len() <= LONGEST_STEM {
        return name.to_string();
    }
    // FNV-1a: small, stable across platforms and versions.
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let mut cut = 64;
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}~{hash:016x}", &name[..cut])
}

fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Makes `out` ready for [`Staging`], before any other work: puts back the book an
/// interrupted build left aside, then refuses a folder peta must not replace: one that is,
/// holds or sits inside one of `projects` (a project's own `out/` excepted, which peta never
/// reads sources from), a symbolic link, a file, or a non-empty folder without [`STAMP`].
pub fn prepare_out_dir(out: &Path, projects: &[PathBuf]) -> Result<()> {
    recover(out)?;
    let shown = out.display();
    let target = resolved(out)?;
    for project in projects {
        let root = resolved(project)?;
        let why = if target == root {
            "it is the project folder itself"
        } else if root.starts_with(&target) {
            "it holds the project"
        } else if target.starts_with(&root) && !target.starts_with(root.join("out")) {
            "it is inside the project (only the project's `out/` folder may hold the book)"
        } else {
            continue;
        };
        bail!(
            "refusing to write the book into `{shown}`: {why} `{}`, and peta build replaces its output folder whole; use `--out out` (the default) or a folder outside the project",
            project.display()
        );
    }
    let what_to_do = "choose a new or empty folder with `--out`, or the default `out`";
    match std::fs::symlink_metadata(out) {
        Ok(meta) if meta.file_type().is_symlink() => bail!(
            "`{shown}` is a symbolic link; peta build replaces its output folder whole and only replaces a real folder it wrote itself: give the folder itself with `--out`"
        ),
        Ok(meta) if !meta.is_dir() => {
            bail!("`{shown}` is not a folder (it is a file); {what_to_do}")
        }
        Ok(_) => {
            let stamped = std::fs::symlink_metadata(out.join(STAMP)).is_ok_and(|m| m.is_file());
            let empty = std::fs::read_dir(out)
                .with_context(|| format!("cannot read `{shown}`"))?
                .next()
                .is_none();
            if !stamped && !empty {
                bail!(
                    "`{shown}` is not empty and was not written by peta (it has no `{STAMP}` file); peta build replaces its output folder whole, so it will not delete this one: {what_to_do}, or move this folder away yourself"
                );
            }
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
        Err(err) => return Err(err).with_context(|| format!("cannot read `{shown}`")),
    }
    Ok(())
}

/// `path` made absolute with symbolic links resolved, also when its last parts do not exist
/// yet (they are taken as written, `..` removing the part before it).
fn resolved(path: &Path) -> Result<PathBuf> {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    let mut missing = Vec::new();
    let mut existing = path;
    loop {
        match std::fs::canonicalize(existing) {
            Ok(mut found) => {
                for part in missing.iter().rev() {
                    match part {
                        Component::ParentDir => {
                            found.pop();
                        }
                        Component::Normal(name) => found.push(name),
                        _ => {}
                    }
                }
                return Ok(found);
            }
            Err(_) => {
                let Some(last) = existing.components().next_back() else {
                    bail!("cannot resolve `{}`", path.display());
                };
                missing.push(last);
                existing = match existing.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                };
            }
        }
    }
}

/// Replaces the folder `out` with exactly `files` (paths relative to it) and the stamp:
/// everything is written into a sibling staging folder first, which then takes `out`'s
/// place. An interrupted or failed build leaves the previous `out` as it was.
pub fn replace_dir(out: &Path, files: &[OutputFile]) -> Result<()> {
    let staging = Staging::new(out)?;
    staging.write(Path::new(""), files)?;
    staging.commit()
}

/// A folder being built beside `out`, swapped in whole by [`Staging::commit`] and removed if
/// dropped before that.
pub struct Staging {
    out: PathBuf,
    /// `out` resolved, when it is a folder an earlier build wrote: unchanged files are taken
    /// over from it.
    previous: Option<PathBuf>,
    dir: PathBuf,
    retired: PathBuf,
    committed: bool,
}

/// The names of a run's staging and retired folders beside `out`: `.NAME.peta-new-PID`,
/// `.NAME.peta-old-PID`.
fn sibling(out: &Path, kind: &str, pid: u32) -> PathBuf {
    parent_of(out).join(format!(".{}.peta-{kind}-{pid}", base_name(out)))
}

fn base_name(out: &Path) -> String {
    out.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".to_string())
}

/// Whether the process that named a leftover folder may still be writing it.
fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        false
    }
}

/// Puts back the `out` an interrupted swap left aside, and removes the staging and retired
/// folders of earlier runs that are no longer running.
fn recover(out: &Path) -> Result<()> {
    let prefix = format!(".{}.peta-", base_name(out));
    let Ok(entries) = std::fs::read_dir(parent_of(out)) else {
        return Ok(());
    };
    let mut stale: Vec<(String, u32, PathBuf)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let (kind, pid) = name.strip_prefix(&prefix)?.split_once('-')?;
            let pid: u32 = pid.parse().ok()?;
            (matches!(kind, "new" | "old") && !alive(pid))
                .then(|| (kind.to_string(), pid, e.path()))
        })
        .collect();
    stale.sort();
    if std::fs::symlink_metadata(out).is_err() {
        if let Some((_, _, aside)) = stale.iter().find(|(kind, _, _)| kind == "old") {
            std::fs::rename(aside, out).with_context(|| {
                format!(
                    "cannot put back `{}` (an interrupted build left it as `{}`)",
                    out.display(),
                    aside.display()
                )
            })?;
            eprintln!(
                "peta build: restored `{}`, which an interrupted build had left aside",
                out.display()
            );
        }
    }
    for (_, _, path) in stale {
        if path.exists() {
            std::fs::remove_dir_all(&path)
                .with_context(|| format!("cannot remove the leftover `{}`", path.display()))?;
        }
    }
    Ok(())
}

/// Test hook: the process stops dead (as a kill would stop it) when `PETA_TEST_KILL` names
/// this point. Only in debug builds, which the integration tests run.
fn kill_point(point: &str) {
    if cfg!(debug_assertions) && std::env::var("PETA_TEST_KILL").is_ok_and(|p| p == point) {
        std::process::exit(137);
    }
}

fn forced_two_renames() -> bool {
    cfg!(debug_assertions)
        && std::env::var("PETA_TEST_KILL")
            .is_ok_and(|p| p == "between-renames" || p == "after-swap")
}

/// Exchanges two existing folders in one step, where the OS can. `Ok(false)` when it cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> Result<bool> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        // Filesystems and kernels without RENAME_EXCHANGE.
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => Ok(false),
        Err(e) => Err(std::io::Error::from(e))
            .with_context(|| format!("cannot swap `{}` into place", b.display())),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> Result<bool> {
    Ok(false)
}

impl Staging {
    /// Starts a staging folder beside `out`, after putting back an `out` that an interrupted
    /// run left aside and removing earlier runs' leftovers. The caller has checked `out` with
    /// [`prepare_out_dir`].
    pub fn new(out: &Path) -> Result<Staging> {
        let parent = parent_of(out);
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create `{}`", parent.display()))?;
        recover(out)?;
        let dir = sibling(out, "new", std::process::id());
        let retired = sibling(out, "old", std::process::id());
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create `{}`", dir.display()))?;
        let previous = std::fs::symlink_metadata(out.join(STAMP))
            .is_ok_and(|m| m.is_file())
            .then(|| std::fs::canonicalize(out).ok())
            .flatten();
        Ok(Staging {
            out: out.to_path_buf(),
            previous,
            dir,
            retired,
            committed: false,
        })
    }

    /// Writes files under `prefix` in the staging folder (safe to call from several threads).
    pub fn write(&self, prefix: &Path, files: &[OutputFile]) -> Result<()> {
        for file in files {
            self.put(&prefix.join(&file.path), &file.bytes)?;
        }
        Ok(())
    }

    /// Puts one file at `relative` in the staging folder: the previous build's file when its
    /// bytes are the same, else a new one.
    fn put(&self, relative: &Path, bytes: &[u8]) -> Result<()> {
        let path = self.dir.join(relative);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create `{}`", dir.display()))?;
        }
        if self.take_over(relative, &path, bytes) {
            return Ok(());
        }
        std::fs::write(&path, bytes).with_context(|| format!("cannot write `{}`", path.display()))
    }

    /// Links the previous build's file at `relative` into the staging folder when it holds
    /// exactly `bytes`, so an unchanged rebuild rewrites no file: each keeps its inode and
    /// mtime (watchers, rsync and the page cache see nothing change). Only a plain file that
    /// really lies inside the previous book is taken over, never one a link leads elsewhere.
    fn take_over(&self, relative: &Path, staged: &Path, bytes: &[u8]) -> bool {
        let Some(previous) = &self.previous else {
            return false;
        };
        let old = previous.join(relative);
        same_bytes(&old, bytes)
            && std::fs::canonicalize(&old).is_ok_and(|real| real.starts_with(previous))
            && std::fs::hard_link(&old, staged).is_ok()
    }

    /// Stamps the staging folder and swaps it in for `out`.
    pub fn commit(mut self) -> Result<()> {
        self.put(Path::new(STAMP), STAMP_TEXT.as_bytes())?;
        // The files need no flush of their own (the book can always be built again); the
        // flushes of the staging folder and, after the swap, of its parent make the swap
        // durable.
        sync_dir(&self.dir);
        kill_point("staging-written");
        let exists = std::fs::symlink_metadata(&self.out).is_ok();
        if !exists {
            std::fs::rename(&self.dir, &self.out)
                .with_context(|| format!("cannot create `{}`", self.out.display()))?;
        } else if !forced_two_renames() && exchange(&self.dir, &self.out)? {
            // The old book now sits in the staging folder's place.
            self.committed = true;
            sync_dir(parent_of(&self.out));
            kill_point("after-exchange");
            let _ = std::fs::remove_dir_all(&self.dir);
            return Ok(());
        } else {
            std::fs::rename(&self.out, &self.retired)
                .with_context(|| format!("cannot move `{}` aside", self.out.display()))?;
            kill_point("between-renames");
            if let Err(err) = std::fs::rename(&self.dir, &self.out) {
                // Put the previous output back before reporting.
                let _ = std::fs::rename(&self.retired, &self.out);
                return Err(err)
                    .with_context(|| format!("cannot replace `{}`", self.out.display()));
            }
            kill_point("after-swap");
        }
        self.committed = true;
        sync_dir(parent_of(&self.out));
        let _ = std::fs::remove_dir_all(&self.retired);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Writes a set of files into `dir` all or nothing: every file is written into a staging
/// folder inside `dir` first; then each replaces its target, the targets it replaces being
/// kept aside until all are in place, and put back if any step fails.
pub fn write_all_or_nothing(dir: &Path, files: &[(PathBuf, String)]) -> Result<()> {
    write_all_or_nothing_failing(dir, files, None)
}

/// [`write_all_or_nothing`], failing (for the tests) before the `fail_at`-th file moves in.
fn write_all_or_nothing_failing(
    dir: &Path,
    files: &[(PathBuf, String)],
    fail_at: Option<usize>,
) -> Result<()> {
    for (name, _) in files {
        let target = dir.join(name);
        if std::fs::symlink_metadata(&target).is_ok_and(|m| !m.is_file()) {
            bail!(
                "`{}` exists and is not a plain file; move it away first",
                target.display()
            );
        }
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    // What an interrupted import left: its staging folder (nothing of it was moved in yet, or
    // the files it kept aside, which it had replaced).
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = name
            .strip_prefix(".peta-import-")
            .and_then(|p| p.parse().ok());
        if pid.is_some_and(|pid| !alive(pid)) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    let staging = dir.join(format!(".peta-import-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir(&staging)
        .with_context(|| format!("cannot create `{}`", staging.display()))?;
    let result = (|| -> Result<()> {
        for (i, (_, text)) in files.iter().enumerate() {
            let path = staging.join(format!("new-{i}"));
            let mut file = std::fs::File::create(&path)
                .with_context(|| format!("cannot create `{}`", path.display()))?;
            file.write_all(text.as_bytes())
                .and_then(|()| file.sync_all())
                .with_context(|| format!("cannot write `{}`", path.display()))?;
        }
        // (target, where its previous content was kept, if it had one)
        let mut done: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
        let mut moved = || -> Result<()> {
            for (i, (target, _)) in files.iter().enumerate() {
                let target = dir.join(target);
                let kept = staging.join(format!("old-{i}"));
                let had = std::fs::symlink_metadata(&target).is_ok();
                if had {
                    std::fs::rename(&target, &kept)
                        .with_context(|| format!("cannot replace `{}`", target.display()))?;
                }
                done.push((target.clone(), had.then_some(kept)));
                if fail_at == Some(i) {
                    bail!("injected failure before `{}`", target.display());
                }
                std::fs::rename(staging.join(format!("new-{i}")), &target)
                    .with_context(|| format!("cannot write `{}`", target.display()))?;
            }
            Ok(())
        };
        let outcome = moved();
        if outcome.is_err() {
            for (target, kept) in done.iter().rev() {
                let _ = std::fs::remove_file(target);
                if let Some(kept) = kept {
                    let _ = std::fs::rename(kept, target);
                }
            }
        }
        outcome
    })();
    let _ = std::fs::remove_dir_all(&staging);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.peta");
        write_atomic(&target, b"one").unwrap();
        write_atomic(&target, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_failure_midway_puts_every_file_back() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.peta"), "lama a").unwrap();
        std::fs::write(dir.path().join("c.peta"), "lama c").unwrap();
        let files: Vec<(PathBuf, String)> = ["a.peta", "b.peta", "c.peta"]
            .iter()
            .map(|n| (PathBuf::from(n), format!("baru {n}")))
            .collect();
        let before = |name: &str| std::fs::read_to_string(dir.path().join(name)).ok();
        for fail_at in 0..3 {
            assert!(write_all_or_nothing_failing(dir.path(), &files, Some(fail_at)).is_err());
            assert_eq!(before("a.peta").as_deref(), Some("lama a"));
            assert_eq!(before("b.peta"), None);
            assert_eq!(before("c.peta").as_deref(), Some("lama c"));
            assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        }
        // A dead import's staging folder goes too.
        std::fs::create_dir(dir.path().join(".peta-import-4194305")).unwrap();
        write_all_or_nothing(dir.path(), &files).unwrap();
        assert_eq!(before("b.peta").as_deref(), Some("baru b.peta"));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
    }

    #[test]
    fn file_stems_stay_short_and_distinct() {
        assert_eq!(file_stem("P1.2.1"), "P1.2.1");
        let deep = format!("P1{}", ".1".repeat(1000));
        let deeper = format!("P1{}", ".1".repeat(1001));
        assert!(file_stem(&deep).len() < 100);
        assert!(file_stem(&deep).starts_with("P1.1.1"));
        assert_ne!(file_stem(&deep), file_stem(&deeper));
        assert_eq!(file_stem(&deep), file_stem(&deep.clone()));
    }

    #[test]
    fn resolves_paths_whose_end_does_not_exist_yet() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir(root.join("a")).unwrap();
        assert_eq!(resolved(&root.join("a/b/c")).unwrap(), root.join("a/b/c"));
        assert_eq!(resolved(&root.join("a/x/../y")).unwrap(), root.join("a/y"));
        assert_eq!(resolved(&root.join("a/..")).unwrap(), root);
    }

    #[test]
    fn the_swap_replaces_the_folder_and_leaves_nothing_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        for round in ["one", "two"] {
            let staging = Staging::new(&out).unwrap();
            staging
                .write(
                    Path::new(""),
                    &[OutputFile {
                        path: PathBuf::from(format!("{round}.html")),
                        bytes: round.as_bytes().to_vec(),
                    }],
                )
                .unwrap();
            staging.commit().unwrap();
        }
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [STAMP, "two.html"]);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn leftovers_of_dead_runs_are_removed_and_a_book_left_aside_is_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        // A pid that cannot be running: above the kernel's maximum.
        let dead = 4_194_305;
        std::fs::create_dir_all(sibling(&out, "old", dead)).unwrap();
        std::fs::write(sibling(&out, "old", dead).join("index.html"), "lama").unwrap();
        std::fs::create_dir_all(sibling(&out, "new", dead)).unwrap();
        recover(&out).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "lama"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
