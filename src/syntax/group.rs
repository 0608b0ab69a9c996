//! Grouping: each statement joins the block its keyword belongs to, so a mis-indented line
//! keeps its meaning; a line that fits no open block is an error.
//!
//! Indentation decides one thing only: below a step, a line that both the step and its
//! process accept (`keluaran`, `catatan`, `abaikan`) is the step's when it is indented under
//! the step line, and an error otherwise — never silently the one or the other.

use super::ast::*;
use crate::diagnostic::{Diagnostic, Text};
use crate::source::Span;
use crate::suggest::closest;

/// The blocks a field can belong to, with the keys each accepts and whether a key may repeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Book,
    Signatory,
    Unit,
    Process,
    Step,
    /// `sop` under a process.
    Sop,
}

pub struct KeySpec {
    pub key: &'static str,
    pub repeats: bool,
    pub meaning_id: &'static str,
    pub meaning_en: &'static str,
}

const fn key(
    key: &'static str,
    repeats: bool,
    meaning_id: &'static str,
    meaning_en: &'static str,
) -> KeySpec {
    KeySpec {
        key,
        repeats,
        meaning_id,
        meaning_en,
    }
}

pub const BOOK_KEYS: &[KeySpec] = &[
    key(
        "instansi",
        false,
        "nama lengkap instansi",
        "full name of the agency",
    ),
    key(
        "singkatan",
        false,
        "nama singkat instansi",
        "short name of the agency",
    ),
    key(
        "kota",
        false,
        "kota/kabupaten instansi",
        "city or regency of the agency",
    ),
    key("judul", false, "judul buku", "title of the book"),
    key("tahun", false, "tahun buku", "year of the book"),
    key("versi", false, "versi dokumen", "document version"),
    key(
        "status",
        false,
        "status pengesahan: draf atau sah",
        "approval status: draf or sah",
    ),
    key(
        "tanggal",
        false,
        "tanggal pengesahan (2023-02-03 atau 03 Februari 2023)",
        "approval date (2023-02-03 or 03 Februari 2023)",
    ),
    key(
        "tempat",
        false,
        "tempat penandatanganan",
        "place of signing",
    ),
];

pub const SIGNATORY_KEYS: &[KeySpec] = &[
    key("nama", false, "nama penandatangan", "signatory's name"),
    key(
        "jabatan",
        false,
        "jabatan penandatangan",
        "signatory's title",
    ),
    key("pangkat", false, "pangkat/golongan", "signatory's rank"),
    key(
        "nip",
        false,
        "NIP penandatangan",
        "signatory's civil-service number (NIP)",
    ),
];

pub const UNIT_KEYS: &[KeySpec] = &[
    key("induk", false, "id unit atasan", "id of the parent unit"),
    key(
        "alias",
        true,
        "nama lain unit ini",
        "another name for this unit",
    ),
    key(
        "uraian",
        false,
        "tugas dan fungsi unit",
        "duties of the unit",
    ),
];

pub const PROCESS_KEYS: &[KeySpec] = &[
    key(
        "kategori",
        false,
        "manajerial, utama atau pendukung",
        "manajerial, utama or pendukung",
    ),
    key(
        "uraian",
        false,
        "uraian proses",
        "description of the process",
    ),
    key(
        "pemasok",
        true,
        "pemasok (S dalam SIPOC)",
        "supplier (S of SIPOC)",
    ),
    key(
        "masukan",
        true,
        "masukan (I dalam SIPOC)",
        "input (I of SIPOC)",
    ),
    key(
        "keluaran",
        true,
        "keluaran (O dalam SIPOC)",
        "output (O of SIPOC)",
    ),
    key(
        "pelanggan",
        true,
        "pelanggan (C dalam SIPOC)",
        "customer (C of SIPOC)",
    ),
    key("catatan", true, "catatan bebas", "free notes"),
    key(
        "lajur",
        true,
        "id unit lajur peta lintas fungsi, urut dari atas",
        "lane unit ids of the cross-functional map, top first",
    ),
];

pub const STEP_KEYS: &[KeySpec] = &[
    key(
        "keluaran",
        true,
        "dokumen/hasil langkah ini",
        "document or result of this step",
    ),
    key("catatan", true, "catatan langkah", "note on the step"),
    key(
        "kelengkapan",
        true,
        "berkas/syarat yang dibutuhkan langkah ini",
        "what the step needs (documents, requirements)",
    ),
    key(
        "waktu",
        false,
        "lama langkah ini, mis. 3 hari kerja",
        "time the step takes, e.g. 3 hari kerja",
    ),
    key(
        "no",
        false,
        "nomor langkah menurut buku",
        "the book's own number for the step",
    ),
    key(
        "bersama",
        true,
        "id lajur lain yang ikut mengerjakan langkah ini",
        "ids of the other lanes that share this step",
    ),
];

