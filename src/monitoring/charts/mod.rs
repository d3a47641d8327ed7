//! Charts drawn on the server as SVG, no JavaScript and no extra crate:
//! lines for time series, bars for breakdowns, `choropleth` maps of the
//! Gemeinden. Colours follow the
//! Okabe–Ito palette (readable with every common colour-vision
//! deficiency), and lines differ in dash pattern and marker shape too, so
//! colour is never the only cue. Every chart is followed by its data
//! table on the page; the SVG carries a title for screen readers.

pub mod choropleth;

use std::fmt::Write;

/// Okabe–Ito: blue, orange, bluish green, reddish purple, sky blue, vermillion.
pub const PALETTE: [&str; 6] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
];
const DASHES: [&str; 6] = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2"];

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 280.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 70.0;

/// One line of a chart.
pub struct Line {
    pub label: String,
    /// (period, value); a missing value breaks the line.
    pub points: Vec<(String, Option<f64>)>,
}

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A number as the reader's language writes it (German: decimal comma and
/// thousands points).
pub fn number(value: f64, decimals: usize, german: bool) -> String {
    let text = format!("{value:.decimals$}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(if german { '.' } else { ',' });
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{}{frac}", if german { ',' } else { '.' })
    }
}

fn nice_max(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(max.log10().floor());
    for step in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if step * magnitude >= max {
            return step * magnitude;
        }
    }
    10.0 * magnitude
}

fn open(out: &mut String, title: &str, id: &str, height: f64) {
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-labelledby="{id}-title" class="chart"><title id="{id}-title">{}</title>"#,
        escape(title)
    );
}

fn decimals(unit: &str) -> usize {
    if unit == "%" { 1 } else { 0 }
}

/// A line chart over the periods of all lines.
pub fn lines(id: &str, title: &str, unit: &str, lines: &[Line], german: bool) -> String {
    let mut periods: Vec<&str> = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|(p, _)| p.as_str()))
        .collect();
    periods.sort_unstable();
    periods.dedup();
    let max = lines
        .iter()
        .flat_map(|l| l.points.iter().filter_map(|(_, v)| *v))
        .fold(0.0_f64, f64::max);
    let top = nice_max(max);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x = |i: usize| {
        if periods.len() <= 1 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + plot_w * i as f64 / (periods.len() - 1) as f64
        }
    };
    let y = |v: f64| TOP + plot_h * (1.0 - v / top);
    let mut out = String::new();
    open(&mut out, title, id, HEIGHT);
    for k in 0..=4 {
        let v = top * k as f64 / 4.0;
        let _ = write!(
            out,
            r##"<line x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#767676" stroke-width="{}"/><text x="{}" y="{:.1}" text-anchor="end" font-size="12" fill="#222">{}</text>"##,
            WIDTH - RIGHT,
            if k == 0 { 1.0 } else { 0.3 },
            LEFT - 6.0,
            y(v) + 4.0,
            escape(&number(
                v,
                decimals(unit).max(usize::from(top < 10.0)),
                german
            )),
            y = y(v),
        );
    }
    let step = periods.len().div_ceil(8).max(1);
    for (i, p) in periods.iter().enumerate() {
        if i % step == 0 || i + 1 == periods.len() {
            let _ = write!(
                out,
                r##"<text x="{:.1}" y="{}" text-anchor="end" font-size="12" fill="#222" transform="rotate(-40 {:.1} {})">{}</text>"##,
                x(i),
                HEIGHT - BOTTOM + 16.0,
                x(i),
                HEIGHT - BOTTOM + 16.0,
                escape(p)
            );
        }
    }
    for (n, line) in lines.iter().enumerate() {
        let colour = PALETTE[n % PALETTE.len()];
        let mut segment: Vec<String> = Vec::new();
        let flush = |segment: &mut Vec<String>, out: &mut String| {
            if segment.len() > 1 {
                let _ = write!(
                    out,
                    r#"<polyline fill="none" stroke="{colour}" stroke-width="2.5" stroke-dasharray="{}" points="{}"/>"#,
                    DASHES[n % DASHES.len()],
                    segment.join(" ")
                );
            }
            segment.clear();
        };
        for (period, value) in &line.points {
            let i = periods.iter().position(|p| p == period).unwrap_or_default();
            match value {
                Some(v) => {
                    segment.push(format!("{:.1},{:.1}", x(i), y(*v)));
                    marker(&mut out, n, x(i), y(*v), colour);
                }
                None => flush(&mut segment, &mut out),
            }
        }
        flush(&mut segment, &mut out);
    }
    legend(
        &mut out,
        lines.iter().map(|l| l.label.as_str()),
        HEIGHT - 18.0,
    );
    out.push_str("</svg>");
    out
}

fn marker(out: &mut String, n: usize, x: f64, y: f64, colour: &str) {
    let _ = match n % 3 {
        0 => write!(
            out,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="3.5" fill="{colour}"/>"#
        ),
        1 => write!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="7" height="7" fill="{colour}"/>"#,
            x - 3.5,
            y - 3.5
        ),
        _ => write!(
            out,
            r#"<path d="M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z" fill="{colour}"/>"#,
            y - 4.5,
            x + 4.5,
            y + 3.5,
            x - 4.5,
            y + 3.5
        ),
    };
}

