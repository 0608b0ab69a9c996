//! Writing output cheaply: an unchanged rebuild rewrites no file (each keeps its inode and
//! mtime), and a changed source rewrites only the files whose bytes change. The swap of the
//! whole folder stays atomic (safety.rs).

use crate::support::*;
use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// (inode, mtime in ns) of every file under `dir`, by relative path.
fn identities(dir: &Path) -> BTreeMap<PathBuf, (u64, i128)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let meta = e.metadata().unwrap();
            let mtime = i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec());
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                (meta.ino(), mtime),
            )
        })
        .collect()
}

fn project_copy(dir: &Path) -> PathBuf {
    let project = dir.join("proyek");
    std::fs::create_dir(&project).unwrap();
    for entry in std::fs::read_dir(fixtures().join("project")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), project.join(entry.file_name())).unwrap();
    }
    project
}

/// The files whose identity changed between two listings (or that appeared or went).
fn rewritten(
    before: &BTreeMap<PathBuf, (u64, i128)>,
    after: &BTreeMap<PathBuf, (u64, i128)>,
) -> Vec<PathBuf> {
    let mut changed: Vec<PathBuf> = after
        .iter()
        .filter(|(path, id)| before.get(*path) != Some(id))
        .map(|(path, _)| path.clone())
        .collect();
    changed.extend(before.keys().filter(|p| !after.contains_key(*p)).cloned());
    changed
}

#[test]
fn an_unchanged_rebuild_rewrites_no_file_and_a_change_only_what_it_touches() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_copy(dir.path());
    let out = dir.path().join("buku");
    let build = || {
        let run = peta(&["build", ".", "--out", out.to_str().unwrap()], &project);
        assert!(run.status <= 1, "{}", run.stderr);
    };
    build();
    let first = identities(&out);
    assert!(first.len() > 10, "{first:?}");
    std::thread::sleep(std::time::Duration::from_millis(20));
    build();
    let second = identities(&out);
    assert_eq!(rewritten(&first, &second), Vec::<PathBuf>::new());

    // One label changes: its map's pages change, the stylesheet, the stamp and the rest stay.
    let source = project.join("P1.peta");
    let text = std::fs::read_to_string(&source).unwrap();
    let edited = text.replace(
        "Mengarsipkan surat masuk",
        "Mengarsipkan surat masuk dan lampirannya",
    );
    assert_ne!(edited, text);
    std::fs::write(&source, edited).unwrap();
    build();
    let third = identities(&out);
    let changed = rewritten(&second, &third);
    assert!(!changed.is_empty());
    assert!(changed.len() < third.len() / 2, "{changed:?}");
    assert!(
        !changed.iter().any(|p| p.ends_with(".peta-build")),
        "{changed:?}"
    );
    assert!(
        changed
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "svg")),
        "{changed:?}"
    );
}

#[test]
fn render_leaves_unchanged_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_copy(dir.path());
    let out = dir.path().join("gambar");
    let render = || {
        let run = peta(
            &[
                "render",
                ".",
                "--format",
                "svg",
                "--out",
                out.to_str().unwrap(),
            ],
            &project,
        );
        assert_eq!(run.status, 0, "{}", run.stderr);
    };
    render();
    let first = identities(&out);
    assert!(!first.is_empty());
    std::thread::sleep(std::time::Duration::from_millis(20));
    render();
    assert_eq!(rewritten(&first, &identities(&out)), Vec::<PathBuf>::new());
    // No temporary file is left beside them.
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), first.len());
}