/// The identity block of an SOP AP (Permenpan RB 35/2012), field for field.
pub const SOP_KEYS: &[KeySpec] = &[
    key("nomor", false, "nomor SOP", "number of the SOP"),
    key(
        "nama",
        false,
        "nama SOP (bawaan: nama proses)",
        "name of the SOP (default: the process name)",
    ),
    key(
        "tanggal_pembuatan",
        false,
        "tanggal pembuatan (2023-02-03 atau 03 Februari 2023)",
        "date made (2023-02-03 or 03 Februari 2023)",
    ),
    key(
        "tanggal_revisi",
        false,
        "tanggal revisi (2023-02-03 atau 03 Februari 2023)",
        "date revised (2023-02-03 or 03 Februari 2023)",
    ),
    key(
        "tanggal_efektif",
        false,
        "tanggal efektif (2023-02-03 atau 03 Februari 2023)",
        "date in force (2023-02-03 or 03 Februari 2023)",
    ),
    key(
        "disahkan_nama",
        false,
        "nama yang mengesahkan (bawaan: penandatangan buku)",
        "name of the approver (default: the book's signatory)",
    ),
    key(
        "disahkan_jabatan",
        false,
        "jabatan yang mengesahkan (bawaan: penandatangan buku)",
        "position of the approver (default: the book's signatory)",
    ),
    key(
        "disahkan_nip",
        false,
        "NIP yang mengesahkan (bawaan: penandatangan buku)",
        "NIP of the approver (default: the book's signatory)",
    ),
    key(
        "dasar_hukum",
        true,
        "dasar hukum, satu per baris",
        "legal basis, one per line",
    ),
    key(
        "kualifikasi",
        true,
        "kualifikasi pelaksana, satu per baris",
        "qualification of the performers, one per line",
    ),
    key(
        "keterkaitan",
        true,
        "kode proses/SOP yang terkait",
        "codes of the related processes/SOPs",
    ),
    key(
        "peralatan",
        true,
        "peralatan/perlengkapan, satu per baris",
        "equipment, one per line",
    ),
    key(
        "peringatan",
        false,
        "peringatan bila SOP tidak dilaksanakan",
        "warning for when the SOP is not followed",
    ),
    key(
        "pencatatan",
        false,
        "pencatatan dan pendataan",
        "records kept",
    ),
];

impl BlockKind {
    pub fn keys(self) -> &'static [KeySpec] {
        match self {
            BlockKind::Book => BOOK_KEYS,
            BlockKind::Signatory => SIGNATORY_KEYS,
            BlockKind::Unit => UNIT_KEYS,
            BlockKind::Process => PROCESS_KEYS,
            BlockKind::Step => STEP_KEYS,
            BlockKind::Sop => SOP_KEYS,
        }
    }

    /// The word a user knows the block by.
    pub fn word(self) -> &'static str {
        match self {
            BlockKind::Book => "buku",
            BlockKind::Signatory => "penandatangan",
            BlockKind::Unit => "unit/pihak",
            BlockKind::Process => "proses",
            BlockKind::Step => "langkah",
            BlockKind::Sop => "sop",
        }
    }

    pub fn spec(self, key: &str) -> Option<&'static KeySpec> {
        self.keys().iter().find(|k| k.key == key)
    }
}

/// The innermost open block.
#[derive(Debug, Clone, Copy)]
enum Open {
    Nothing,
    Book(usize),
    Signatory(usize),
    Unit(usize),
    Process(usize),
    Step(usize, usize),
    /// The `sop` block of a process.
    Sop(usize),
    Relation(usize),
    /// Below an unreadable `penandatangan` line: its fields are dropped, the book's kept.
    BrokenSignatory(usize),
    /// Below an unreadable `sop` line of a process: its fields are dropped, the process's kept.
    BrokenSop(usize),
    /// Below an unreadable step line in a process: its flows and fields are dropped.
    BrokenStep(usize),
    /// Below an unreadable head line (`proses`, `unit`, `buku`): everything up to the next head
    /// is dropped, since it cannot be known where it belongs.
    Swallow,
}

