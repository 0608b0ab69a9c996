//! The codes of the problems peta finds before any rule runs (`E…`): which stage finds each,
//! and what it means and how to fix it, for `peta explain E104`. Lint codes live with their
//! rules (`check::rules`); a test keeps this table and the codes the source emits in step.

use crate::check::Words;

/// The stage of the pipeline that reports a problem. Every stage but [`Stage::Lint`] stops the
/// build: the maps cannot be drawn (or the book assembled) from what was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Reading files: encoding, size.
    Read,
    /// The statements of a `.peta` file and how they group into blocks.
    Syntax,
    /// `peta.yaml` and the files it names.
    Settings,
    /// Building the model: names, codes, references between maps.
    Compile,
    /// A fault of peta itself, not of the maps.
    Internal,
    /// A rule's finding about the regulation's principles (never stops the build by itself).
    Lint,
}

impl Stage {
    /// The stage of a diagnostic code: from this table, else a rule's (lint), else internal.
    pub fn of(code: &str) -> Stage {
        if let Some(known) = find(code) {
            known.stage
        } else if crate::check::find_rule(code).is_some() {
            Stage::Lint
        } else {
            Stage::Internal
        }
    }

    /// Whether problems of this stage stop `build`, `render` and `export`.
    pub fn blocks_output(self) -> bool {
        self != Stage::Lint
    }
}

/// One `E…` code: its stage, a one-line summary and a Markdown explanation with the headings
/// of [`HEADINGS`].
#[derive(Debug, Clone, Copy)]
pub struct ErrorCode {
    pub code: &'static str,
    pub stage: Stage,
    pub summary: Words,
    pub explanation: Words,
}

/// The fixed headings of every explanation, in order.
pub const HEADINGS: Words = Words {
    id: "## Artinya\n## Cara memperbaiki",
    en: "## What it means\n## How to fix",
};

/// The code whose text is `code` (case-insensitive).
pub fn find(code: &str) -> Option<&'static ErrorCode> {
    ALL.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}

/// `peta explain CODE` for an `E…` code.
pub fn explain(code: &ErrorCode, lang: crate::diagnostic::Lang) -> String {
    format!(
        "# {}\n\n{}\n\n{}\n",
        code.code,
        code.summary.get(lang),
        code.explanation.get(lang).trim_end()
    )
}

macro_rules! codes {
    ($($code:literal, $stage:ident, $sum_id:literal, $sum_en:literal, $id:literal, $en:literal;)*) => {
        /// Every `E…` code peta emits, in order.
        pub const ALL: &[ErrorCode] = &[$(ErrorCode {
            code: $code,
            stage: Stage::$stage,
            summary: Words { id: $sum_id, en: $sum_en },
            explanation: Words { id: $id, en: $en },
        }),*];
    };
}

