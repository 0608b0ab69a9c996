//! Syntax trees → [`Book`]: resolve references by unit id and process code across files,
//! build each map's graph, and collect every compile error instead of stopping at the first.

use super::code::Code;
use super::date::parse_date;
use super::*;
use crate::diagnostic::{Diagnostic, Text};
use crate::suggest::closest;
use crate::syntax::ast;

/// Compiles all files of a project into one book. The book is always returned (with the parts
/// that could be resolved), so later stages can still run on a project with errors.
///
/// The syntax trees are taken: their text moves into the book instead of being copied.
pub fn compile(mut files: Vec<ast::File>) -> (Book, Vec<Diagnostic>) {
    let mut compiler = Compiler::default();
    for file in &files {
        compiler
            .unreadable_units
            .extend(file.unreadable_units.iter().cloned());
        compiler
            .unreadable_processes
            .extend(file.unreadable_processes.iter().cloned());
    }
    compiler.book_meta(&files);
    compiler.units(&files);
    let processes = files
        .iter_mut()
        .flat_map(|f| std::mem::take(&mut f.processes))
        .collect();
    compiler.processes(processes);
    compiler.relations(&files);
    (compiler.book, compiler.diagnostics)
}

#[derive(Default)]
struct Compiler {
    book: Book,
    diagnostics: Vec<Diagnostic>,
    /// Units and processes whose head line could not be read (already reported): a reference
    /// to one of them is not reported again.
    unreadable_units: std::collections::BTreeSet<String>,
    unreadable_processes: std::collections::BTreeSet<String>,
}

fn first_here() -> Text {
    Text::new("pertama ditulis di sini", "first written here")
}

fn field<'a>(fields: &'a [ast::Field], key: &str) -> Option<&'a ast::Field> {
    fields.iter().find(|f| f.key() == key)
}

fn text(fields: &[ast::Field], key: &str) -> Option<String> {
    field(fields, key).map(|f| f.value.value.clone())
}

fn items(fields: &[ast::Field], key: &str) -> Vec<Item> {
    fields
        .iter()
        .filter(|f| f.key() == key)
        .map(|f| Item {
            text: f.value.value.clone(),
            span: f.value.span,
        })
        .collect()
}

/// Splits a comma-separated list of ids, keeping each id's own span.
fn id_list(value: &ast::Spanned<String>) -> Vec<Item> {
    let mut out = Vec::new();
    let mut offset = 0;
    for part in value.value.split([',', '\n']) {
        let lead = part.len() - part.trim_start().len();
        let id = part.trim();
        if !id.is_empty() {
            out.push(Item {
                text: id.to_string(),
                span: value.span.slice(offset + lead, offset + lead + id.len()),
            });
        }
        offset += part.len() + 1;
    }
    out
}