/// Puts every statement of `file.lines` into its block. With `keep_lines` the lines stay for
/// the formatter; without, their text moves into the blocks instead of being copied (the
/// compiler reads only the blocks). `text` is the file's text, for indentation.
pub(super) fn group(
    file: &mut File,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
    keep_lines: bool,
) {
    let lines = std::mem::take(&mut file.lines);
    if keep_lines {
        let mut open = Open::Nothing;
        for line in &lines {
            if let LineKind::Statement(statement) = &line.kind {
                open = place(file, text, open, line.span, statement.clone(), diagnostics);
            }
        }
        file.lines = lines;
    } else {
        group_lines(file, text, diagnostics, lines);
    }
}

/// Puts the statements of `lines` into their blocks, taking their text.
pub(super) fn group_lines(
    file: &mut File,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
    lines: impl IntoIterator<Item = Line>,
) {
    let mut open = Open::Nothing;
    for line in lines {
        if let LineKind::Statement(statement) = line.kind {
            open = place(file, text, open, line.span, statement, diagnostics);
        }
    }
}

/// The whitespace before the statement starting at `at`.
fn indentation(text: &str, at: usize) -> &str {
    let start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    &text[start..at]
}

/// Whether the statement at `line` is indented under the step line at `step`: its indentation
/// continues the step's (the same tabs and spaces first) and goes deeper.
fn indented_under(text: &str, line: usize, step: usize) -> bool {
    let (inner, outer) = (indentation(text, line), indentation(text, step));
    inner.len() > outer.len() && inner.starts_with(outer)
}

/// What is dropped below an unreadable line, and what still reaches its block.
fn swallowed(open: Open, statement: &Statement) -> bool {
    match (open, statement) {
        (
            Open::Swallow,
            Statement::Book
            | Statement::Unit { .. }
            | Statement::Process { .. }
            | Statement::Relation { .. },
        ) => false,
        (Open::Swallow, _) => true,
        (Open::BrokenStep(_), Statement::Flow { .. } | Statement::Link { .. }) => true,
        (Open::BrokenStep(_), Statement::Suppression { .. }) => true,
        (Open::BrokenStep(_), Statement::Field { key, .. }) => {
            BlockKind::Step.spec(&key.value).is_some()
        }
        (Open::BrokenSignatory(_), Statement::Field { key, .. }) => {
            BlockKind::Signatory.spec(&key.value).is_some()
        }
        (Open::BrokenSop(_), Statement::Field { key, .. }) => {
            BlockKind::Sop.spec(&key.value).is_some()
        }
        _ => false,
    }
}

