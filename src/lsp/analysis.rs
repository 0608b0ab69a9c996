//! One project as the server sees it: the same load → parse → compile → check as `peta check`
//! (`pipeline::compile_loaded` and `pipeline::lint`), with the editor's unsaved buffers read
//! in place of the files on disk, plus each file's syntax tree and an index of every name
//! written in it for hover, navigation and rename.

use super::convert;
use super::index::Index;
use crate::diagnostic::Lang;
use crate::pipeline::{self, Compiled};
use crate::project::{self, SETTINGS_FILE};
use crate::source::{FileId, SourceFile, Span};
use crate::syntax::{self, ast};
use anyhow::Result;
use lsp_types::{Location, Range, Uri};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct Analysis {
    pub compiled: Compiled,
    /// The syntax tree of each `.peta` file, lines kept, by `FileId` (none for `peta.yaml`
    /// or a file that is not text).
    pub trees: BTreeMap<FileId, ast::File>,
    pub index: Index,
    pub lang: Lang,
}

/// The project a file belongs to: the nearest folder above it with a `peta.yaml`, as
/// `peta check` there would read it; a file with none above it is a project of its own.
pub fn project_of(file: &Path) -> PathBuf {
    file.ancestors()
        .skip(1)
        .find(|dir| dir.join(SETTINGS_FILE).is_file())
        .map_or_else(|| file.to_path_buf(), Path::to_path_buf)
}

impl Analysis {
    /// Checks the project at `root` (a folder or a lone file), reading `overlay` texts in place
    /// of the files at those paths.
    pub fn run(root: &Path, overlay: &BTreeMap<PathBuf, String>) -> Result<Analysis> {
        let loaded = project::load_overlaid(root, overlay)?;
        let mut compiled = pipeline::compile_loaded(loaded);
        pipeline::lint(&mut compiled);
        let lang = compiled.lang(None);
        let trees: BTreeMap<FileId, ast::File> = compiled
            .project
            .files
            .iter()
            .map(|&id| (id, syntax::parse(compiled.project.sources.get(id)).0))
            .collect();
        let index = Index::build(&compiled.book, trees.values(), &compiled.project.sources);
        Ok(Analysis {
            compiled,
            trees,
            index,
            lang,
        })
    }

    pub fn source(&self, id: FileId) -> &SourceFile {
        self.compiled.project.sources.get(id)
    }

    /// The file read from `path`, if the project has it.
    pub fn file_at(&self, path: &Path) -> Option<FileId> {
        self.compiled
            .project
            .sources
            .files()
            .iter()
            .find(|f| f.path.as_deref() == Some(path))
            .map(|f| f.id)
    }

    pub fn uri(&self, id: FileId) -> Option<Uri> {
        self.source(id).path.as_deref().map(convert::uri)
    }

    pub fn range(&self, span: Span) -> Range {
        convert::range(&self.source(span.file).text, span.start, span.end)
    }

    pub fn location(&self, span: Span) -> Option<Location> {
        Some(Location::new(self.uri(span.file)?, self.range(span)))
    }

    /// Every file a diagnostic can be published on: the sources and `peta.yaml`.
    pub fn uris(&self) -> Vec<Uri> {
        self.compiled
            .project
            .sources
            .files()
            .iter()
            .filter_map(|f| f.path.as_deref().map(convert::uri))
            .collect()
    }

    /// The settings file's id, where problems of the project as a whole are shown.
    pub fn settings_file(&self) -> Option<FileId> {
        self.compiled
            .project
            .sources
            .files()
            .iter()
            .find(|f| f.name == SETTINGS_FILE)
            .map(|f| f.id)
    }

    /// The process block of `file` whose lines hold `offset`: the last `proses` line at or
    /// before it (a block runs until the next `proses`, whatever the indentation).
    pub fn process_at(&self, file: FileId, offset: usize) -> Option<&ast::ProcessBlock> {
        let tree = self.trees.get(&file)?;
        let block = tree
            .processes
            .iter()
            .take_while(|p| p.span.start <= offset)
            .last()?;
        // A later unit, book or relation line closes the process.
        let closed = tree
            .units
            .iter()
            .map(|u| u.span.start)
            .chain(tree.books.iter().map(|b| b.span.start))
            .chain(tree.relations.iter().map(|r| r.span.start))
            .any(|start| start > block.span.start && start <= offset);
        (!closed).then_some(block)
    }
}

/// A project on disk made of `files` (with a `peta.yaml`), checked: for the features' tests.
#[cfg(test)]
pub fn checked(files: &[(&str, &str)]) -> (tempfile::TempDir, Analysis) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join(SETTINGS_FILE), "lang: id\n").expect("peta.yaml");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("a source file");
    }
    let analysis = Analysis::run(dir.path(), &BTreeMap::new()).expect("the project loads");
    (dir, analysis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlays_replace_the_files_on_disk() {
        let (dir, analysis) = checked(&[("a.peta", "unit kadis: Kepala Dinas\n")]);
        assert!(analysis.compiled.book.unit("kadis").is_some());
        let overlay = BTreeMap::from([(
            dir.path().join("a.peta"),
            "unit sekretariat: Sekretariat\n".to_string(),
        )]);
        let edited = Analysis::run(dir.path(), &overlay).unwrap();
        assert!(edited.compiled.book.unit("kadis").is_none());
        assert!(edited.compiled.book.unit("sekretariat").is_some());
    }

    #[test]
    fn a_file_belongs_to_the_nearest_folder_with_peta_yaml() {
        let (dir, _) = checked(&[]);
        std::fs::create_dir(dir.path().join("bab")).unwrap();
        let file = dir.path().join("bab/x.peta");
        assert_eq!(project_of(&file), dir.path());
        let lone = Path::new("/nonexistent-peta-folder/x.peta");
        assert_eq!(project_of(lone), lone);
    }
}
