//! Writing files so that an interrupted run never leaves a half-written one: each file is
//! written beside its target under a temporary name, flushed, then renamed over it.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically (same-folder temp file, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
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

/// Replaces the folder `out` with exactly `files` (paths relative to it): everything is
/// written into a sibling temporary folder first, which then takes `out`'s place. An
/// interrupted or failed build leaves the previous `out` as it was.
pub fn replace_dir(out: &Path, files: &[crate::render::OutputFile]) -> Result<()> {
    let staging = Staging::new(out)?;
    staging.write(Path::new(""), files)?;
    staging.commit()
}

/// A folder being built beside `out`, swapped in whole by [`Staging::commit`] and removed if
/// dropped before that.
pub struct Staging {
    out: std::path::PathBuf,
    dir: std::path::PathBuf,
    retired: std::path::PathBuf,
    committed: bool,
}

impl Staging {
    pub fn new(out: &Path) -> Result<Staging> {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create `{}`", parent.display()))?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "out".to_string());
        let dir = parent.join(format!(".{name}.peta-new-{}", std::process::id()));
        let retired = parent.join(format!(".{name}.peta-old-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create `{}`", dir.display()))?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            retired,
            committed: false,
        })
    }

    /// Writes files under `prefix` in the staging folder (safe to call from several threads).
    pub fn write(&self, prefix: &Path, files: &[crate::render::OutputFile]) -> Result<()> {
        for file in files {
            let path = self.dir.join(prefix).join(&file.path);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create `{}`", dir.display()))?;
            }
            std::fs::write(&path, &file.bytes)
                .with_context(|| format!("cannot write `{}`", path.display()))?;
        }
        Ok(())
    }

    /// Swaps the staging folder in for `out`.
    pub fn commit(mut self) -> Result<()> {
        if self.out.exists() {
            std::fs::rename(&self.out, &self.retired)
                .with_context(|| format!("cannot move `{}` aside", self.out.display()))?;
        }
        if let Err(err) = std::fs::rename(&self.dir, &self.out) {
            // Put the previous output back before reporting.
            let _ = std::fs::rename(&self.retired, &self.out);
            return Err(err).with_context(|| format!("cannot replace `{}`", self.out.display()));
        }
        self.committed = true;
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
}