fn place(
    file: &mut File,
    text: &str,
    open: Open,
    span: Span,
    statement: Statement,
    diagnostics: &mut Vec<Diagnostic>,
) -> Open {
    if swallowed(open, &statement) {
        return open;
    }
    // Below a broken step or signatory, what is not dropped goes to the block around it.
    let open = match open {
        Open::BrokenStep(p) => Open::Process(p),
        Open::BrokenSignatory(b) => Open::Book(b),
        Open::BrokenSop(p) => Open::Process(p),
        other => other,
    };
    match statement {
        Statement::Bad(None) => open,
        Statement::Bad(Some(unreadable)) => match unreadable {
            Unreadable::Book => Open::Swallow,
            Unreadable::Signatory => match open {
                Open::Book(b) | Open::Signatory(b) => Open::BrokenSignatory(b),
                _ => Open::Swallow,
            },
            Unreadable::Sop => match open {
                Open::Process(p) | Open::Step(p, _) | Open::Sop(p) => Open::BrokenSop(p),
                _ => Open::Swallow,
            },
            Unreadable::Unit(id) => {
                file.unreadable_units.push(id);
                Open::Swallow
            }
            Unreadable::Process(code) => {
                file.unreadable_processes.push(code);
                Open::Swallow
            }
            Unreadable::Step(id) => match open {
                Open::Process(p) | Open::Step(p, _) | Open::Sop(p) => {
                    file.processes[p].unreadable_steps.push(id);
                    Open::BrokenStep(p)
                }
                other => other,
            },
        },
        Statement::Book => {
            file.books.push(BookBlock {
                span,
                ..BookBlock::default()
            });
            Open::Book(file.books.len() - 1)
        }
        Statement::Signatory => match open {
            Open::Book(b) | Open::Signatory(b) => {
                let book = &mut file.books[b];
                if let Some(first) = &book.signatory {
                    diagnostics.push(
                        Diagnostic::error(
                            "E009",
                            span,
                            Text::new(
                                "`penandatangan` ditulis dua kali dalam satu buku",
                                "`penandatangan` is written twice in one book",
                            ),
                        )
                        .with_label(
                            first.span,
                            Text::new("yang pertama di sini", "first written here"),
                        )
                        .with_help(Text::new(
                            "satu buku punya satu penandatangan; hapus salah satunya",
                            "a book has one signatory; remove one of them",
                        )),
                    );
                }
                book.signatory = Some(SignatoryBlock {
                    span,
                    fields: Vec::new(),
                });
                Open::Signatory(b)
            }
            _ => {
                diagnostics.push(out_of_place(
                    span,
                    "`penandatangan` hanya boleh di dalam blok `buku`",
                    "`penandatangan` belongs inside a `buku` block",
                    "tulis `penandatangan` di bawah baris `buku`",
                    "write `penandatangan` below the `buku` line",
                ));
                open
            }
        },
        Statement::Sop => match open {
            Open::Process(p) | Open::Step(p, _) | Open::Sop(p) => {
                let process = &mut file.processes[p];
                if let Some(first) = &process.sop {
                    diagnostics.push(
                        Diagnostic::error(
                            "E009",
                            span,
                            Text::new(
                                "`sop` ditulis dua kali dalam satu proses",
                                "`sop` is written twice in one process",
                            ),
                        )
                        .with_label(
                            first.span,
                            Text::new("yang pertama di sini", "first written here"),
                        )
                        .with_help(Text::new(
                            "satu proses punya satu SOP; gabungkan isiannya ke blok pertama",
                            "a process has one SOP; merge the fields into the first block",
                        )),
                    );
                    return Open::BrokenSop(p);
                }
                process.sop = Some(SopBlock {
                    span,
                    fields: Vec::new(),
                });
                Open::Sop(p)
            }
            _ => {
                diagnostics.push(out_of_place(
                    span,
                    "`sop` hanya boleh di dalam blok `proses`",
                    "`sop` belongs inside a `proses` block",
                    "tulis `sop` di bawah baris `proses KODE: Nama` yang SOP-nya dijelaskan",
                    "write `sop` below the `proses CODE: Name` line whose SOP it describes",
                ));
                open
            }
        },
        Statement::Unit { external, id, name } => {
            require_value(&name, "nama unit", "unit name", diagnostics);
            file.units.push(UnitBlock {
                span,
                external,
                id,
                name,
                fields: Vec::new(),
                suppressions: Vec::new(),
            });
            Open::Unit(file.units.len() - 1)
        }
        Statement::Process { code, name } => {
            require_value(&name, "nama proses", "process name", diagnostics);
            file.processes.push(ProcessBlock {
                span,
                code,
                name,
                fields: Vec::new(),
                steps: Vec::new(),
                suppressions: Vec::new(),
                sop: None,
                unreadable_steps: Vec::new(),
            });
            Open::Process(file.processes.len() - 1)
        }
        Statement::Relation { code, units } => {
            require_list(&units, "daftar unit", "unit list", diagnostics);
            file.relations.push(Relation {
                span,
                code,
                units,
                suppressions: Vec::new(),
            });
            Open::Relation(file.relations.len() - 1)
        }
        Statement::Step {
            kind,
            id,
            lane,
            label,
        } => match open {
            Open::Process(p) | Open::Step(p, _) | Open::Sop(p) => {
                if kind.needs_label() {
                    require_value(&label, "label langkah", "step label", diagnostics);
                }
                let steps = &mut file.processes[p].steps;
                steps.push(StepBlock {
                    span,
                    kind,
                    id,
                    lane,
                    label,
                    fields: Vec::new(),
                    flows: Vec::new(),
                    links: Vec::new(),
                    suppressions: Vec::new(),
                });
                Open::Step(p, steps.len() - 1)
            }
            _ => {
                diagnostics.push(out_of_place(
                    span,
                    &format!(
                        "langkah `{}` harus berada di dalam sebuah `proses`",
                        id.value
                    ),
                    &format!("step `{}` must be inside a `proses`", id.value),
                    "tulis langkah di bawah baris `proses KODE: Nama` yang memetakannya",
                    "write the step below the `proses CODE: Name` line of the process it maps",
                ));
                open
            }
        },
        Statement::Flow { target, label } => match open {
            Open::Step(p, s) => {
                file.processes[p].steps[s].flows.push(FlowStmt {
                    span,
                    target,
                    label,
                });
                open
            }
            _ => {
                diagnostics.push(out_of_place(
                    span,
                    "`lanjut` harus berada tepat di bawah langkah asalnya",
                    "`lanjut` must come right below the step it leaves",
                    "tulis `lanjut ke ID` di bawah baris `tugas`/`keputusan`/`mulai` yang dituju darinya",
                    "write `lanjut ke ID` below the `tugas`/`keputusan`/`mulai` line it starts from",
                ));
                open
            }
        },
        Statement::Link { kind, code } => match open {
            Open::Step(p, s) => {
                file.processes[p].steps[s]
                    .links
                    .push(LinkStmt { span, kind, code });
                open
            }
            _ => {
                let words = kind.words();
                let step = kind.step_kind().keyword();
                diagnostics.push(out_of_place(
                    span,
                    &format!("`{words}` harus berada tepat di bawah langkahnya"),
                    &format!("`{words}` must come right below its step"),
                    &format!("tulis `{words} KODE` di bawah baris `{step}` yang bersangkutan"),
                    &format!("write `{words} CODE` below the `{step}` line concerned"),
                ));
                open
            }
        },
        Statement::Suppression { code, reason } => {
            if let Open::Step(p, s) = open {
                if !indented_under(text, span.start, file.processes[p].steps[s].span.start) {
                    diagnostics.push(ambiguous_below_step(file, p, s, span, "abaikan"));
                    return open;
                }
            }
            let suppression = Suppression { span, code, reason };
            let target = match open {
                Open::Nothing
                | Open::Swallow
                | Open::BrokenStep(_)
                | Open::BrokenSignatory(_)
                | Open::BrokenSop(_) => None,
                Open::Book(b) | Open::Signatory(b) => Some(&mut file.books[b].suppressions),
                Open::Unit(u) => Some(&mut file.units[u].suppressions),
                Open::Process(p) | Open::Sop(p) => Some(&mut file.processes[p].suppressions),
                Open::Step(p, s) => Some(&mut file.processes[p].steps[s].suppressions),
                Open::Relation(r) => Some(&mut file.relations[r].suppressions),
            };
            match target {
                Some(list) => list.push(suppression),
                None => diagnostics.push(out_of_place(
                    span,
                    "`abaikan` harus berada di bawah unsur yang dikecualikan",
                    "`abaikan` must come below the element it exempts",
                    "tulis `abaikan KODE: alasan` di bawah proses, langkah atau unit yang bersangkutan",
                    "write `abaikan CODE: reason` below the process, step or unit concerned",
                )),
            }
            open
        }
        Statement::Field { key, value } => {
            place_field(file, text, open, span, key, value, diagnostics);
            open
        }
    }
}

