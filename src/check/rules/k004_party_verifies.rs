//! K004 party-verifies: the agency's own checks and approvals are done by its own units, not
//! by an outside party (an applicant, a vendor) in a `pihak` lane.

use crate::check::prelude::*;
use crate::check::rules::common::lower_words;
use crate::check::rules::common::morph::same_root;
use crate::model::Unit;

pub const RULE: Rule = Rule {
    code: "K004",
    name: "party-verifies",
    principle: Principle::Keterkaitan,
    severity: Severity::Warning,
    summary: Words {
        id: "pihak luar (pemohon, penyedia) yang memeriksa, memverifikasi atau memutuskan",
        en: "outside party (applicant, vendor) that checks, verifies or decides",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Langkah di lajur sebuah `pihak` yang bukan instansi pemerintah (pemohon, wajib pajak, penyedia,
masyarakat, ...): setiap `keputusan`, dan setiap `tugas` yang memeriksa atau menyetujui
(kata kerjanya, atau kata sesudah `melakukan`, seakar dengan salah satu kata parameter `verbs`:
`memeriksa`, `memverifikasi`, `mengecek`, `menyetujui`, `mengesahkan`, `memvalidasi`,
`meneliti`). Pihak yang nama atau aliasnya diawali kata instansi pemerintah (`Badan`, `Dinas`,
`Kementerian`, `Inspektorat`, `Kantor`, `Pemerintah`, `Perangkat`, `Bupati`, ...) atau `Bank`
(agen kas daerah) tidak termasuk: pemeriksaan oleh instansi lain menurut kewenangannya adalah
bagian prosesnya yang sah.

## Mengapa
Prinsip 5, keterkaitan dengan struktur organisasi (Permenpan RB 19/2018): setiap proses terkait
dengan struktur organisasi, dan tanggung jawab atas hasilnya ada pada unit di dalamnya.
Verifikasi dan persetujuan adalah titik kendali instansi; bila dijalankan pemohon atau penyedia
sendiri, kendali itu hilang (penyedia menyetujui hasil kerjanya sendiri), atau petanya salah
menaruh langkah di lajur.

## Contoh
```text
pihak vendor: Penyedia Aplikasi

proses P5.2: Pengelolaan Aplikasi
  lajur: subbid_si, vendor
  mulai minta di subbid_si: Permintaan perubahan aplikasi
    lanjut ke kerjakan
  tugas kerjakan di vendor: Mengerjakan perubahan aplikasi
    lanjut ke uji
  keputusan uji di vendor: Aplikasi lolos uji penerimaan?
    lanjut ke pasang jika lolos
    lanjut ke kerjakan jika belum
  selesai pasang di subbid_si: Aplikasi terpasang
```

## Cara memperbaiki
Pindahkan pemeriksaan atau keputusan ke lajur unit instansi yang bertanggung jawab (mis.
`keputusan uji di subbid_si`). Bila pihak itu memang instansi pemerintah, tulis namanya lengkap
(`Badan ...`, `Dinas ...`).",
        en: "## What it checks
Steps in the lane of a `pihak` that is not a government body (applicant, taxpayer, vendor, the
public, ...): every `keputusan` (decision), and every `tugas` that checks or approves
(its verb, or the word after `melakukan`, shares a root with one of the `verbs` parameter:
`memeriksa`, `memverifikasi`, `mengecek`, `menyetujui`, `mengesahkan`, `memvalidasi`,
`meneliti`). A party whose name or alias starts with a government word (`Badan`, `Dinas`,
`Kementerian`, `Inspektorat`, `Kantor`, `Pemerintah`, `Perangkat`, `Bupati`, ...) or `Bank`
(the treasury's agent) is left out: another agency checking under its own authority is a
rightful part of the process.

## Why
Principle 5, keterkaitan dengan struktur organisasi (Permenpan RB 19/2018): every process is tied
to the organisation, and responsibility for its result lies with its units. Verification and
approval are the agency's control points; done by the applicant or the vendor, the control is
lost (a vendor approving its own work), or the map put the step in the wrong lane.

## Example
```text
pihak vendor: Penyedia Aplikasi

proses P5.2: Pengelolaan Aplikasi
  lajur: subbid_si, vendor
  mulai minta di subbid_si: Permintaan perubahan aplikasi
    lanjut ke kerjakan
  tugas kerjakan di vendor: Mengerjakan perubahan aplikasi
    lanjut ke uji
  keputusan uji di vendor: Aplikasi lolos uji penerimaan?
    lanjut ke pasang jika lolos
    lanjut ke kerjakan jika belum
  selesai pasang di subbid_si: Aplikasi terpasang
```

## How to fix
Move the check or decision to the lane of the agency's unit that is responsible (e.g.
`keputusan uji di subbid_si`). If the party really is a government body, write its full name
(`Badan ...`, `Dinas ...`).",
    },
    params: &[Param {
        name: "verbs",
        default: "memeriksa,memverifikasi,mengecek,menyetujui,mengesahkan,memvalidasi,meneliti",
        meaning: Words {
            id: "kata kerja pemeriksaan dan persetujuan (dibandingkan menurut kata dasarnya)",
            en: "verbs of checking and approving (compared by their roots)",
        },
    }],
    check: Check::Model(check),
};