codes! {
    "E001", Read,
    "Berkas bukan teks UTF-8",
    "The file is not UTF-8 text",
    "## Artinya\nBerkas `.peta` atau `peta.yaml` memuat bita yang bukan UTF-8, biasanya karena disimpan dengan pengodean lama (Windows-1252, Latin-1) oleh pengolah kata.\n\n## Cara memperbaiki\nBuka berkas di penyunting teks dan simpan ulang sebagai UTF-8. Tempat yang ditunjuk adalah bita pertama yang tidak sah.",
    "## What it means\nA `.peta` file or `peta.yaml` holds bytes that are not UTF-8, usually because a word processor saved it in an old encoding (Windows-1252, Latin-1).\n\n## How to fix\nOpen the file in a text editor and save it again as UTF-8. The place shown is the first invalid byte.";

    "E002", Syntax,
    "Baris tidak dikenali",
    "Unrecognised line",
    "## Artinya\nSetiap baris peta diawali kata kunci (`proses`, `unit`, `tugas`, `keputusan`, `lanjut`, …) atau berbentuk `kunci: nilai`. Baris ini bukan keduanya: kata kunci salah ketik, kunci isian lebih dari satu kata, atau lanjutan nilai yang lupa diberi `|`.\n\n## Cara memperbaiki\nPerbaiki kata kunci (pesan menyarankan yang terdekat), tulis kunci isian sebagai satu kata, atau awali baris lanjutan dengan `|`. Komentar diawali `#`.\n\n```\nproses P1.1.1: Pelayanan Pengaduan\n  lajur: loket, kabid\n  mulai m1 di loket: Pengaduan diterima\n```",
    "## What it means\nEvery line of a map starts with a keyword (`proses`, `unit`, `tugas`, `keputusan`, `lanjut`, …) or reads `key: value`. This line is neither: a misspelt keyword, a field key of more than one word, or the continuation of a value without its `|`.\n\n## How to fix\nCorrect the keyword (the message suggests the nearest), write the field key as one word, or start a continuation line with `|`. Comments start with `#`.\n\n```\nproses P1.1.1: Pelayanan Pengaduan\n  lajur: loket, kabid\n  mulai m1 di loket: Pengaduan diterima\n```";

    "E003", Syntax,
    "Baris tidak sesuai bentuk pernyataannya",
    "The line does not follow its statement's form",
    "## Artinya\nKata kunci baris ini dikenal, tetapi susunannya salah: misalnya langkah tanpa `di LAJUR`, kata `di` yang hilang, kode proses yang memuat spasi, atau kata kunci yang harus berdiri sendiri diberi teks.\n\n## Cara memperbaiki\nIkuti bentuk yang ditunjukkan pesan. Bentuk langkah: `tugas ID di LAJUR: Label`; bentuk proses: `proses P1.2.3: Nama`.",
    "## What it means\nThe line's keyword is known but its parts are out of order: a step without `di LANE`, the word `di` missing, a process code with a space inside, or text after a keyword that stands alone.\n\n## How to fix\nFollow the form the message shows. A step reads `tugas ID di LANE: Label`; a process `proses P1.2.3: Name`.";

    "E004", Syntax,
    "Isian tidak dikenal dalam blok ini",
    "Unknown field in this block",
    "## Artinya\nSebuah `kunci: nilai` ditulis di blok yang tidak mengenal kunci itu (misalnya `lajur` di dalam `unit`), atau kuncinya salah ketik.\n\n## Cara memperbaiki\nPerbaiki ejaan kunci, atau pindahkan isian ke blok yang tepat. Referensi bahasa di README mendaftar isian setiap blok.",
    "## What it means\nA `key: value` is written in a block that has no such key (e.g. `lajur` inside a `unit`), or the key is misspelt.\n\n## How to fix\nCorrect the key, or move the field to the block it belongs to. The README's language reference lists every block's fields.";

    "E005", Syntax,
    "Pernyataan di tempat yang salah",
    "Statement in the wrong place",
    "## Artinya\nPernyataan ini sah, tetapi tidak di tempatnya: langkah di luar `proses`, `lanjut` yang tidak tepat di bawah langkah asalnya, `penandatangan` di luar `buku`, `abaikan` tanpa unsur di atasnya, atau isian di luar blok apa pun.\n\n## Cara memperbaiki\nPindahkan baris ke bawah unsur yang dimaksud, dengan jorokan di bawahnya, seperti disarankan pesan.",
    "## What it means\nThe statement is valid but out of place: a step outside any `proses`, a `lanjut` not right below the step it leaves, `penandatangan` outside `buku`, an `abaikan` with no element above it, or a field outside any block.\n\n## How to fix\nMove the line below the element it belongs to, indented under it, as the message suggests.";

    "E006", Syntax,
    "Baris lanjutan tanpa nilai di atasnya",
    "Continuation line with nothing above it",
    "## Artinya\nBaris yang diawali `|` melanjutkan nilai baris di atasnya (uraian panjang, label panjang). Di atas baris ini tidak ada nilai yang bisa dilanjutkan.\n\n## Cara memperbaiki\nLetakkan baris `|` tepat di bawah `kunci: nilai` yang dilanjutkannya, atau hapus `|` jika baris ini berdiri sendiri.",
    "## What it means\nA line starting with `|` continues the value of the line above (a long description or label). There is no value above this one to continue.\n\n## How to fix\nPut the `|` line right below the `key: value` it continues, or remove the `|` if the line stands on its own.";

    "E007", Syntax,
    "Nilai kosong",
    "Empty value",
    "## Artinya\nSebuah isian atau label ditulis tanpa nilai sesudah tanda `:`.\n\n## Cara memperbaiki\nTulis nilainya sesudah `:`, atau hapus baris itu bila tidak diperlukan.",
    "## What it means\nA field or label has nothing after its `:`.\n\n## How to fix\nWrite the value after the `:`, or delete the line if it is not needed.";

    "E008", Syntax,
    "Isian di bawah langkah tidak menjorok",
    "Field below a step is not indented under it",
    "## Artinya\nIsian seperti `keluaran`, `catatan` atau `abaikan` ditulis sesudah sebuah langkah tetapi sejajar dengannya, sehingga tidak jelas milik langkah itu atau milik prosesnya.\n\n## Cara memperbaiki\nUntuk langkah: jorokkan lebih dalam dari baris langkahnya. Untuk proses: pindahkan baris ke atas langkah pertama, tepat di bawah `proses …`.",
    "## What it means\nA field such as `keluaran`, `catatan` or `abaikan` follows a step at the step's own indentation, so it is unclear whether it belongs to the step or to the process.\n\n## How to fix\nFor the step: indent it deeper than the step's line. For the process: move it above the first step, right below `proses …`.";

    "E009", Syntax,
    "Ditulis dua kali",
    "Written twice",
    "## Artinya\nIsian yang hanya boleh ada sekali ditulis dua kali dalam satu blok (misalnya dua `lajur:` dalam satu proses, dua `penandatangan` dalam satu buku, atau dua tautan ke proses lain dari satu langkah). Peta tidak menebak mana yang dimaksud.\n\n## Cara memperbaiki\nHapus salah satunya, atau gabungkan nilainya dalam satu baris.",
    "## What it means\nA field allowed once is written twice in one block (two `lajur:` in one process, two `penandatangan` in one book, two links to other processes from one step). peta does not guess which one is meant.\n\n## How to fix\nDelete one, or merge the values into one line.";

    "E010", Compile,
    "Nilai tidak sah untuk isian ini",
    "Invalid value for this field",
    "## Artinya\nIsian ini hanya menerima nilai tertentu (misalnya `kategori: utama` atau `pendukung`, tahun berupa angka), dan nilai yang ditulis bukan salah satunya.\n\n## Cara memperbaiki\nTulis salah satu nilai yang disebut pesan.",
    "## What it means\nThis field accepts only certain values (e.g. `kategori: utama` or `pendukung`, a year as a number), and the value written is none of them.\n\n## How to fix\nWrite one of the values the message lists.";

    "E011", Read,
    "Berkas terlalu besar",
    "File too large",
    "## Artinya\nBerkas sumber melebihi batas ukuran yang dibaca peta. Batas ini melindungi dari berkas yang keliru dimasukkan (arsip, gambar, ekspor basis data) ke folder proyek.\n\n## Cara memperbaiki\nPastikan berkas itu memang sumber peta; bila ya, pecah menjadi beberapa berkas `.peta` (satu per kelompok proses).",
    "## What it means\nA source file is larger than peta reads. The limit guards against files put into the project folder by mistake (archives, images, database exports).\n\n## How to fix\nCheck the file is a map source; if it is, split it into several `.peta` files (one per process group).";

    "E020", Settings,
    "`peta.yaml` tidak sah",
    "Invalid `peta.yaml`",
    "## Artinya\n`peta.yaml` bukan YAML yang sah, atau sebuah pengaturan bertipe salah (daftar di tempat teks, teks di tempat angka). Tempat yang ditunjuk adalah tempat pembaca YAML berhenti.\n\n## Cara memperbaiki\nPeriksa jorokan (spasi, bukan tab), tanda `:` sesudah setiap kunci, dan tanda kutip yang berpasangan.\n\n```yaml\nlang: id\nrules:\n  R001: { maks_langkah: 30 }\n```",
    "## What it means\n`peta.yaml` is not valid YAML, or a setting has the wrong type (a list where text belongs, text where a number belongs). The place shown is where the YAML reader stopped.\n\n## How to fix\nCheck the indentation (spaces, not tabs), the `:` after every key and that quotes are paired.\n\n```yaml\nlang: id\nrules:\n  R001: { maks_langkah: 30 }\n```";

    "E021", Settings,
    "Pengaturan `rules` tidak sah",
    "Invalid `rules` setting",
    "## Artinya\nBagian `rules` di `peta.yaml` menyebut aturan yang tidak ada, tingkat yang tidak dikenal, parameter yang tidak dimiliki aturannya, atau nilai parameter yang bertipe salah.\n\n## Cara memperbaiki\nTulis kode aturan (`U001`), namanya (`step-unreachable`), huruf prinsip atau `all`; tingkat `error`, `warning` atau `off`; parameter yang didaftar `peta explain KODE`.",
    "## What it means\nThe `rules` part of `peta.yaml` names a rule that does not exist, an unknown level, a parameter the rule does not have, or a parameter value of the wrong type.\n\n## How to fix\nWrite a rule code (`U001`), name (`step-unreachable`), principle letter or `all`; a level `error`, `warning` or `off`; the parameters `peta explain CODE` lists.";

    "E030", Settings,
    "Pengaturan `book` tidak sah",
    "Invalid `book` setting",
    "## Artinya\nBagian `book` di `peta.yaml` memuat kunci yang tidak dikenal atau nilai bertipe salah (misalnya `chapters` yang bukan daftar, ukuran kertas selain `a4`/`f4`).\n\n## Cara memperbaiki\nKunci yang dikenal: `preface`, `chapters`, `logo`, `paper`, `png`, `orientation`. Pesan menyebut bentuk yang benar untuk setiap kunci.",
    "## What it means\nThe `book` part of `peta.yaml` has an unknown key or a value of the wrong type (`chapters` that is not a list, a paper size other than `a4`/`f4`).\n\n## How to fix\nThe known keys: `preface`, `chapters`, `logo`, `paper`, `png`, `orientation`. The message gives the right form of each.";

    "E031", Settings,
    "Berkas yang disebut `peta.yaml` tidak dapat dibaca",
    "A file `peta.yaml` names cannot be read",
    "## Artinya\nBerkas bab, kata pengantar atau logo yang disebut di `book` tidak ada, bukan berkas, atau tidak dapat dibaca.\n\n## Cara memperbaiki\nPeriksa path-nya: relatif terhadap folder proyek, dengan huruf besar-kecil yang sama. Hapus entri yang tidak dipakai lagi.",
    "## What it means\nA chapter, preface or logo file named under `book` does not exist, is not a file, or cannot be read.\n\n## How to fix\nCheck its path: relative to the project folder, with the same upper and lower case. Remove entries no longer used.";

    "E032", Settings,
    "Path keluar dari folder proyek",
    "Path leaves the project folder",
    "## Artinya\nSebuah path di `peta.yaml` ditulis mutlak (`/…`, `C:\\…`) atau mengarah ke luar folder proyek (lewat `..` atau tautan simbolik). Buku hanya memuat berkas proyek sendiri, supaya hasil pembangunan sama di setiap komputer dan tidak membocorkan berkas lain.\n\n## Cara memperbaiki\nSalin berkas itu ke dalam folder proyek dan tulis path relatifnya.",
    "## What it means\nA path in `peta.yaml` is absolute (`/…`, `C:\\…`) or leads outside the project folder (through `..` or a symbolic link). The book holds only the project's own files, so it builds the same on every machine and leaks no other file.\n\n## How to fix\nCopy the file into the project folder and write its relative path.";

    "E101", Compile,
    "Id unit sudah dipakai",
    "Unit id already used",
    "## Artinya\nDua `unit` memakai id yang sama, sehingga lajur dan relasi yang menyebut id itu tidak jelas menunjuk unit mana.\n\n## Cara memperbaiki\nBeri salah satu unit id lain dan perbarui lajur yang menyebutnya (`peta` LSP dapat mengganti nama sekaligus).",
    "## What it means\nTwo `unit`s share one id, so the lanes and relations that name it are ambiguous.\n\n## How to fix\nGive one of them another id and update the lanes that name it (the editor's rename does all at once).";

    "E102", Compile,
    "Unit tidak dikenal",
    "Unknown unit",
    "## Artinya\nSebuah lajur, `induk`, pemasok atau pelanggan menyebut id unit yang tidak dideklarasikan di bagan organisasi, atau menulis sesuatu yang bukan id unit.\n\n## Cara memperbaiki\nTambahkan `unit ID: Nama` di berkas organisasi, atau perbaiki ejaan id (pesan menyarankan yang terdekat).\n\n```\nunit kabid: Kepala Bidang Aplikasi Informatika\n  induk: kadis\n```",
    "## What it means\nA lane, `induk`, supplier or customer names a unit id the org chart does not declare, or writes something that is not a unit id.\n\n## How to fix\nAdd `unit ID: Name` to the org chart file, or correct the id (the message suggests the nearest).\n\n```\nunit kabid: Kepala Bidang Aplikasi Informatika\n  induk: kadis\n```";

    "E103", Compile,
    "Kode proses sudah dipakai",
    "Process code already used",
    "## Artinya\nDua `proses` memakai kode yang sama (mungkin di berkas berbeda). Kode proses adalah alamat peta di buku, di tautan dan di ekspor, sehingga harus unik.\n\n## Cara memperbaiki\nBeri salah satunya kode lain sesuai urutannya dalam hierarki.",
    "## What it means\nTwo `proses` share one code (perhaps in different files). A process code is the map's address in the book, in links and in the export, so it must be unique.\n\n## How to fix\nGive one of them another code, following its place in the hierarchy.";

    "E104", Compile,
    "Proses induk tidak ada",
    "Parent process missing",
    "## Artinya\nKode proses menyatakan induknya (`P1.2.3` berinduk `P1.2`), tetapi proses induk itu tidak dideklarasikan. Hierarki proses bisnis harus utuh dari peta level 0 sampai proses terbawah.\n\n## Cara memperbaiki\nTambahkan proses induknya, atau perbaiki kode proses ini.\n\n```\nproses P1.2: Pengelolaan Aplikasi\nproses P1.2.3: Pengembangan Aplikasi\n```",
    "## What it means\nA process code implies its parent (`P1.2.3` under `P1.2`), but that parent is not declared. A business-process hierarchy must be whole from the level-0 map down to the leaf processes.\n\n## How to fix\nAdd the parent process, or correct this process's code.\n\n```\nproses P1.2: Pengelolaan Aplikasi\nproses P1.2.3: Pengembangan Aplikasi\n```";

    "E105", Compile,
    "Kode proses tidak sah",
    "Invalid process code",
    "## Artinya\nKode proses ditulis sebagai huruf `P` diikuti angka bertitik (`P1`, `P1.2`, `P1.2.3`). Kode ini tidak berbentuk demikian (angka nol di depan, titik ganda, huruf lain).\n\n## Cara memperbaiki\nTulis kode seperti yang disarankan pesan.",
    "## What it means\nA process code is the letter `P` followed by dotted numbers (`P1`, `P1.2`, `P1.2.3`). This one is not (a leading zero, a double dot, another letter).\n\n## How to fix\nWrite the code as the message suggests.";

    "E106", Compile,
    "Id langkah sudah dipakai di peta ini",
    "Step id already used in this map",
    "## Artinya\nDua langkah dalam satu peta memakai id yang sama, sehingga `lanjut ke ID` tidak jelas menuju yang mana.\n\n## Cara memperbaiki\nBeri salah satu langkah id lain dan perbarui `lanjut` yang menujunya.",
    "## What it means\nTwo steps of one map share an id, so `lanjut ke ID` is ambiguous.\n\n## How to fix\nGive one of them another id and update the `lanjut` lines that lead to it.";

    "E107", Compile,
    "Langkah tujuan tidak ada di peta ini",
    "Target step not in this map",
    "## Artinya\n`lanjut ke ID` menyebut langkah yang tidak ada di peta yang sama. Alur hanya menghubungkan langkah dalam satu peta; ke peta lain dipakai `lanjut ke proses KODE`.\n\n## Cara memperbaiki\nPerbaiki id langkahnya (pesan menyarankan yang terdekat), atau tambahkan langkah itu.",
    "## What it means\n`lanjut ke ID` names a step that is not in the same map. Flows join steps of one map; another map is reached with `lanjut ke proses CODE`.\n\n## How to fix\nCorrect the step id (the message suggests the nearest), or add that step.";

    "E108", Compile,
    "Lajur langkah tidak tercantum di peta",
    "The step's lane is not listed in the map",
    "## Artinya\nLangkah berada di (atau dikerjakan `bersama`) lajur yang tidak tercantum di `lajur:` petanya. Urutan `lajur:` menentukan baris lajur pada gambar, jadi setiap lajur harus tercantum.\n\n## Cara memperbaiki\nTambahkan lajur itu ke `lajur:`, atau pindahkan langkah ke salah satu lajur yang ada.",
    "## What it means\nThe step sits in (or is shared `bersama` with) a lane its map's `lajur:` does not list. The `lajur:` order sets the lanes of the drawing, so every lane must be listed.\n\n## How to fix\nAdd the lane to `lajur:`, or move the step to one of the listed lanes.";

    "E109", Compile,
    "Lajur ditulis dua kali",
    "Lane listed twice",
    "## Artinya\nSatu unit disebut dua kali di `lajur:`; satu unit hanya punya satu lajur dalam satu peta.\n\n## Cara memperbaiki\nHapus sebutan yang kedua.",
    "## What it means\nOne unit appears twice in `lajur:`; a unit has one lane in a map.\n\n## How to fix\nDelete the second mention.";

    "E110", Compile,
    "Hierarki unit berputar",
    "The unit hierarchy loops",
    "## Artinya\nRantai `induk` unit-unit kembali ke unit awal, sehingga bagan organisasi tidak punya puncak.\n\n## Cara memperbaiki\nPeriksa `induk` pada unit-unit di lingkaran itu dan putuskan salah satunya (unit pimpinan tidak ber-`induk`).",
    "## What it means\nThe `induk` chain of some units leads back to where it started, so the org chart has no top.\n\n## How to fix\nCheck the `induk` of the units in the loop and break it (the head unit has no `induk`).";

    "E111", Compile,
    "Lebih dari satu blok `buku`",
    "More than one `buku` block",
    "## Artinya\nBlok `buku` memuat identitas buku (instansi, tahun, penandatangan); proyek ini punya lebih dari satu, mungkin di berkas berbeda.\n\n## Cara memperbaiki\nGabungkan isinya ke satu blok `buku` dan hapus yang lain.",
    "## What it means\nThe `buku` block holds the book's identity (agency, year, signatory); this project has more than one, perhaps in different files.\n\n## How to fix\nMerge them into one `buku` block and delete the others.";

    "E112", Compile,
    "Peta lintas fungsi pada proses yang bukan proses terbawah",
    "Cross-functional map on a process that is not a leaf",
    "## Artinya\nLajur dan langkah hanya dipetakan pada proses terbawah. Proses ini punya subproses, atau merupakan peta level 0, sehingga tidak memuat peta lintas fungsi.\n\n## Cara memperbaiki\nPindahkan lajur dan langkah ke subproses yang mengerjakannya.",
    "## What it means\nLanes and steps are mapped on leaf processes only. This process has sub-processes, or is the level-0 map, so it holds no cross-functional map.\n\n## How to fix\nMove the lanes and steps to the sub-process that does the work.";

    "E113", Compile,
    "Relasi menyebut proses yang tidak ada",
    "Relation names a missing process",
    "## Artinya\nSebuah relasi antarproses menyebut kode proses yang tidak dideklarasikan.\n\n## Cara memperbaiki\nPerbaiki kodenya, atau tambahkan proses itu.",
    "## What it means\nA relation between processes names a process code that is not declared.\n\n## How to fix\nCorrect the code, or add that process.";

    "E114", Compile,
    "Langkah menaut ke proses yang tidak ada",
    "Step links to a missing process",
    "## Artinya\n`dari proses`, `lanjut ke proses` atau `jalankan proses` menyebut kode proses yang tidak ada, sehingga tautan di buku tidak punya tujuan.\n\n## Cara memperbaiki\nPerbaiki kodenya (pesan menyarankan yang terdekat), atau tambahkan proses itu.",
    "## What it means\n`dari proses`, `lanjut ke proses` or `jalankan proses` names a process code that does not exist, so the book's link would lead nowhere.\n\n## How to fix\nCorrect the code (the message suggests the nearest), or add that process.";

    "E115", Compile,
    "Langkah menaut ke proses yang tidak punya peta",
    "Step links to a process without a map",
    "## Artinya\nTautan antarpeta menuju peta lintas fungsi. Proses tujuan ini adalah proses ini sendiri, peta level 0, atau proses yang punya subproses, sehingga tidak ada peta yang dapat dituju.\n\n## Cara memperbaiki\nTautkan ke proses terbawah yang memetakan pekerjaannya; pengulangan dalam satu peta digambar dengan `lanjut ke ID`.",
    "## What it means\nA link between maps leads to a cross-functional map. The target is this same process, the level-0 map, or a process with sub-processes, so there is no map to reach.\n\n## How to fix\nLink to the leaf process that maps the work; a repetition within one map is drawn with `lanjut ke ID`.";

    "E116", Compile,
    "Tautan ini tidak dapat berada di bawah jenis langkah ini",
    "This link cannot stand below this kind of step",
    "## Artinya\nSetiap jenis langkah punya tautannya: `dari proses` di bawah `mulai`, `lanjut ke proses` di bawah `selesai`, `jalankan proses` di bawah `tugas`. Tautan ini ditulis di bawah jenis langkah yang lain.\n\n## Cara memperbaiki\nTulis tautan yang cocok dengan jenis langkahnya, seperti disarankan pesan.",
    "## What it means\nEach kind of step has its link: `dari proses` below `mulai`, `lanjut ke proses` below `selesai`, `jalankan proses` below `tugas`. This link is written below another kind of step.\n\n## How to fix\nWrite the link that matches the step's kind, as the message suggests.";

    "E117", Compile,
    "Peta tanpa `lajur:`",
    "Map without `lajur:`",
    "## Artinya\nProses ini memuat langkah tetapi tidak menyebut lajurnya. `lajur:` menentukan lajur gambar dari atas ke bawah.\n\n## Cara memperbaiki\nTambahkan `lajur:` tepat di bawah baris `proses`, pihak yang melayani publik paling atas.\n\n```\nproses P1.1.1: Pelayanan Pengaduan\n  lajur: masyarakat, loket, kabid\n```",
    "## What it means\nThis process has steps but does not list its lanes. `lajur:` sets the drawing's lanes from top to bottom.\n\n## How to fix\nAdd `lajur:` right below the `proses` line, the party serving the public at the top.\n\n```\nproses P1.1.1: Pelayanan Pengaduan\n  lajur: masyarakat, loket, kabid\n```";

    "E118", Compile,
    "`bersama` menyebut lajur langkah itu sendiri atau lajur yang sama dua kali",
    "`bersama` names the step's own lane or a lane twice",
    "## Artinya\n`bersama:` mendaftar lajur lain yang ikut mengerjakan langkah. Lajur langkah itu sendiri, atau lajur yang disebut dua kali, tidak menambah apa pun.\n\n## Cara memperbaiki\nHapus lajur itu dari `bersama:`.",
    "## What it means\n`bersama:` lists the other lanes that share a step. The step's own lane, or a lane named twice, adds nothing.\n\n## How to fix\nRemove that lane from `bersama:`.";

    "E119", Compile,
    "`keterkaitan` SOP menyebut proses yang tidak ada",
    "an SOP's `keterkaitan` names a process that does not exist",
    "## Artinya\n`keterkaitan:` di bawah `sop` mendaftar proses lain yang berhubungan dengan SOP ini, dengan kodenya. Kode itu harus kode proses yang dideklarasikan di buku, agar halaman SOP dapat menautkannya.\n\n## Cara memperbaiki\nPeriksa ejaan kode (misalnya `P3.1.2`, tanpa spasi) dan perbaiki, atau hapus baris itu bila proses tersebut memang tidak dipetakan.",
    "## What it means\n`keterkaitan:` under `sop` lists the other processes this SOP relates to, by code. Each must be a process declared in the book, so that the SOP page can link to it.\n\n## How to fix\nCheck the code's spelling (e.g. `P3.1.2`, no spaces) and correct it, or remove the line if that process is not mapped.";

    "E900", Internal,
    "Galat internal peta",
    "Internal error in peta",
    "## Artinya\nSebuah aturan membaca parameter yang tidak dideklarasikannya. Ini kesalahan peta sendiri, bukan kesalahan peta proses Anda.\n\n## Cara memperbaiki\nLaporkan ke pengembang peta beserta pesan lengkapnya; sementara itu aturan tersebut dapat dimatikan di `rules` pada `peta.yaml`.",
    "## What it means\nA rule reads a parameter it does not declare. This is a fault of peta itself, not of your maps.\n\n## How to fix\nReport it to peta's developers with the whole message; meanwhile the rule can be turned off under `rules` in `peta.yaml`.";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Lang;
    use std::collections::BTreeSet;

    /// Every `"E…"` literal in the source outside its unit tests: the codes peta can emit.
    fn emitted_codes() -> BTreeSet<String> {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = BTreeSet::new();
        for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs")
                || entry.path().ends_with("diagnostic/codes.rs")
            {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
            let bytes = code.as_bytes();
            for (at, _) in code.match_indices("\"E") {
                let digits = &bytes[at + 2..(at + 6).min(bytes.len())];
                if digits.len() == 4
                    && digits[..3].iter().all(u8::is_ascii_digit)
                    && digits[3] == b'"'
                {
                    found.insert(code[at + 1..at + 5].to_string());
                }
            }
        }
        found
    }

    #[test]
    fn every_code_the_source_emits_is_explained_and_no_other() {
        let emitted = emitted_codes();
        assert!(
            emitted.len() >= 30,
            "the scan found too little: {emitted:?}"
        );
        let table: BTreeSet<String> = ALL.iter().map(|c| c.code.to_string()).collect();
        let unexplained: Vec<_> = emitted.difference(&table).collect();
        assert!(unexplained.is_empty(), "add these to ALL: {unexplained:?}");
        let stale: Vec<_> = table.difference(&emitted).collect();
        assert!(stale.is_empty(), "no longer emitted: {stale:?}");
    }

    #[test]
    fn explanations_have_the_fixed_headings_in_both_languages() {
        for code in ALL {
            for lang in [Lang::Id, Lang::En] {
                let text = code.explanation.get(lang);
                let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("## ")).collect();
                let wanted: Vec<&str> = HEADINGS.get(lang).lines().collect();
                assert_eq!(headings, wanted, "{} ({lang:?})", code.code);
                assert!(!code.summary.get(lang).is_empty());
            }
        }
        let mut codes: Vec<&str> = ALL.iter().map(|c| c.code).collect();
        codes.dedup();
        assert_eq!(codes.len(), ALL.len(), "a code listed twice");
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "keep ALL in order");
    }

    #[test]
    fn stages_separate_blocking_problems_from_findings() {
        assert_eq!(Stage::of("E104"), Stage::Compile);
        assert_eq!(Stage::of("e020"), Stage::Settings);
        assert_eq!(Stage::of("U001"), Stage::Lint);
        assert_eq!(Stage::of("E999"), Stage::Internal);
        assert!(Stage::of("E002").blocks_output());
        assert!(!Stage::of("U001").blocks_output());
        let text = explain(find("E104").unwrap(), Lang::En);
        assert!(
            text.starts_with("# E104\n\nParent process missing\n"),
            "{text}"
        );
        assert!(text.contains("## How to fix"));
    }
}