/// A line below step `s` that the step and its process both accept, not indented under the
/// step: the reader cannot tell which it is meant for, so neither gets it.
fn ambiguous_below_step(file: &File, p: usize, s: usize, span: Span, what: &str) -> Diagnostic {
    let process = &file.processes[p];
    let step = &process.steps[s];
    let (id, code) = (&step.id.value, &process.code.value);
    Diagnostic::error(
        "E008",
        span,
        Text::new(
            format!("`{what}` di bawah langkah `{id}` tidak menjorok di bawahnya: tidak jelas milik langkah itu atau milik proses `{code}`"),
            format!("`{what}` below step `{id}` is not indented under it: it is unclear whether it belongs to the step or to process `{code}`"),
        ),
    )
    .with_label(step.id.span, Text::new(format!("langkah `{id}`"), format!("step `{id}`")))
    .with_help(Text::new(
        format!("untuk langkah `{id}`, menjoroklah lebih dalam dari baris langkahnya; untuk proses `{code}`, pindahkan baris ini ke atas langkah pertama, tepat di bawah `proses {code}: …`"),
        format!("for step `{id}`, indent it deeper than the step's line; for process `{code}`, move this line above the first step, right below `proses {code}: …`"),
    ))
}

fn out_of_place(span: Span, id: &str, en: &str, help_id: &str, help_en: &str) -> Diagnostic {
    Diagnostic::error("E005", span, Text::new(id, en)).with_help(Text::new(help_id, help_en))
}