fn is_ident(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

impl Compiler {
    fn error(&mut self, code: &str, span: Span, id: String, en: String) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::error(code, span, Text::new(id, en)));
        self.diagnostics.last_mut().expect("just pushed")
    }

    fn invalid_value(
        &mut self,
        value: &ast::Spanned<String>,
        key: &str,
        allowed_id: &str,
        allowed_en: &str,
    ) {
        let d = self.error(
            "E010",
            value.span,
            format!("nilai `{}` tidak sah untuk `{key}`", value.value),
            format!("`{}` is not a valid value for `{key}`", value.value),
        );
        d.help = Some(Text::new(allowed_id.to_string(), allowed_en.to_string()));
    }

    fn book_meta(&mut self, files: &[ast::File]) {
        let mut blocks = files.iter().flat_map(|f| f.books.iter());
        let Some(block) = blocks.next() else {
            return;
        };
        for extra in blocks {
            let d = self.error(
                "E111",
                extra.span,
                "proyek ini punya lebih dari satu blok `buku`".into(),
                "the project has more than one `buku` block".into(),
            );
            d.labels.push(crate::diagnostic::Label {
                span: block.span,
                message: first_here(),
            });
            d.help = Some(Text::new(
                "satu proyek adalah satu buku; gabungkan isiannya ke blok pertama",
                "one project is one book; merge the fields into the first block",
            ));
        }
        let f = &block.fields;
        let meta = &mut self.book.meta;
        meta.span = Some(block.span);
        meta.instansi = text(f, "instansi");
        meta.short = text(f, "singkatan");
        meta.city = text(f, "kota");
        meta.title = text(f, "judul");
        meta.version = text(f, "versi");
        meta.place = text(f, "tempat");
        meta.suppressions = block.suppressions.clone();
        let span_of = |key: &str| field(f, key).map(|field| field.value.span);
        meta.spans = MetaSpans {
            instansi: span_of("instansi"),
            short: span_of("singkatan"),
            city: span_of("kota"),
            title: span_of("judul"),
            place: span_of("tempat"),
        };
        let year = field(f, "tahun").cloned();
        let status = field(f, "status").cloned();
        let date = field(f, "tanggal").cloned();
        if let Some(s) = &block.signatory {
            meta.signatory = Some(Signatory {
                span: s.span,
                name: text(&s.fields, "nama"),
                title: text(&s.fields, "jabatan"),
                rank: text(&s.fields, "pangkat"),
                nip: text(&s.fields, "nip"),
            });
        }
        if let Some(year) = year {
            match year.value.value.trim().parse::<i64>() {
                Ok(y) if (1900..=2999).contains(&y) => self.book.meta.year = Some(y),
                _ => self.invalid_value(
                    &year.value,
                    "tahun",
                    "tulis tahun dengan empat angka, mis. `tahun: 2023`",
                    "write the year as four digits, e.g. `tahun: 2023`",
                ),
            }
        }
        if let Some(status) = status {
            match status.value.value.trim().to_lowercase().as_str() {
                "draf" | "draft" => self.book.meta.status = Some(Status::Draft),
                "sah" | "disahkan" => self.book.meta.status = Some(Status::Approved),
                _ => self.invalid_value(
                    &status.value,
                    "status",
                    "tulis `status: draf` atau `status: sah`",
                    "write `status: draf` or `status: sah`",
                ),
            }
        }
        if let Some(date) = date {
            match parse_date(&date.value.value) {
                Some(iso) => self.book.meta.date = Some(iso),
                None => self.invalid_value(
                    &date.value,
                    "tanggal",
                    "tulis tanggal yang ada, mis. `2023-02-03` atau `03 Februari 2023`",
                    "write a real date, e.g. `2023-02-03` or `03 Februari 2023`",
                ),
            }
        }
    }

    fn units(&mut self, files: &[ast::File]) {
        for block in files.iter().flat_map(|f| f.units.iter()) {
            let id = &block.id.value;
            if let Some(&first) = self.book.unit_index.get(id) {
                let first_span = self.book.units[first].id_span;
                let d = self.error(
                    "E101",
                    block.id.span,
                    format!("id unit `{id}` sudah dipakai"),
                    format!("unit id `{id}` is already used"),
                );
                d.labels.push(crate::diagnostic::Label {
                    span: first_span,
                    message: first_here(),
                });
                d.help = Some(Text::new(
                    "setiap unit butuh id yang unik; ganti salah satunya",
                    "every unit needs a unique id; rename one of them",
                ));
                continue;
            }
            self.book
                .unit_index
                .insert(id.clone(), self.book.units.len());
            let aliases = items(&block.fields, "alias");
            self.book.units.push(Unit {
                id: id.clone(),
                name: block.name.value.clone(),
                external: block.external,
                parent: text(&block.fields, "induk"),
                alias_spans: aliases.iter().map(|i| i.span).collect(),
                aliases: aliases.into_iter().map(|i| i.text).collect(),
                description: text(&block.fields, "uraian"),
                description_span: field(&block.fields, "uraian").map(|f| f.value.span),
                span: block.span,
                id_span: block.id.span,
                name_span: block.name.span,
                suppressions: block.suppressions.clone(),
            });
        }
        // Parents must exist, and the hierarchy must not loop.
        for block in files.iter().flat_map(|f| f.units.iter()) {
            if let Some(parent) = field(&block.fields, "induk") {
                let parent = parent.value.clone();
                self.unit_ref(&parent, "induk");
            }
        }
        self.unit_loops();
    }

    /// Reports each loop in the unit hierarchy once, at the unit where the walk closes it.
    /// Linear in the number of units: each unit is walked at most once.
    fn unit_loops(&mut self) {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            OnPath,
            Done,
        }
        let count = self.book.units.len();
        let mut marks = vec![Mark::New; count];
        for start in 0..count {
            let mut path = Vec::new();
            let mut at = Some(start);
            while let Some(i) = at {
                match marks[i] {
                    Mark::Done => break,
                    Mark::OnPath => {
                        let unit = &self.book.units[i];
                        let (id, span) = (unit.id.clone(), unit.id_span);
                        let d = self.error(
                            "E110",
                            span,
                            format!("hierarki unit `{id}` berputar: unit ini menjadi induk dirinya sendiri"),
                            format!("the hierarchy of unit `{id}` loops back to itself"),
                        );
                        d.help = Some(Text::new(
                            "periksa isian `induk` pada unit-unit dalam lingkaran ini",
                            "check the `induk` fields of the units in this loop",
                        ));
                        break;
                    }
                    Mark::New => {
                        marks[i] = Mark::OnPath;
                        path.push(i);
                        at = self.book.units[i]
                            .parent
                            .as_ref()
                            .and_then(|p| self.book.unit_index.get(p).copied());
                    }
                }
            }
            for i in path {
                marks[i] = Mark::Done;
            }
        }
    }

    /// Reports an unknown unit id; returns whether the id is known.
    fn unit_ref(&mut self, id: &ast::Spanned<String>, role: &str) -> bool {
        if self.book.unit_index.contains_key(&id.value) {
            return true;
        }
        if self.unreadable_units.contains(&id.value) {
            return false;
        }
        let suggestion = closest(&id.value, self.book.unit_index.keys().map(String::as_str))
            .map(str::to_string)
            .or_else(|| {
                // A display name or alias written where the id belongs.
                self.book
                    .units
                    .iter()
                    .find(|u| {
                        u.name.eq_ignore_ascii_case(&id.value)
                            || u.aliases.iter().any(|a| a.eq_ignore_ascii_case(&id.value))
                    })
                    .map(|u| u.id.clone())
            });
        let help = match suggestion {
            Some(s) => Text::new(
                format!("mungkin maksudnya `{s}`?"),
                format!("did you mean `{s}`?"),
            ),
            None => Text::new(
                format!("deklarasikan `unit {} : Nama` (atau `pihak` untuk pihak luar), atau perbaiki id-nya", id.value).replace(" :", ":"),
                format!("declare `unit {}: Name` (or `pihak` for an outside party), or fix the id", id.value),
            ),
        };
        let d = self.error(
            "E102",
            id.span,
            format!("unit `{}` ({role}) tidak dikenal", id.value),
            format!("unknown unit `{}` ({role})", id.value),
        );
        d.help = Some(help);
        false
    }

    fn processes(&mut self, blocks: Vec<ast::ProcessBlock>) {
        // Parse codes and drop duplicates, then sort into book order.
        let mut accepted: Vec<(Code, ast::ProcessBlock)> = Vec::new();
        let mut seen: BTreeMap<String, Span> = BTreeMap::new();
        for block in blocks {
            let written = &block.code.value;
            let Some(code) = Code::parse(written).filter(|c| c.to_string() == *written) else {
                let canonical = Code::parse(written.trim_end_matches('.')).map(|c| c.to_string());
                let d = self.error(
                    "E105",
                    block.code.span,
                    format!("kode proses `{written}` tidak sah"),
                    format!("invalid process code `{written}`"),
                );
                d.help = Some(match canonical {
                    Some(c) => Text::new(
                        format!("tulis `{c}`: huruf lalu angka bertitik, tanpa titik di akhir dan tanpa nol di depan"),
                        format!("write `{c}`: letters then dotted numbers, no trailing dot, no leading zeros"),
                    ),
                    None => Text::new(
                        "kode ditulis huruf lalu angka bertitik, mis. `P1`, `P1.2`, `P1.2.3`",
                        "a code is letters then dotted numbers, e.g. `P1`, `P1.2`, `P1.2.3`",
                    ),
                });
                continue;
            };
            let text = code.to_string();
            if let Some(&first) = seen.get(&text) {
                let d = self.error(
                    "E103",
                    block.code.span,
                    format!("kode proses `{text}` sudah dipakai"),
                    format!("process code `{text}` is already used"),
                );
                d.labels.push(crate::diagnostic::Label {
                    span: first,
                    message: first_here(),
                });
                d.help = Some(Text::new(
                    "setiap proses butuh kode yang unik; periksa penomoran",
                    "every process needs a unique code; check the numbering",
                ));
                continue;
            }
            seen.insert(text, block.code.span);
            accepted.push((code, block));
        }
        accepted.sort_by(|a, b| a.0.cmp(&b.0));

        for (code, block) in &mut accepted {
            let text = code.to_string();
            self.book
                .process_index
                .insert(text.clone(), self.book.processes.len());
            let parent = code.parent().map(|p| p.to_string());
            let declared = field(&block.fields, "kategori").cloned();
            let category = declared.as_ref().and_then(|f| {
                let c = Category::from_keyword(&f.value.value);
                if c.is_none() {
                    self.invalid_value(
                        &f.value,
                        "kategori",
                        "tulis `manajerial`, `utama` atau `pendukung`",
                        "write `manajerial`, `utama` or `pendukung`",
                    );
                }
                c
            });
            self.book.processes.push(Process {
                code: code.clone(),
                code_span: block.code.span,
                name: std::mem::take(&mut block.name.value),
                name_span: block.name.span,
                parent,
                children: Vec::new(),
                level: code.level(),
                category,
                category_span: category.and(declared.as_ref().map(|f| f.value.span)),
                description: field(&block.fields, "uraian").map(|f| Item {
                    text: f.value.value.clone(),
                    span: f.value.span,
                }),
                sipoc: Sipoc {
                    supplier: items(&block.fields, "pemasok"),
                    input: items(&block.fields, "masukan"),
                    output: items(&block.fields, "keluaran"),
                    customer: items(&block.fields, "pelanggan"),
                },
                notes: items(&block.fields, "catatan"),
                map: None,
                sop: None,
                span: block.span,
                suppressions: std::mem::take(&mut block.suppressions),
            });
        }

        // Parents and children; categories flow down (parents sort before children).
        for (i, (_, block)) in accepted.iter().enumerate() {
            let Some(parent) = self.book.processes[i].parent.clone() else {
                continue;
            };
            match self.book.process_index.get(&parent).copied() {
                Some(p) => {
                    let child = self.book.processes[i].code_text();
                    self.book.processes[p].children.push(child);
                    if self.book.processes[i].category.is_none() {
                        self.book.processes[i].category = self.book.processes[p].category;
                    }
                }
                None if self.unreadable_processes.contains(&parent) => {}
                None => {
                    let (code, span) = (self.book.processes[i].code_text(), block.code.span);
                    let d = self.error(
                        "E104",
                        span,
                        format!("proses induk `{parent}` dari `{code}` tidak ada"),
                        format!("the parent `{parent}` of `{code}` does not exist"),
                    );
                    d.help = Some(Text::new(
                        format!("tambahkan `proses {parent}: Nama` atau perbaiki kode `{code}`"),
                        format!("add `proses {parent}: Name` or fix the code `{code}`"),
                    ));
                }
            }
        }

        for (i, (_, block)) in accepted.iter_mut().enumerate() {
            if let Some(sop) = block.sop.take() {
                self.book.processes[i].sop = Some(self.sop(&sop));
            }
        }
        for (i, (_, block)) in accepted.into_iter().enumerate() {
            self.cross_map(i, block);
        }
    }

    fn cross_map(&mut self, index: usize, block: ast::ProcessBlock) {
        let lane_fields: Vec<&ast::Field> =
            block.fields.iter().filter(|f| f.key() == "lajur").collect();
        if lane_fields.is_empty() && block.steps.is_empty() {
            return;
        }
        let process = &self.book.processes[index];
        let code = process.code_text();
        if process.level == 0 || !process.is_leaf() {
            let first = lane_fields
                .first()
                .map(|f| f.span)
                .or(block.steps.first().map(|s| s.span))
                .unwrap_or(block.span);
            let (id, en, help_id, help_en) = if process.level == 0 {
                (
                    format!("peta proses level 0 `{code}` tidak memuat lajur atau langkah"),
                    format!("the level-0 map `{code}` cannot have lanes or steps"),
                    "pindahkan lajur dan langkah ke proses daun yang dipetakan".to_string(),
                    "move the lanes and steps to the leaf process they map".to_string(),
                )
            } else {
                let children = process.children.join(", ");
                (
                    format!("proses `{code}` punya subproses ({children}), jadi tidak memuat peta lintas fungsi"),
                    format!("process `{code}` has sub-processes ({children}), so it cannot hold a cross-functional map"),
                    "peta lintas fungsi hanya untuk proses terbawah; pindahkan langkah ke subprosesnya".to_string(),
                    "cross-functional maps belong to leaf processes; move the steps to a sub-process".to_string(),
                )
            };
            let d = self.error("E112", first, id, en);
            d.help = Some(Text::new(help_id, help_en));
            return;
        }

        let mut map = CrossMap::default();
        let mut lane_seen: BTreeMap<String, Span> = BTreeMap::new();
        for f in &lane_fields {
            for lane in id_list(&f.value) {
                let spanned = ast::Spanned::new(lane.text.clone(), lane.span);
                if !is_ident(&lane.text) {
                    let d = self.error(
                        "E102",
                        lane.span,
                        format!("`{}` bukan id unit", lane.text),
                        format!("`{}` is not a unit id", lane.text),
                    );
                    d.help = Some(Text::new(
                        "tulis id unit (huruf, angka, `_`, `-`), dipisah koma",
                        "write unit ids (letters, digits, `_`, `-`), separated by commas",
                    ));
                    continue;
                }
                if let Some(&first) = lane_seen.get(&lane.text) {
                    let d = self.error(
                        "E109",
                        lane.span,
                        format!("lajur `{}` ditulis dua kali", lane.text),
                        format!("lane `{}` is listed twice", lane.text),
                    );
                    d.labels.push(crate::diagnostic::Label {
                        span: first,
                        message: first_here(),
                    });
                    d.help = Some(Text::new(
                        "setiap unit cukup satu lajur; hapus yang berulang",
                        "each unit gets one lane; remove the repeat",
                    ));
                    continue;
                }
                lane_seen.insert(lane.text.clone(), lane.span);
                self.unit_ref(&spanned, "lajur");
                map.lanes.push(Lane {
                    unit: lane.text,
                    span: lane.span,
                });
            }
        }
        // A map without `lajur:` is one mistake, not one per step: say it once, with the lanes
        // its steps use, and check no step against the missing list.
        let lanes_missing = lane_fields.is_empty();
        if lanes_missing {
            let mut used: Vec<&str> = Vec::new();
            for step in &block.steps {
                if !used.contains(&step.lane.value.as_str()) {
                    used.push(&step.lane.value);
                }
            }
            let list = used.join(", ");
            let d = self.error(
                "E117",
                block.code.span,
                format!("peta `{code}` tidak punya `lajur:`"),
                format!("map `{code}` has no `lajur:`"),
            );
            d.help = Some(Text::new(
                format!("tambahkan di bawah `proses {code}: …` baris `lajur: {list}` (urut dari atas, pihak yang melayani publik paling atas)"),
                format!("add below `proses {code}: …` the line `lajur: {list}` (top lane first, the party facing the public on top)"),
            ));
        }

        // Steps become nodes first; their flows are resolved once every node exists.
        let mut pending: Vec<(NodeIndex, Vec<ast::FlowStmt>)> = Vec::new();
        for mut step in block.steps {
            let id = &step.id.value;
            if let Some(&first) = map.step_index.get(id) {
                let first_span = map.graph[first].id_span;
                let d = self.error(
                    "E106",
                    step.id.span,
                    format!("id langkah `{id}` sudah dipakai di `{code}`"),
                    format!("step id `{id}` is already used in `{code}`"),
                );
                d.labels.push(crate::diagnostic::Label {
                    span: first_span,
                    message: first_here(),
                });
                d.help = Some(Text::new(
                    "setiap langkah dalam satu peta butuh id yang unik",
                    "every step of a map needs a unique id",
                ));
                continue;
            }
            if !lanes_missing && !lane_seen.contains_key(&step.lane.value) {
                self.lane_not_listed(&code, id, &step.lane, &map, "lajur");
            }
            let shared_with = if lanes_missing {
                Vec::new()
            } else {
                self.shared_lanes(&code, &step, &lane_seen, &map)
            };
            let process = self.step_link(&code, &step);
            let key = id.clone();
            let single = |key: &str| {
                field(&step.fields, key).map(|f| Item {
                    text: f.value.value.clone(),
                    span: f.value.span,
                })
            };
            let node = map.graph.add_node(Step {
                outputs: items(&step.fields, "keluaran"),
                notes: items(&step.fields, "catatan"),
                requirements: items(&step.fields, "kelengkapan"),
                duration: single("waktu"),
                number: single("no"),
                shared_with,
                process,
                id: step.id.value,
                kind: step.kind,
                lane: step.lane.value,
                label: step.label.value,
                span: step.span,
                id_span: step.id.span,
                lane_span: step.lane.span,
                label_span: step.label.span,
                suppressions: step.suppressions,
            });
            map.step_index.insert(key, node);
            pending.push((node, std::mem::take(&mut step.flows)));
        }

        for (from, flows) in pending {
            for flow in flows {
                let Some(&to) = map.step_index.get(&flow.target.value) else {
                    if block.unreadable_steps.contains(&flow.target.value) {
                        continue; // the step's own line is already reported
                    }
                    let ids: Vec<&str> = map.step_index.keys().map(String::as_str).collect();
                    let help = match closest(&flow.target.value, ids.iter().copied()) {
                        Some(near) => Text::new(
                            format!("mungkin maksudnya `{near}`?"),
                            format!("did you mean `{near}`?"),
                        ),
                        None => Text::new(
                            format!("langkah yang ada di `{code}`: {}", ids.join(", ")),
                            format!("the steps of `{code}` are: {}", ids.join(", ")),
                        ),
                    };
                    let d = self.error(
                        "E107",
                        flow.target.span,
                        format!("langkah `{}` tidak ada di peta `{code}`", flow.target.value),
                        format!("there is no step `{}` in map `{code}`", flow.target.value),
                    );
                    d.help = Some(help);
                    continue;
                };
                map.graph.add_edge(
                    from,
                    to,
                    Flow {
                        // Trimmed like every other value (the grammar stops a branch
                        // label only at spaces and tabs), so `peta fmt` keeps it.
                        label: flow
                            .label
                            .map(|l| l.value.trim().to_string())
                            .filter(|l| !l.is_empty()),
                        span: flow.span,
                        target_span: flow.target.span,
                    },
                );
            }
        }
        self.book.processes[index].map = Some(map);
    }

    /// E108: a step (or a `bersama` entry) names a lane the map does not list.
    fn lane_not_listed(
        &mut self,
        code: &str,
        step: &str,
        lane: &ast::Spanned<String>,
        map: &CrossMap,
        role: &str,
    ) {
        let lanes: Vec<&str> = map.lanes.iter().map(|l| l.unit.as_str()).collect();
        let known_unit = self.book.unit_index.contains_key(&lane.value);
        let help = match (known_unit, closest(&lane.value, lanes.iter().copied())) {
            (false, Some(near)) => Text::new(
                format!("mungkin maksudnya `{near}`?"),
                format!("did you mean `{near}`?"),
            ),
            _ => Text::new(
                format!(
                    "tambahkan `{}` ke `lajur:` proses ini, atau pilih salah satu lajurnya: {}",
                    lane.value,
                    lanes.join(", ")
                ),
                format!(
                    "add `{}` to this process's `lajur:`, or use one of its lanes: {}",
                    lane.value,
                    lanes.join(", ")
                ),
            ),
        };
        let (id, en) = if role == "bersama" {
            (
                format!("langkah `{step}` dikerjakan bersama lajur `{}` yang tidak tercantum pada peta `{code}`", lane.value),
                format!("step `{step}` is shared with lane `{}`, which map `{code}` does not list", lane.value),
            )
        } else {
            (
                format!(
                    "langkah `{step}` berada di lajur `{}` yang tidak tercantum pada peta `{code}`",
                    lane.value
                ),
                format!(
                    "step `{step}` is in lane `{}`, which map `{code}` does not list",
                    lane.value
                ),
            )
        };
        let d = self.error("E108", lane.span, id, en);
        d.help = Some(help);
    }

    /// The lanes a joint step is shared with (`bersama:`): lanes of the map, other than the
    /// step's own, each once.
    fn shared_lanes(
        &mut self,
        code: &str,
        step: &ast::StepBlock,
        lane_seen: &BTreeMap<String, Span>,
        map: &CrossMap,
    ) -> Vec<Item> {
        let id = &step.id.value;
        let mut shared: Vec<Item> = Vec::new();
        for f in step.fields.iter().filter(|f| f.key() == "bersama") {
            for lane in id_list(&f.value) {
                let spanned = ast::Spanned::new(lane.text.clone(), lane.span);
                if !lane_seen.contains_key(&lane.text) {
                    self.lane_not_listed(code, id, &spanned, map, "bersama");
                    continue;
                }
                if lane.text == step.lane.value {
                    let d = self.error(
                        "E118",
                        lane.span,
                        format!("langkah `{id}` sudah berada di lajur `{}`; `bersama` menyebut lajur lain yang ikut mengerjakannya", lane.text),
                        format!("step `{id}` already sits in lane `{}`; `bersama` names the other lanes that share it", lane.text),
                    );
                    d.help = Some(Text::new(
                        format!("hapus `{}` dari `bersama:`", lane.text),
                        format!("remove `{}` from `bersama:`", lane.text),
                    ));
                    continue;
                }
                if let Some(first) = shared.iter().find(|s| s.text == lane.text) {
                    let first = first.span;
                    let d = self.error(
                        "E118",
                        lane.span,
                        format!(
                            "lajur `{}` disebut dua kali dalam `bersama` langkah `{id}`",
                            lane.text
                        ),
                        format!(
                            "lane `{}` is named twice in the `bersama` of step `{id}`",
                            lane.text
                        ),
                    );
                    d.labels.push(crate::diagnostic::Label {
                        span: first,
                        message: first_here(),
                    });
                    d.help = Some(Text::new("hapus yang berulang", "remove the repeat"));
                    continue;
                }
                shared.push(lane);
            }
        }
        shared
    }

    /// The map a step links to (`dari proses`, `lanjut ke proses`, `jalankan proses`): under
    /// the one kind of step each belongs to, once, to an existing leaf process other than this.
    fn step_link(&mut self, code: &str, step: &ast::StepBlock) -> Option<Item> {
        let id = &step.id.value;
        let mut found: Option<Item> = None;
        for link in &step.links {
            let words = link.kind.words();
            if link.kind.step_kind() != step.kind {
                let kind = step.kind.keyword();
                let (help_id, help_en) = match ast::LinkKind::for_step(step.kind) {
                    Some(right) => (
                        format!("di bawah `{kind}` tulis `{} {}`; `{words}` milik langkah `{}`", right.words(), link.code.value, link.kind.step_kind().keyword()),
                        format!("below a `{kind}` write `{} {}`; `{words}` belongs under a `{}`", right.words(), link.code.value, link.kind.step_kind().keyword()),
                    ),
                    None => (
                        format!("`{kind}` tidak menaut ke peta lain; tautkan dari langkah `selesai` sesudahnya dengan `lanjut ke proses {}`", link.code.value),
                        format!("a `{kind}` does not link to another map; link from the `selesai` after it with `lanjut ke proses {}`", link.code.value),
                    ),
                };
                let d = self.error(
                    "E116",
                    link.span,
                    format!("`{words}` tidak dapat berada di bawah `{kind}` `{id}`"),
                    format!("`{words}` cannot stand below the `{kind}` step `{id}`"),
                );
                d.help = Some(Text::new(help_id, help_en));
                continue;
            }
            if let Some(first) = &found {
                let first = first.span;
                let d = self.error(
                    "E009",
                    link.span,
                    format!("langkah `{id}` menaut ke proses lain dua kali"),
                    format!("step `{id}` links to another process twice"),
                );
                d.labels.push(crate::diagnostic::Label {
                    span: first,
                    message: first_here(),
                });
                d.help = Some(Text::new(
                    "satu langkah menaut ke satu peta; hapus salah satunya",
                    "a step links to one map; remove one of them",
                ));
                continue;
            }
            let written = &link.code.value;
            let Some(target) = Code::parse(written).filter(|c| c.to_string() == *written) else {
                let canonical = Code::parse(written.trim_end_matches('.')).map(|c| c.to_string());
                let d = self.error(
                    "E105",
                    link.code.span,
                    format!("kode proses `{written}` tidak sah"),
                    format!("invalid process code `{written}`"),
                );
                d.help = Some(match canonical {
                    Some(c) => Text::new(format!("tulis `{c}`"), format!("write `{c}`")),
                    None => Text::new(
                        "kode ditulis huruf lalu angka bertitik, mis. `P1.2.3`",
                        "a code is letters then dotted numbers, e.g. `P1.2.3`",
                    ),
                });
                continue;
            };
            let target = target.to_string();
            let item = Item {
                text: target.clone(),
                span: link.code.span,
            };
            if self.unreadable_processes.contains(&target) {
                found = Some(item);
                continue;
            }
            let Some(linked) = self.book.process(&target) else {
                let codes: Vec<&str> = self.book.process_index.keys().map(String::as_str).collect();
                let help = match closest(&target, codes.iter().copied()) {
                    Some(near) => Text::new(
                        format!("mungkin maksudnya `{near}`?"),
                        format!("did you mean `{near}`?"),
                    ),
                    None => Text::new(
                        "tulis kode proses yang dideklarasikan dengan `proses`",
                        "write the code of a process declared with `proses`",
                    ),
                };
                let d = self.error(
                    "E114",
                    link.code.span,
                    format!("langkah `{id}` menaut ke proses `{target}` yang tidak ada"),
                    format!("step `{id}` links to process `{target}`, which does not exist"),
                );
                d.help = Some(help);
                continue;
            };
            let problem = if target == code {
                Some((
                    "peta tidak dapat menaut ke dirinya sendiri".to_string(),
                    "a map cannot link to itself".to_string(),
                    "tautkan ke peta lain, atau gambarkan pengulangannya dengan `lanjut ke ID`"
                        .to_string(),
                    "link to another map, or draw the repetition with `lanjut ke ID`".to_string(),
                ))
            } else if linked.level == 0 {
                Some((
                    format!("`{target}` adalah peta proses level 0, bukan peta lintas fungsi"),
                    format!("`{target}` is the level-0 map, not a cross-functional map"),
                    "tautkan ke proses terbawah yang memetakan pekerjaannya".to_string(),
                    "link to the leaf process that maps the work".to_string(),
                ))
            } else if !linked.is_leaf() {
                let children = linked.children.join(", ");
                Some((
                    format!("`{target}` punya subproses ({children}), jadi tidak punya peta lintas fungsi"),
                    format!("`{target}` has sub-processes ({children}), so it has no cross-functional map"),
                    format!("tautkan ke subproses yang dimaksud: {children}"),
                    format!("link to the sub-process meant: {children}"),
                ))
            } else {
                None
            };
            if let Some((message_id, message_en, help_id, help_en)) = problem {
                let d = self.error(
                    "E115",
                    link.code.span,
                    format!("langkah `{id}` menaut ke `{target}`: {message_id}"),
                    format!("step `{id}` links to `{target}`: {message_en}"),
                );
                d.help = Some(Text::new(help_id, help_en));
                continue;
            }
            found = Some(item);
        }
        found
    }

    /// The SOP identity of a process: dates validated, `keterkaitan` codes resolved like links.
    fn sop(&mut self, block: &ast::SopBlock) -> Sop {
        let f = &block.fields;
        let item = |key: &str| {
            field(f, key).map(|field| Item {
                text: field.value.value.trim().to_string(),
                span: field.value.span,
            })
        };
        let mut date = |key: &str| {
            let written = field(f, key)?;
            match parse_date(&written.value.value) {
                Some(iso) => Some(Item {
                    text: iso,
                    span: written.value.span,
                }),
                None => {
                    self.invalid_value(
                        &written.value,
                        key,
                        "tulis tanggal yang ada, mis. `2023-02-03` atau `03 Februari 2023`",
                        "write a real date, e.g. `2023-02-03` or `03 Februari 2023`",
                    );
                    None
                }
            }
        };
        let (made, revised, effective) = (
            date("tanggal_pembuatan"),
            date("tanggal_revisi"),
            date("tanggal_efektif"),
        );
        let mut related = Vec::new();
        for written in f.iter().filter(|f| f.key() == "keterkaitan") {
            for code in id_list(&written.value) {
                if let Some(code) = self.related_process(code) {
                    related.push(code);
                }
            }
        }
        Sop {
            span: block.span,
            number: item("nomor"),
            name: item("nama"),
            made,
            revised,
            effective,
            approver_name: item("disahkan_nama"),
            approver_title: item("disahkan_jabatan"),
            approver_nip: item("disahkan_nip"),
            legal_basis: items(f, "dasar_hukum"),
            qualifications: items(f, "kualifikasi"),
            related,
            equipment: items(f, "peralatan"),
            warning: item("peringatan"),
            records: item("pencatatan"),
        }
    }

    /// A `keterkaitan` code: a declared process (any level), written canonically.
    fn related_process(&mut self, written: Item) -> Option<Item> {
        let canonical = Code::parse(&written.text).map(|c| c.to_string());
        if canonical.as_deref() == Some(written.text.as_str())
            && (self.book.process_index.contains_key(&written.text)
                || self.unreadable_processes.contains(&written.text))
        {
            return Some(written);
        }
        let codes: Vec<&str> = self.book.process_index.keys().map(String::as_str).collect();
        let help = match canonical
            .as_deref()
            .filter(|c| codes.contains(c))
            .or_else(|| closest(&written.text, codes.iter().copied()))
        {
            Some(near) => Text::new(
                format!("mungkin maksudnya `{near}`?"),
                format!("did you mean `{near}`?"),
            ),
            None => Text::new(
                "tulis kode proses yang dideklarasikan dengan `proses`, pisahkan dengan koma",
                "write codes of processes declared with `proses`, separated by commas",
            ),
        };
        let text = &written.text;
        let d = self.error(
            "E119",
            written.span,
            format!("`keterkaitan` menyebut proses `{text}` yang tidak ada"),
            format!("`keterkaitan` names process `{text}`, which does not exist"),
        );
        d.help = Some(help);
        None
    }

    fn relations(&mut self, files: &[ast::File]) {
        for block in files.iter().flat_map(|f| f.relations.iter()) {
            let code = &block.code.value;
            if !self.book.process_index.contains_key(code)
                && !self.unreadable_processes.contains(code)
            {
                let codes: Vec<&str> = self.book.process_index.keys().map(String::as_str).collect();
                let suggestion = closest(code, codes.iter().copied()).map(str::to_string);
                let d = self.error(
                    "E113",
                    block.code.span,
                    format!("relasi menyebut proses `{code}` yang tidak ada"),
                    format!("the relation names process `{code}`, which does not exist"),
                );
                d.help = Some(match suggestion {
                    Some(s) => Text::new(
                        format!("mungkin maksudnya `{s}`?"),
                        format!("did you mean `{s}`?"),
                    ),
                    None => Text::new(
                        "tulis kode proses yang dideklarasikan dengan `proses`",
                        "write the code of a process declared with `proses`",
                    ),
                });
            }
            let units = id_list(&block.units);
            for unit in &units {
                self.unit_ref(&ast::Spanned::new(unit.text.clone(), unit.span), "relasi");
            }
            self.book.relations.push(RelationDecl {
                code: code.clone(),
                units,
                span: block.span,
                suppressions: block.suppressions.clone(),
            });
        }
    }
}
