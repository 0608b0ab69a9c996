//! S007 category-inconsistent: a sub-process belongs to its parent's category.

use crate::check::prelude::*;

pub const RULE: Rule = Rule {
    code: "S007",
    name: "category-inconsistent",
    principle: Principle::Struktur,
    severity: Severity::Warning,
    summary: Words {
        id: "sub proses yang kategorinya berbeda dari induknya",
        en: "sub-process whose category differs from its parent's",
    },
    explanation: Words {
        id: "## Apa yang diperiksa
Sub proses yang menulis `kategori:` (manajerial, utama, pendukung) berbeda dari kategori
induknya (yang ditulis induk itu sendiri atau diwarisinya dari induk di atasnya).

## Mengapa
Struktur peta (kode dan jenjang level 0, 1, 2, ...) harus utuh dan konsisten, sebagaimana
peta proses bisnis disusun menurut Permenpan RB 19/2018. Kategori membagi proses level 1 ke
dalam kelompok manajerial, utama dan pendukung pada peta level 0; sub proses adalah bagian dari
induknya sehingga ikut kelompoknya. Sub proses pendukung di bawah proses utama berarti salah
satunya salah tempat.

## Contoh

## Cara memperbaiki
Hapus `kategori:` pada sub proses (kategorinya diwarisi dari induk). Jika sub proses itu
memang berbeda kelompok, pindahkan ke bawah proses level 1 dari kelompok itu, atau ubah
kategori induknya.",
        en: "## What it checks
A sub-process that writes a `kategori:` (manajerial, utama, pendukung) different from its
parent's category (written by the parent itself or inherited from further up).

## Why
The structure of the maps (codes and levels 0, 1, 2, ...) must be whole and consistent, as the
business process maps of Permenpan RB 19/2018 are built. The category sorts level-1 processes
into the managerial, core and support groups of the level-0 map; a sub-process is part of its
parent, so it belongs to the same group. A support sub-process under a core process means one of
them is in the wrong place.

## Example

## How to fix
Remove `kategori:` from the sub-process (it inherits its parent's). If the sub-process really
belongs to another group, move it under a level-1 process of that group, or change the parent's
category.",
    },
    example: "proses P1: Umum Kepegawaian
  kategori: pendukung
proses P1.3: Kepegawaian
  kategori: utama",
    params: &[],
    check: Check::Model(check),
};

fn check(c: &mut Checker) {
    for process in &c.book.processes {
        let (Some(span), Some(own)) = (process.category_span, process.category) else {
            continue;
        };
        let Some(parent) = process.parent.as_deref().and_then(|p| c.book.process(p)) else {
            continue;
        };
        let Some(inherited) = parent.category else {
            continue;
        };
        if inherited == own {
            continue;
        }
        let code = process.code_text();
        let parent_code = parent.code_text();
        let (own, inherited) = (own.keyword(), inherited.keyword());
        c.report(
            Owner::Process(code.clone()),
            Some(span),
            Text::new(
                format!(
                    "`{code}` berkategori `{own}`, sedangkan induknya `{parent_code}` berkategori `{inherited}`"
                ),
                format!(
                    "`{code}` is declared `{own}` while its parent `{parent_code}` is `{inherited}`"
                ),
            ),
        )
        .help = Some(Text::new(
            format!(
                "sub proses ikut kelompok induknya: hapus `kategori:` di sini, atau pindahkan `{code}` ke bawah proses `{own}`"
            ),
            format!(
                "a sub-process belongs to its parent's group: remove `kategori:` here, or move `{code}` under a `{own}` process"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;

    #[test]
    fn a_different_category_than_the_inherited_one_is_reported() {
        let text = "proses P1: A\n  kategori: pendukung\nproses P1.1: B\nproses P1.1.1: C\n  kategori: utama\nproses P1.2: D\n  kategori: pendukung\n";
        let found = findings_of("S007", &[("p.peta", text)]);
        assert_eq!(
            found,
            [(
                5,
                "`P1.1.1` is declared `utama` while its parent `P1.1` is `pendukung`".to_string()
            )]
        );
    }

    #[test]
    fn a_parent_without_category_and_synonyms_are_fine() {
        // `inti` is another word for `utama`.
        let text = "proses P1: A\nproses P1.1: B\n  kategori: manajerial\nproses P2: C\n  kategori: utama\nproses P2.1: D\n  kategori: inti\n";
        assert!(findings_of("S007", &[("p.peta", text)]).is_empty());
    }
}