/// A comma-separated list of ids (`lajur`, a relation's units) needs one id at least: `a, ,`
/// is fine, `,` is as empty as nothing (and `peta fmt` writes it as nothing).
fn require_list(
    value: &Spanned<String>,
    what_id: &str,
    what_en: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if value
        .value
        .split([',', '\n'])
        .all(|id| id.trim().is_empty())
    {
        empty_value(value, what_id, what_en, diagnostics);
    }
}

fn require_value(
    value: &Spanned<String>,
    what_id: &str,
    what_en: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if value.value.trim().is_empty() {
        empty_value(value, what_id, what_en, diagnostics);
    }
}

fn empty_value(
    value: &Spanned<String>,
    what_id: &str,
    what_en: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    {
        diagnostics.push(
            Diagnostic::error(
                "E007",
                value.span,
                Text::new(format!("{what_id} kosong"), format!("empty {what_en}")),
            )
            .with_help(Text::new(
                format!("tulis {what_id} setelah tanda `:`"),
                format!("write the {what_en} after the `:`"),
            )),
        );
    }
}

fn place_field(
    file: &mut File,
    text: &str,
    open: Open,
    span: Span,
    key: Spanned<String>,
    value: Spanned<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    // Innermost block first, then the blocks around it.
    let chain: Vec<(BlockKind, Open)> = match open {
        Open::Nothing
        | Open::Relation(_)
        | Open::Swallow
        | Open::BrokenStep(_)
        | Open::BrokenSignatory(_)
        | Open::BrokenSop(_) => Vec::new(),
        Open::Book(_) => vec![(BlockKind::Book, open)],
        Open::Signatory(b) => vec![
            (BlockKind::Signatory, open),
            (BlockKind::Book, Open::Book(b)),
        ],
        Open::Unit(_) => vec![(BlockKind::Unit, open)],
        Open::Process(_) => vec![(BlockKind::Process, open)],
        Open::Sop(p) => vec![
            (BlockKind::Sop, open),
            (BlockKind::Process, Open::Process(p)),
        ],
        Open::Step(p, _) => vec![
            (BlockKind::Step, open),
            (BlockKind::Process, Open::Process(p)),
        ],
    };
    let Some(&(kind, target)) = chain.iter().find(|(k, _)| k.spec(&key.value).is_some()) else {
        diagnostics.push(unknown_key(&key, &chain));
        return;
    };
    if let Open::Step(p, s) = target {
        let shared = BlockKind::Process.spec(&key.value).is_some();
        if shared && !indented_under(text, span.start, file.processes[p].steps[s].span.start) {
            diagnostics.push(ambiguous_below_step(file, p, s, span, &key.value));
            return;
        }
    }
    let spec = kind.spec(&key.value).expect("found above");
    if key.value == "lajur" {
        require_list(
            &value,
            &format!("nilai `{}`", key.value),
            &format!("value of `{}`", key.value),
            diagnostics,
        );
    } else {
        require_value(
            &value,
            &format!("nilai `{}`", key.value),
            &format!("value of `{}`", key.value),
            diagnostics,
        );
    }
    let fields = match target {
        Open::Book(b) => &mut file.books[b].fields,
        Open::Signatory(b) => match &mut file.books[b].signatory {
            Some(s) => &mut s.fields,
            None => return,
        },
        Open::Unit(u) => &mut file.units[u].fields,
        Open::Process(p) => &mut file.processes[p].fields,
        Open::Step(p, s) => &mut file.processes[p].steps[s].fields,
        Open::Sop(p) => match &mut file.processes[p].sop {
            Some(sop) => &mut sop.fields,
            None => return,
        },
        Open::Nothing
        | Open::Relation(_)
        | Open::Swallow
        | Open::BrokenStep(_)
        | Open::BrokenSignatory(_)
        | Open::BrokenSop(_) => return,
    };
    if !spec.repeats {
        if let Some(first) = fields.iter().find(|f| f.key.value == key.value) {
            diagnostics.push(
                Diagnostic::error(
                    "E009",
                    key.span,
                    Text::new(
                        format!(
                            "`{}` ditulis dua kali dalam satu {}",
                            key.value,
                            kind.word()
                        ),
                        format!("`{}` is written twice in one {}", key.value, kind.word()),
                    ),
                )
                .with_label(
                    first.key.span,
                    Text::new("yang pertama di sini", "first written here"),
                )
                .with_help(Text::new(
                    format!(
                        "`{}` hanya boleh satu; hapus atau gabungkan salah satunya",
                        key.value
                    ),
                    format!(
                        "`{}` takes one value; remove or merge one of them",
                        key.value
                    ),
                )),
            );
            return;
        }
    }
    fields.push(Field { span, key, value });
}