fn legend<'a>(out: &mut String, labels: impl Iterator<Item = &'a str>, y: f64) {
    let mut x = LEFT;
    for (n, label) in labels.enumerate() {
        let colour = PALETTE[n % PALETTE.len()];
        let _ = write!(
            out,
            r#"<line x1="{x:.1}" x2="{:.1}" y1="{y:.1}" y2="{y:.1}" stroke="{colour}" stroke-width="2.5" stroke-dasharray="{}"/>"#,
            x + 22.0,
            DASHES[n % DASHES.len()]
        );
        marker(out, n, x + 11.0, y, colour);
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" font-size="12" fill="#222">{}</text>"##,
            x + 28.0,
            y + 4.0,
            escape(label)
        );
        x += 40.0 + 6.5 * label.chars().count() as f64;
    }
}

/// Horizontal bars, one per category.
pub fn bars(
    id: &str,
    title: &str,
    unit: &str,
    items: &[(String, Option<f64>)],
    german: bool,
) -> String {
    bars_with_references(id, title, unit, items, &[], german)
}

/// Horizontal bars with a dashed vertical line per reference value (e.g.
/// the Regierungsbezirk and the Land beside their Kreise), each line with
/// its own dash pattern and its label in the legend below the bars.
pub fn bars_with_references(
    id: &str,
    title: &str,
    unit: &str,
    items: &[(String, Option<f64>)],
    references: &[(String, f64)],
    german: bool,
) -> String {
    let row = 24.0;
    let label_w = 250.0;
    let legend = if references.is_empty() {
        0.0
    } else {
        22.0 * references.len() as f64 + 8.0
    };
    let plot_h = row * items.len() as f64;
    let height = TOP * 2.0 + plot_h + legend;
    let max = items
        .iter()
        .filter_map(|(_, v)| *v)
        .chain(references.iter().map(|(_, v)| *v))
        .fold(0.0_f64, f64::max);
    let top = nice_max(max);
    let plot_w = WIDTH - label_w - RIGHT - 70.0;
    let mut out = String::new();
    open(&mut out, title, id, height);
    for (i, (label, value)) in items.iter().enumerate() {
        let y = TOP + row * i as f64;
        let short: String = label.chars().take(38).collect();
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="12" fill="#222">{}</text>"##,
            label_w - 6.0,
            y + 15.0,
            escape(&short)
        );
        if let Some(v) = value {
            let w = plot_w * v / top;
            let _ = write!(
                out,
                r##"<rect x="{label_w}" y="{:.1}" width="{w:.1}" height="{:.1}" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="12" fill="#222">{}</text>"##,
                y + 3.0,
                row - 6.0,
                PALETTE[0],
                label_w + w + 4.0,
                y + 15.0,
                escape(&number(*v, decimals(unit), german))
            );
        }
    }
    for (n, (label, value)) in references.iter().enumerate() {
        // Dark lines on the pale background: the bars are blue, the
        // references differ from them and from each other by dash.
        let x = label_w + plot_w * value / top;
        let dash = DASHES[(n + 1) % DASHES.len()];
        let _ = write!(
            out,
            r##"<line x1="{x:.1}" x2="{x:.1}" y1="{:.1}" y2="{:.1}" stroke="#222" stroke-width="2" stroke-dasharray="{dash}"/>"##,
            TOP - 4.0,
            TOP + plot_h + 4.0
        );
        let y = TOP + plot_h + 20.0 + 22.0 * n as f64;
        let _ = write!(
            out,
            r##"<line x1="{label_w}" x2="{:.1}" y1="{:.1}" y2="{:.1}" stroke="#222" stroke-width="2" stroke-dasharray="{dash}"/><text x="{:.1}" y="{:.1}" font-size="12" fill="#222">{}: {}</text>"##,
            label_w + 30.0,
            y - 4.0,
            y - 4.0,
            label_w + 36.0,
            y,
            escape(label),
            escape(&number(*value, decimals(unit), german))
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_the_readers_language() {
        assert_eq!(number(1234567.0, 0, true), "1.234.567");
        assert_eq!(number(6.2055, 1, true), "6,2");
        assert_eq!(number(1234.5, 1, false), "1,234.5");
        assert_eq!(number(-3.0, 0, true), "-3");
    }

    #[test]
    fn charts_are_well_formed_svg_with_a_title() {
        let svg = lines(
            "c",
            "A & B",
            "%",
            &[Line {
                label: "INKAR".into(),
                points: vec![
                    ("2020".into(), Some(8.0)),
                    ("2021".into(), None),
                    ("2022".into(), Some(10.5)),
                ],
            }],
            true,
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("<title id=\"c-title\">A &amp; B</title>"));
        let bars = bars(
            "b",
            "T",
            "Anzahl",
            &[("Duldung".into(), Some(15.0)), ("x".into(), None)],
            true,
        );
        assert!(bars.contains("Duldung"));
        let marked = bars_with_references(
            "r",
            "T",
            "%",
            &[("Erlangen".into(), Some(14.0))],
            &[("Mittelfranken".into(), 12.5), ("Bayern".into(), 13.0)],
            true,
        );
        assert_eq!(marked.matches("stroke-dasharray").count(), 4);
        assert!(marked.contains("Mittelfranken: 12,5"));
    }
}