/// First words of the names of government bodies and their heads. Banks are among them: a
/// bank in these maps is the regional treasury's agent (bank persepsi, the bank holding the
/// kas daerah) and checks payments under its own rules.
const GOVERNMENT: &[&str] = &[
    "bank",
    "badan",
    "dinas",
    "kementerian",
    "inspektorat",
    "kantor",
    "sekretariat",
    "biro",
    "lembaga",
    "komisi",
    "pemerintah",
    "pemkot",
    "pemkab",
    "pemprov",
    "perangkat",
    "bupati",
    "walikota",
    "wali",
    "gubernur",
    "dprd",
    "kecamatan",
    "kelurahan",
    "balai",
    "direktorat",
    "satuan",
    "unit",
    "upt",
    "uptd",
    "rumah",
    "puskesmas",
    "kepolisian",
    "kejaksaan",
    "pengadilan",
    "menteri",
];

fn is_government(unit: &Unit) -> bool {
    std::iter::once(&unit.name).chain(&unit.aliases).any(|n| {
        lower_words(n)
            .first()
            .is_some_and(|w| GOVERNMENT.contains(&w.as_str()))
    })
}

/// The words of a label that say what the step does: its first word, a verb joined to it by
/// `dan` (`Menerima dan memverifikasi`), and the noun after `melakukan`/`dilakukan`.
fn action_words(label: &str) -> Vec<String> {
    let words = lower_words(label);
    let mut out: Vec<String> = words.first().cloned().into_iter().collect();
    if words.get(1).is_some_and(|w| w == "dan") {
        out.extend(words.get(2).cloned());
    }
    for (i, w) in words.iter().enumerate() {
        if matches!(w.as_str(), "melakukan" | "dilakukan" | "melaksanakan") {
            out.extend(words.get(i + 1).cloned());
        }
    }
    out
}

fn check(c: &mut Checker) {
    let verbs: Vec<String> = c.list("verbs").iter().map(|v| v.to_lowercase()).collect();
    let book = c.book;
    for (process, map) in c.maps() {
        for (_, step) in map.steps() {
            let Some(unit) = book.unit(&step.lane) else {
                continue;
            };
            if !unit.external || is_government(unit) {
                continue;
            }
            let verifying = step.kind == StepKind::Task
                && action_words(&step.label)
                    .iter()
                    .any(|w| verbs.iter().any(|v| same_root(w, v)));
            if step.kind != StepKind::Decision && !verifying {
                continue;
            }
            let code = process.code_text();
            let (what_id, what_en) = if step.kind == StepKind::Decision {
                ("keputusan", "decision")
            } else {
                ("pemeriksaan", "check")
            };
            c.report(
                Owner::Step {
                    process: code.clone(),
                    step: step.id.clone(),
                },
                Some(step.lane_span),
                Text::new(
                    format!("{what_id} `{}` ({}) di peta `{code}` dijalankan pihak luar `{}` ({})", step.id, step.label, unit.id, unit.name),
                    format!("the {what_en} `{}` ({}) in map `{code}` is made by the outside party `{}` ({})", step.id, step.label, unit.id, unit.name),
                ),
            )
            .help = Some(Text::new(
                "pindahkan langkah ini ke lajur unit instansi yang bertanggung jawab atas pemeriksaan atau persetujuannya",
                "move this step to the lane of the agency's unit responsible for the check or approval",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::action_words;
    use crate::check::findings_of;

    const UNITS: &str = "unit si: Subbidang Sistem Informasi\npihak vendor: Penyedia Aplikasi\npihak bpkad: Badan Pengelolaan Keuangan (BPKAD)\n  alias: BPKAD\n";

    #[test]
    fn the_words_that_say_what_a_step_does() {
        assert_eq!(
            action_words("Menerima dan memverifikasi dokumen"),
            ["menerima", "memverifikasi"]
        );
        assert_eq!(
            action_words("Vendor melakukan pemeriksaan hasil"),
            ["vendor", "pemeriksaan"]
        );
    }

    #[test]
    fn checks_and_decisions_of_outside_parties() {
        let text = "proses P1: Aplikasi\n  lajur: si, vendor, bpkad\n  mulai m di si: Permintaan\n    lanjut ke k\n  tugas k di vendor: Mengerjakan dan memeriksa aplikasi\n    lanjut ke u\n  keputusan u di vendor: Lolos uji?\n    lanjut ke v jika lolos\n    lanjut ke k jika belum\n  tugas v di bpkad: Memverifikasi dokumen\n    lanjut ke s\n  selesai s di si: Selesai\n";
        assert_eq!(
            findings_of("K004", &[("u.peta", UNITS), ("p.peta", text)]),
            [
                (5, "the check `k` (Mengerjakan dan memeriksa aplikasi) in map `P1` is made by the outside party `vendor` (Penyedia Aplikasi)".to_string()),
                (7, "the decision `u` (Lolos uji?) in map `P1` is made by the outside party `vendor` (Penyedia Aplikasi)".to_string()),
            ]
        );
    }
}