fn unknown_key(key: &Spanned<String>, chain: &[(BlockKind, Open)]) -> Diagnostic {
    let Some(&(inner, _)) = chain.first() else {
        return out_of_place(
            key.span,
            &format!("isian `{}` tidak berada di dalam blok apa pun", key.value),
            &format!("field `{}` is not inside any block", key.value),
            "tulis isian di bawah baris `buku`, `unit`, `pihak` atau `proses` yang dimaksud",
            "write fields below the `buku`, `unit`, `pihak` or `proses` line they describe",
        );
    };
    let known: Vec<&str> = chain
        .iter()
        .flat_map(|(k, _)| k.keys().iter().map(|s| s.key))
        .collect();
    let mut d = Diagnostic::error(
        "E004",
        key.span,
        Text::new(
            format!("isian `{}` tidak dikenal dalam {}", key.value, inner.word()),
            format!("unknown field `{}` in {}", key.value, inner.word()),
        ),
    );
    if key.value == "sop" {
        return d.with_help(Text::new(
            "`sop` membuka blok: tulis `sop` saja di barisnya (tanpa `:`), lalu isiannya di bawahnya, mis. `nomor: ...`",
            "`sop` opens a block: write `sop` alone on its line (no `:`), then its fields below it, e.g. `nomor: ...`",
        ));
    }
    if let Some(step_kind) = StepKind::from_keyword(&key.value) {
        let kw = step_kind.keyword();
        return d.with_help(Text::new(
            format!("`{kw}` adalah langkah: tulis `{kw} ID di LAJUR: label`"),
            format!("`{kw}` is a step: write `{kw} ID di LANE: label`"),
        ));
    }
    let elsewhere = [
        BlockKind::Book,
        BlockKind::Signatory,
        BlockKind::Unit,
        BlockKind::Process,
        BlockKind::Step,
        BlockKind::Sop,
    ]
    .into_iter()
    .find(|k| k.spec(&key.value).is_some());
    d = match (closest(&key.value, known.iter().copied()), elsewhere) {
        (_, Some(other)) => d.with_help(Text::new(
            format!(
                "`{}` adalah isian {}; pindahkan ke blok itu",
                key.value,
                other.word()
            ),
            format!(
                "`{}` is a field of {}; move it to that block",
                key.value,
                other.word()
            ),
        )),
        (Some(near), None) => d.with_help(Text::new(
            format!("mungkin maksudnya `{near}`?"),
            format!("did you mean `{near}`?"),
        )),
        (None, None) => d.with_help(Text::new(
            format!("isian yang dikenal: {}", known.join(", ")),
            format!("known fields: {}", known.join(", ")),
        )),
    };
    d
}

#[cfg(test)]
mod tests {
    use crate::source::{FileId, SourceFile};
    use crate::syntax::ast::{File, LinkKind};

    fn parse(text: &str) -> (File, Vec<String>) {
        let source = SourceFile::new(FileId(0), "a.peta", text);
        let (file, diagnostics) = crate::syntax::parse(&source);
        let codes = diagnostics.iter().map(|d| d.code.clone()).collect();
        (file, codes)
    }

    fn keys(fields: &[crate::syntax::ast::Field]) -> Vec<&str> {
        fields.iter().map(|f| f.key()).collect()
    }

    #[test]
    fn a_field_both_accept_is_the_steps_only_when_indented_under_it() {
        let (file, codes) = parse(
            "proses P1: X\n  tugas t di a: Y\n    keluaran: Dokumen\n  catatan: Tentang proses\n",
        );
        assert_eq!(codes, ["E008"]);
        let process = &file.processes[0];
        assert_eq!(keys(&process.steps[0].fields), ["keluaran"]);
        assert!(process.fields.is_empty(), "neither gets the ambiguous line");
    }

    #[test]
    fn fields_only_one_block_accepts_go_there_wherever_they_stand() {
        let (file, codes) =
            parse("proses P1: X\n  tugas t di a: Y\n  waktu: 2 hari\nkategori: utama\n");
        assert!(codes.is_empty(), "{codes:?}");
        let process = &file.processes[0];
        assert_eq!(keys(&process.steps[0].fields), ["waktu"]);
        assert_eq!(keys(&process.fields), ["kategori"]);
    }

