//! `peta init`: a new project that checks and builds from the first minute, commented in
//! Indonesian for the tata laksana team: `peta.yaml`, the book block with the fields to fill,
//! an org-chart skeleton, the level-0 map with its processes, and one complete example of a
//! process with sub-processes and their cross-functional maps.

use crate::diagnostic::Lang;
use anyhow::{bail, Context, Result};
use std::path::Path;

/// The files of a new project, as (path in the project, text). `{tahun}` and `{tanggal}` are
/// filled with today's year and date.
const FILES: &[(&str, &str)] = &[
    ("peta.yaml", include_str!("proyek/peta.yaml")),
    ("buku.peta", include_str!("proyek/buku.peta")),
    ("organisasi.peta", include_str!("proyek/organisasi.peta")),
    ("P0.peta", include_str!("proyek/P0.peta")),
    ("P2.peta", include_str!("proyek/P2.peta")),
    (
        "bab/00-kata-pengantar.md",
        include_str!("proyek/bab/00-kata-pengantar.md"),
    ),
    (
        "bab/01-pendahuluan.md",
        include_str!("proyek/bab/01-pendahuluan.md"),
    ),
];

/// The files of a new project dated `today` (`YYYY-MM-DD`).
pub fn files(today: &str) -> Vec<(&'static str, String)> {
    let year = &today[..4.min(today.len())];
    FILES
        .iter()
        .map(|(name, text)| {
            let text = text.replace("{tahun}", year).replace("{tanggal}", today);
            (*name, text)
        })
        .collect()
}

/// Writes a new project into `dir`, which must be missing or empty (nothing is ever
/// overwritten). Returns how many files were written.
pub fn create(dir: &Path) -> Result<usize> {
    if dir.exists() {
        if !dir.is_dir() {
            bail!("`{}` is a file, not a folder", dir.display());
        }
        let mut entries = std::fs::read_dir(dir)
            .with_context(|| format!("cannot read folder `{}`", dir.display()))?;
        if entries.next().is_some() {
            bail!(
                "`{}` is not empty; peta init only writes into an empty or new folder (give another: `peta init buku-baru`)",
                dir.display()
            );
        }
    }
    let files = files(&today());
    for (name, text) in &files {
        crate::output::write_atomic(&dir.join(name), text.as_bytes())?;
    }
    Ok(files.len())
}

/// What `peta init` says when done, with the next commands.
pub fn summary(dir: &Path, written: usize, lang: Lang) -> String {
    let dir = dir.display();
    match lang {
        Lang::Id => format!(
            "peta init: {written} berkas ditulis ke {dir}\nlangkah berikutnya: isi buku.peta dan organisasi.peta, lalu\n  peta check {dir}\n  peta build {dir} --out {dir}/out\n  peta serve {dir}   (pratinjau yang mengikuti setiap simpan)"
        ),
        Lang::En => format!(
            "peta init: {written} files written to {dir}\nnext: fill in buku.peta and organisasi.peta, then\n  peta check {dir}\n  peta build {dir} --out {dir}/out\n  peta serve {dir}   (a preview that follows every save)"
        ),
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((seconds / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_day_counts() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_391), (2023, 2, 3));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn the_date_fills_year_and_date() {
        let files = files("2031-07-15");
        let (_, buku) = files.iter().find(|(n, _)| *n == "buku.peta").unwrap();
        assert!(buku.contains("tahun: 2031\n") && buku.contains("tanggal: 2031-07-15\n"));
        assert!(files.iter().all(|(_, t)| !t.contains("{tahun}")));
    }
}
