//! The agency's Markdown chapters → HTML, safely: raw HTML in the Markdown is shown as text,
//! and links or images may only point to http(s), mailto, or within the book (relative paths
//! and `#anchors`).

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A rendered chapter: its title (the first `#` heading), its sections (`##`, for the table
/// of contents), the captions of its tables (an emphasised paragraph starting "Tabel"), and
/// the HTML without the title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chapter {
    pub title: String,
    pub sections: Vec<(String, String)>,
    pub tables: Vec<(String, String)>,
    pub html: String,
}

fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    // `//host/x` and `/\host` (browsers read `\` as `/`) name another host without a
    // scheme; `/x` the server's root: none of them is in the book, which links relatively.
    if lower.starts_with(['/', '\\']) {
        return false;
    }
    match lower.split_once(':') {
        // A scheme is only allowed when it is one of these; `javascript:`, `data:` and
        // friends are not. A colon after a `/`, `?` or `#` is not a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// A stable anchor from heading text: `1.1 Latar Belakang` → `1-1-latar-belakang`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A paragraph that is only emphasis and starts with "Tabel" is a table caption.
fn table_caption<'a>(events: &'a [Event], i: usize) -> Option<&'a str> {
    match events.get(i..i + 5)? {
        [Event::Start(Tag::Paragraph), Event::Start(Tag::Emphasis), Event::Text(t), Event::End(TagEnd::Emphasis), Event::End(TagEnd::Paragraph)]
            if t.starts_with("Tabel ") =>
        {
            Some(t)
        }
        _ => None,
    }
}

/// Renders one chapter. `prefix` makes anchors unique across the book (`bab-1-`).
pub fn render(markdown: &str, prefix: &str) -> Chapter {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let mut chapter = Chapter::default();
    let mut out: Vec<Event> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Some(caption) = table_caption(&events, i) {
            let id = format!("{prefix}{}", slug(caption));
            chapter.tables.push((caption.to_string(), id.clone()));
            out.push(Event::Html(CowStr::from(format!(
                "<p class=\"caption\" id=\"{}\">{}</p>\n",
                crate::render::escape_xml(&id),
                crate::render::escape_xml(caption)
            ))));
            i += 5;
            continue;
        }
        match &events[i] {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = *level;
                let mut text = String::new();
                let mut j = i + 1;
                while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                    if let Event::Text(t) | Event::Code(t) = &events[j] {
                        text.push_str(t);
                    }
                    j += 1;
                }
                if level == HeadingLevel::H1 && chapter.title.is_empty() {
                    chapter.title = text;
                    i = j + 1;
                    continue;
                }
                let id = format!("{prefix}{}", slug(&text));
                if level == HeadingLevel::H2 {
                    chapter.sections.push((text.clone(), id.clone()));
                }
                let tag = match level {
                    HeadingLevel::H1 | HeadingLevel::H2 => "h3",
                    HeadingLevel::H3 => "h4",
                    _ => "h5",
                };
                out.push(Event::Html(CowStr::from(format!(
                    "<{tag} id=\"{}\">{}</{tag}>\n",
                    crate::render::escape_xml(&id),
                    crate::render::escape_xml(&text)
                ))));
                i = j + 1;
                continue;
            }
            Event::Html(raw) | Event::InlineHtml(raw) => out.push(Event::Text(raw.clone())),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = if safe_url(dest_url) {
                    dest_url.clone()
                } else {
                    CowStr::from("#")
                };
                out.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: dest,
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = if safe_url(dest_url) {
                    dest_url.clone()
                } else {
                    CowStr::from("#")
                };
                out.push(Event::Start(Tag::Image {
                    link_type: *link_type,
                    dest_url: dest,
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    html::push_html(&mut chapter.html, out.into_iter());
    chapter
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_sections_and_table_captions() {
        let c = render(
            "# Pendahuluan\n\n## 1.1 Latar Belakang\n\nTeks.\n\n*Tabel 5.1 Tujuan Dan Sasaran*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            "bab-1-",
        );
        assert_eq!(c.title, "Pendahuluan");
        assert_eq!(
            c.sections,
            vec![(
                "1.1 Latar Belakang".into(),
                "bab-1-1-1-latar-belakang".into()
            )]
        );
        assert_eq!(
            c.tables,
            vec![(
                "Tabel 5.1 Tujuan Dan Sasaran".into(),
                "bab-1-tabel-5-1-tujuan-dan-sasaran".into()
            )]
        );
        assert!(c
            .html
            .contains("<h3 id=\"bab-1-1-1-latar-belakang\">1.1 Latar Belakang</h3>"));
        assert!(c.html.contains("<table>"));
    }

    #[test]
    fn links_to_other_hosts_without_a_scheme_are_dropped() {
        for url in [
            "//evil.example/x",
            "/\\evil.example/x",
            "\\\\evil.example",
            " //evil.example",
            "/etc/passwd",
        ] {
            let c = render(&format!("[tautan](<{url}>) ![g](<{url}>)\n"), "");
            assert!(!c.html.contains("evil"), "{url}: {}", c.html);
            assert!(!c.html.contains("passwd"), "{url}: {}", c.html);
        }
        let c = render("[bab](bab-2.html#x) [lokal](gambar/a.svg)\n", "");
        assert!(c.html.contains("href=\"bab-2.html#x\""), "{}", c.html);
        assert!(c.html.contains("href=\"gambar/a.svg\""), "{}", c.html);
    }

    #[test]
    fn raw_html_is_text_and_script_links_are_dropped() {
        let c = render(
            "Hai <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[klik](javascript:alert(1)) [ok](https://example.org) [dalam](#bab-2) ![g](data:image/svg+xml,x)\n\n<div onclick=\"x()\">blok</div>\n",
            "",
        );
        assert!(!c.html.contains("<script"), "{}", c.html);
        assert!(!c.html.contains("<img src=\"x\""), "{}", c.html);
        assert!(!c.html.contains("<div"), "{}", c.html);
        assert!(c.html.contains("&lt;script&gt;"), "{}", c.html);
        assert!(c.html.contains("href=\"#\""), "{}", c.html);
        assert!(!c.html.contains("javascript:"), "{}", c.html);
        assert!(!c.html.contains("data:image"), "{}", c.html);
        assert!(c.html.contains("href=\"https://example.org\""));
        assert!(c.html.contains("href=\"#bab-2\""));
    }
}