    #[test]
    fn indentation_under_a_step_must_continue_the_steps_own() {
        // A tab is not "deeper" than two spaces: the two cannot be compared, so it is an error.
        let (_, codes) = parse("proses P1: X\n  tugas t di a: Y\n\tkeluaran: Dokumen\n");
        assert_eq!(codes, ["E008"]);
        let (file, codes) = parse("proses P1: X\n\ttugas t di a: Y\n\t  keluaran: Dokumen\n");
        assert!(codes.is_empty());
        assert_eq!(keys(&file.processes[0].steps[0].fields), ["keluaran"]);
    }

    #[test]
    fn an_exemption_below_a_step_follows_the_same_rule() {
        let (file, codes) = parse(
            "proses P1: X\n  tugas t di a: Y\n    abaikan N001: alasan\n  abaikan D004: alasan\n",
        );
        assert_eq!(codes, ["E008"]);
        assert_eq!(file.processes[0].steps[0].suppressions.len(), 1);
        assert!(file.processes[0].suppressions.is_empty());
    }

    #[test]
    fn links_join_the_step_above() {
        let (file, codes) = parse(
            "proses P1: X\n  mulai m di a: Y\n    dari proses P2.1\n    lanjut ke proses\n  selesai s di a: Z\n    lanjut ke proses P3\n",
        );
        assert!(codes.is_empty(), "{codes:?}");
        let steps = &file.processes[0].steps;
        assert_eq!(steps[0].links[0].kind, LinkKind::From);
        assert_eq!(steps[0].links[0].code.value, "P2.1");
        // `lanjut ke proses` without a code is a flow to a step named `proses`.
        assert_eq!(steps[0].flows[0].target.value, "proses");
        assert_eq!(steps[1].links[0].kind, LinkKind::Continue);
    }

    #[test]
    fn a_gateway_needs_no_label() {
        let (file, codes) = parse("proses P1: X\n  paralel p di a\n  paralel q di a:\n");
        assert!(codes.is_empty(), "{codes:?}");
        assert_eq!(file.processes[0].steps.len(), 2);
        assert_eq!(file.processes[0].steps[1].label.value, "");
    }

    #[test]
    fn what_stands_under_an_unreadable_line_is_not_reported_again() {
        // The broken process swallows its lines; the broken step its flows and fields.
        let (file, codes) = parse(
            "proses P1: X\n  tugas t1 a: Y\n    keluaran: Z\n    lanjut ke t2\n  kategori: utama\nproses P8. 2: Y\n  lajur: a\n  tugas t di a: Y\n    lanjut ke t\n  kunci_aneh: x\nproses P9: Z\n",
        );
        assert_eq!(codes, ["E003", "E003"]);
        assert_eq!(file.processes.len(), 2);
        assert_eq!(file.processes[0].unreadable_steps, ["t1"]);
        assert_eq!(keys(&file.processes[0].fields), ["kategori"]);
        assert_eq!(file.unreadable_processes, ["P8.2"]);
        assert_eq!(file.processes[1].code.value, "P9");
    }

    #[test]
    fn a_sop_block_takes_its_own_keys_and_hands_the_rest_to_its_process() {
        let (file, codes) = parse(
            "proses P1: X\n  sop\n    nomor: 1/2023\n    dasar_hukum: A\n    dasar_hukum: B\n  kategori: utama\n  tugas t di a: Y\n",
        );
        assert!(codes.is_empty(), "{codes:?}");
        let process = &file.processes[0];
        let sop = process.sop.as_ref().expect("sop block");
        assert_eq!(keys(&sop.fields), ["nomor", "dasar_hukum", "dasar_hukum"]);
        assert_eq!(keys(&process.fields), ["kategori"]);
        assert_eq!(process.steps.len(), 1);
    }

    #[test]
    fn a_sop_block_outside_a_process_or_twice_is_an_error() {
        let (_, codes) = parse("sop\n  nomor: 1\n");
        assert_eq!(codes, ["E005", "E005"]);
        let (file, codes) = parse("proses P1: X\n  sop\n    nomor: 1\n  sop\n    nomor: 2\n");
        assert_eq!(codes, ["E009"]);
        let fields = &file.processes[0].sop.as_ref().unwrap().fields;
        assert_eq!(
            fields[0].value.value, "1",
            "the second block's fields are dropped"
        );
        assert_eq!(fields.len(), 1);
        let (_, codes) = parse("proses P1: X\n  sop: x\n");
        assert_eq!(codes, ["E004"]);
    }
}
