//! PNG, rendered in process by resvg from the same SVG, with the DejaVu Sans fonts the
//! layout measures text with built into the binary: no browser, no external program, and the
//! same pixels on every machine.

use anyhow::{Context, Result};
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(dejavu::sans::regular().to_vec());
            db.load_font_data(dejavu::sans::bold().to_vec());
            db.set_sans_serif_family("DejaVu Sans");
            Arc::new(db)
        })
        .clone()
}

/// Rasterises an SVG document at `scale` (2.0 for sharp text on screens and paper).
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>> {
    let options = usvg::Options {
        fontdb: fonts(),
        font_family: "DejaVu Sans".to_string(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).context("cannot read the SVG to rasterise")?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .context("the map is too large to rasterise")?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .context("the map is too large to rasterise")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    encode_opaque(&pixmap).context("cannot encode the PNG")
}

/// Encodes a pixmap drawn on opaque white as an RGB PNG. Every pixel is opaque, so dropping
/// alpha loses nothing (premultiplied and plain colours are the same); the fast deflate mode
/// halves the time of tiny-skia's default encoder, for files about twice as large.
fn encode_opaque(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|px| [px[0], px[1], px[2]])
        .collect();
    let mut data = Vec::new();
    let mut encoder = png::Encoder::new(&mut data, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::Filter::Adaptive);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rasterises_text_deterministically() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="5" y="20" font-family="DejaVu Sans" font-size="14">Pemeliharaan</text></svg>"#;
        let a = png(svg, 1.0).unwrap();
        assert_eq!(a, png(svg, 1.0).unwrap());
        assert_eq!(&a[1..4], b"PNG");
        // Text was drawn: the image is not a blank white canvas.
        let blank = png(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"/>"#,
            1.0,
        )
        .unwrap();
        assert_ne!(a, blank);
    }
}
