//! Indonesian word formation, enough to tell a derived word from a misspelt one: the roots a
//! word can come from once its affixes are taken off (`memverifikasi` ← `verifikasi`,
//! `penetapan` ← `tetap`, `dikembalikannya` ← `kembali`).
//!
//! Indonesian stacks affixes in a fixed order: prefixes (up to two: `memper-`, `diper-`,
//! `keber-`), the root, a derivational suffix (`-kan`, `-an`, `-i`), a possessive (`-ku`,
//! `-mu`, `-nya`) and a particle (`-lah`, `-kah`, `-pun`, `-tah`). The nasal prefixes `meN-`
//! and `peN-` replace the root's first consonant (`menulis` ← `tulis`, `penyusunan` ←
//! `susun`), so a root is also tried with that consonant put back.

use std::collections::BTreeSet;

/// A root is at least this many letters: shorter remains are chance (`me-ja`).
const MIN_ROOT: usize = 3;

const PARTICLES: &[&str] = &["lah", "kah", "pun", "tah"];
const POSSESSIVES: &[&str] = &["nya", "ku", "mu"];
const DERIVATIONAL: &[&str] = &["kan", "an", "i"];

fn long_enough(rest: &str) -> bool {
    rest.chars().count() >= MIN_ROOT
}

fn vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The word with its suffixes taken off layer by layer (particle, possessive, derivational),
/// each layer optional: `laporkannya` gives `laporkannya`, `laporkan`, `lapor`.
fn without_suffixes(word: &str) -> Vec<&str> {
    let mut forms = vec![word];
    for layer in [PARTICLES, POSSESSIVES, DERIVATIONAL] {
        let mut next = forms.clone();
        for form in &forms {
            for suffix in layer {
                if let Some(rest) = form.strip_suffix(suffix) {
                    if long_enough(rest) && !next.contains(&rest) {
                        next.push(rest);
                    }
                }
            }
        }
        forms = next;
    }
    forms
}

/// What one prefix can leave of a word: the rest, and for nasal prefixes the rest with the
/// consonant the nasal replaced (`meny-usun` → `susun`, `pen-etap-an` → `tetap-an`).
fn without_one_prefix(word: &str, out: &mut Vec<String>) {
    let mut push = |s: String| {
        if long_enough(&s) && !out.contains(&s) {
            out.push(s);
        }
    };
    for nasal in ["me", "pe"] {
        let Some(after) = word.strip_prefix(nasal) else {
            continue;
        };
        if let Some(rest) = after.strip_prefix("nge") {
            push(rest.to_string()); // menge-cat, penge-cat-an: one-syllable roots
        }
        if let Some(rest) = after.strip_prefix("ng") {
            match rest.chars().next() {
                Some(c) if vowel(c) => {
                    push(rest.to_string());
                    push(format!("k{rest}"));
                }
                // meng-g, meng-h, meng-kh, and the common non-standard meng-k.
                Some(_) => push(rest.to_string()),
                None => {}
            }
        }
        if let Some(rest) = after.strip_prefix("ny") {
            if rest.starts_with(vowel) {
                push(format!("s{rest}"));
            }
            push(rest.to_string()); // meny-anyi style roots that start with ny
        }
        if let Some(rest) = after.strip_prefix('m') {
            if rest.starts_with(vowel) {
                push(format!("p{rest}"));
            }
            if rest.starts_with(['b', 'f', 'v', 'p']) {
                push(rest.to_string());
            }
        }
        if let Some(rest) = after.strip_prefix('n') {
            if rest.starts_with(vowel) {
                push(format!("t{rest}"));
            }
            if rest.starts_with(['c', 'd', 'j', 't', 'z', 's']) {
                push(rest.to_string());
            }
        }
        // me-/pe- before l, m, n, r, w, y (and any root, for pe- nouns like pe-tani).
        push(after.to_string());
    }
    for plain in ["di", "ke", "se", "ter", "te", "ber", "be", "per"] {
        if let Some(rest) = word.strip_prefix(plain) {
            push(rest.to_string());
        }
    }
}

/// Every form a word may be built on: the word, its suffix-stripped forms, and those with up
/// to two prefixes taken off. A word is a derived form of a known word when one of these is
/// known. All in lower case; the word itself comes first.
pub fn roots(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    let mut out: Vec<String> = Vec::new();
    for form in without_suffixes(&lower) {
        let mut level = vec![form.to_string()];
        for _ in 0..2 {
            let mut next = Vec::new();
            for w in &level {
                without_one_prefix(w, &mut next);
            }
            for w in &level {
                if !out.contains(w) {
                    out.push(w.clone());
                }
            }
            level = next;
        }
        for w in level {
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// Whether two words are forms of one root (`laporan`/`melaporkan`, `penetapan`/`ketetapan`),
/// so that one is not a misspelling of the other.
pub fn same_root(a: &str, b: &str) -> bool {
    let a: BTreeSet<String> = roots(a).into_iter().collect();
    roots(b).iter().any(|r| a.contains(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_root(word: &str, root: &str) -> bool {
        roots(word).iter().any(|r| r == root)
    }

    #[test]
    fn affixes_come_off_in_layers() {
        for (word, root) in [
            ("memverifikasi", "verifikasi"),
            ("diverifikasi", "verifikasi"),
            ("terverifikasi", "verifikasi"),
            ("penyusunan", "susun"),
            ("menyusun", "susun"),
            ("penetapan", "tetap"),
            ("ketetapan", "tetap"),
            ("menulis", "tulis"),
            ("memeriksa", "periksa"),
            ("pemeriksaan", "periksa"),
            ("mengirim", "kirim"),
            ("pengelolaan", "kelola"),
            ("mengajukan", "aju"),
            ("membayar", "bayar"),
            ("dikembalikannya", "kembali"),
            ("mempertanggungjawabkan", "tanggungjawab"),
            ("berkoordinasi", "koordinasi"),
            ("mengkoordinasikan", "koordinasi"),
            ("mengecat", "cat"),
            ("sebarluaskan", "sebarluas"),
            ("lengkapi", "lengkap"),
        ] {
            assert!(has_root(word, root), "{word} → {root}: {:?}", roots(word));
        }
    }

    #[test]
    fn misspellings_leave_no_real_root() {
        for (word, not) in [
            ("penyusnan", "susun"),
            ("pengelolan", "kelola"),
            ("pembayarn", "bayar"),
        ] {
            assert!(!has_root(word, not), "{word}: {:?}", roots(word));
        }
    }

    #[test]
    fn related_and_unrelated_words() {
        assert!(same_root("laporan", "melaporkan"));
        assert!(same_root("penetapan", "ketetapan"));
        assert!(same_root("mengajukan", "pengajuan"));
        assert!(!same_root("kepada", "kepala"));
        assert!(!same_root("sektorial", "sektoral"));
        assert!(!same_root("bappedalitbangda", "bappelitbangda"));
    }
}
