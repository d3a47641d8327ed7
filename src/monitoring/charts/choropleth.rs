//! Maps of the Gemeinden of a region, shaded by a value (a choropleth),
//! drawn on the server as SVG. The projection is equirectangular with the
//! longitude scaled by the cosine of the middle latitude: at a Kreis's size
//! that keeps shapes true without a projection library. The classes come
//! from ColorBrewer schemes that stay apart with every common
//! colour-vision deficiency; Gemeinden without a value are hatched, so no
//! information rests on colour alone, and every map is followed by its data
//! table on the page. Each Gemeinde carries its name and value as a title
//! (shown on hover), the SVG a title for screen readers.

use std::fmt::Write;

use super::{escape, number};
use crate::geography::boundaries::Outline;

const WIDTH: f64 = 640.0;
const MAP_HEIGHT_MAX: f64 = 520.0;
const PAD: f64 = 8.0;
const LEGEND_ROW: f64 = 20.0;

/// ColorBrewer YlGnBu, light (low) to dark (high).
const SEQUENTIAL: [&str; 5] = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];
/// ColorBrewer BrBG, diverging around the middle class.
const DIVERGING: [&str; 5] = ["#a6611a", "#dfc27d", "#f5f5f5", "#80cdc1", "#018571"];
/// Class limits of location quotients: "about as often as in the whole
/// region" sits in the middle class.
const QUOTIENT_LIMITS: [f64; 4] = [0.5, 0.8, 1.25, 2.0];

/// How values become classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Five classes holding about equally many Gemeinden (quantiles).
    Quantiles,
    /// Location quotients: fixed classes below and above 1.
    AroundOne,
}

/// One shaded Gemeinde.
pub struct Area<'a> {
    pub outline: &'a Outline,
    /// The Gemeinde's current name (the outline's may be older).
    pub name: &'a str,
    pub value: Option<f64>,
}

/// The words a map needs in the reader's language.
pub struct Words<'a> {
    pub title: &'a str,
    pub no_data: &'a str,
    pub unit: &'a str,
    pub german: bool,
}

struct Class {
    colour: &'static str,
    label: String,
}

fn decimals(scale: Scale, unit: &str) -> usize {
    match scale {
        Scale::AroundOne => 2,
        Scale::Quantiles if unit == "%" => 1,
        Scale::Quantiles => 0,
    }
}

/// Upper limits (exclusive) of the classes below the last, and the labels.
fn classes(scale: Scale, values: &[f64], words: &Words) -> (Vec<f64>, Vec<Class>) {
    let d = decimals(scale, words.unit);
    let n = |v: f64| number(v, d, words.german);
    match scale {
        Scale::AroundOne => {
            let l = QUOTIENT_LIMITS;
            let labels = [
                format!("< {}", n(l[0])),
                format!("{} – < {}", n(l[0]), n(l[1])),
                format!("{} – < {}", n(l[1]), n(l[2])),
                format!("{} – < {}", n(l[2]), n(l[3])),
                format!("≥ {}", n(l[3])),
            ];
            let classes = DIVERGING
                .iter()
                .zip(labels)
                .map(|(colour, label)| Class { colour, label })
                .collect();
            (l.to_vec(), classes)
        }
        Scale::Quantiles => {
            let mut sorted = values.to_vec();
            sorted.sort_by(f64::total_cmp);
            let mut limits: Vec<f64> = Vec::new();
            if let (Some(&lo), Some(&hi)) = (sorted.first(), sorted.last()) {
                for k in 1..SEQUENTIAL.len() {
                    let v = sorted[k * sorted.len() / SEQUENTIAL.len()];
                    // Round to what the legend shows, so a value sits in the
                    // class its printed limits promise.
                    let scale = 10f64.powi(d as i32);
                    let rounded = (v * scale).round() / scale;
                    if rounded > lo && rounded <= hi && limits.last().is_none_or(|&l| rounded > l) {
                        limits.push(rounded);
                    }
                }
            }
            let (lo, hi) = (
                sorted.first().copied().unwrap_or_default(),
                sorted.last().copied().unwrap_or_default(),
            );
            let mut bounds = vec![lo];
            bounds.extend(&limits);
            let classes = (0..=limits.len())
                .map(|i| {
                    let from = bounds[i];
                    let label = match limits.get(i) {
                        Some(&to) => format!("{} – < {}", n(from), n(to)),
                        None => format!("{} – {}", n(from), n(hi)),
                    };
                    // Spread the classes over the whole scheme.
                    let step = if limits.is_empty() {
                        0
                    } else {
                        i * (SEQUENTIAL.len() - 1) / limits.len()
                    };
                    Class {
                        colour: SEQUENTIAL[step],
                        label,
                    }
                })
                .collect();
            (limits, classes)
        }
    }
}

fn class_of(limits: &[f64], value: f64) -> usize {
    limits.iter().take_while(|&&l| value >= l).count()
}

/// The map as an SVG document, or an empty string without any outline.
pub fn choropleth(id: &str, areas: &[Area], scale: Scale, words: &Words) -> String {
    let points = || {
        areas
            .iter()
            .flat_map(|a| a.outline.polygons.iter().flatten().flatten())
    };
    let (mut west, mut east, mut south, mut north) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in points() {
        west = west.min(p[0]);
        east = east.max(p[0]);
        south = south.min(p[1]);
        north = north.max(p[1]);
    }
    if west > east {
        return String::new();
    }
    let squeeze = ((south + north) / 2.0).to_radians().cos();
    let (span_x, span_y) = ((east - west) * squeeze, north - south);
    let k = ((WIDTH - 2.0 * PAD) / span_x.max(1e-9))
        .min((MAP_HEIGHT_MAX - 2.0 * PAD) / span_y.max(1e-9));
    let map_height = span_y * k + 2.0 * PAD;
    let values: Vec<f64> = areas.iter().filter_map(|a| a.value).collect();
    let (limits, classes) = classes(scale, &values, words);
    let legend_rows = classes.len() + 1;
    let height = map_height + LEGEND_ROW * legend_rows as f64 + PAD;

    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0}" width="100%" role="img" aria-labelledby="{id}-title" class="chart map"><title id="{id}-title">{}</title><defs><pattern id="{id}-none" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="1.5"/></pattern></defs>"##,
        escape(words.title)
    );
    let d = decimals(scale, words.unit);
    for area in areas {
        let fill = match area.value {
            Some(v) => classes[class_of(&limits, v).min(classes.len() - 1)]
                .colour
                .to_string(),
            None => format!("url(#{id}-none)"),
        };
        let mut path = String::new();
        for ring in area.outline.polygons.iter().flatten() {
            let mut last = (f64::NAN, f64::NAN);
            for (i, p) in ring.iter().enumerate() {
                let x = ((p[0] - west) * squeeze * k + PAD).round();
                let y = ((north - p[1]) * k + PAD).round();
                if (x, y) == last {
                    continue;
                }
                let _ = write!(path, "{}{x} {y}", if i == 0 { "M" } else { "L" });
                last = (x, y);
            }
            path.push('Z');
        }
        let value = area.value.map_or_else(
            || words.no_data.to_string(),
            |v| {
                format!("{} {}", number(v, d, words.german), words.unit)
                    .trim_end()
                    .to_string()
            },
        );
        let _ = write!(
            out,
            r##"<path d="{path}" fill="{fill}" fill-rule="evenodd" stroke="#4d4d4d" stroke-width="0.6"><title>{}: {}</title></path>"##,
            escape(area.name),
            escape(&value)
        );
    }
    let swatches = classes
        .iter()
        .map(|c| (c.colour.to_string(), c.label.as_str()))
        .chain([(format!("url(#{id}-none)"), words.no_data)]);
    for (n, (fill, label)) in swatches.enumerate() {
        let y = map_height + LEGEND_ROW * n as f64;
        let _ = write!(
            out,
            r##"<rect x="{PAD}" y="{y:.0}" width="24" height="14" fill="{fill}" stroke="#4d4d4d" stroke-width="0.6"/><text x="{:.0}" y="{:.0}" font-size="12" fill="#222">{}</text>"##,
            PAD + 32.0,
            y + 12.0,
            escape(label)
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(key: &str, x: f64) -> Outline {
        Outline {
            key: key.into(),
            name: format!("Gemeinde {key}"),
            polygons: vec![vec![vec![
                [x, 49.0],
                [x + 0.1, 49.0],
                [x + 0.1, 49.1],
                [x, 49.1],
                [x, 49.0],
            ]]],
        }
    }

    fn words() -> Words<'static> {
        Words {
            title: "Anteil",
            no_data: "keine Angabe",
            unit: "%",
            german: true,
        }
    }

    #[test]
    fn every_gemeinde_is_a_titled_shape_and_a_missing_value_is_hatched() {
        let outlines: Vec<Outline> = (0..4)
            .map(|i| square(&i.to_string(), 10.0 + 0.1 * i as f64))
            .collect();
        let values = [Some(2.0), Some(8.5), None, Some(20.25)];
        let areas: Vec<Area> = outlines
            .iter()
            .zip(values)
            .map(|(outline, value)| Area {
                outline,
                name: &outline.name,
                value,
            })
            .collect();
        let svg = choropleth("m", &areas, Scale::Quantiles, &words());
        assert_eq!(svg.matches("<path ").count(), 4);
        assert!(svg.contains("<title>Gemeinde 1: 8,5 %</title>"));
        assert!(svg.contains("<title>Gemeinde 2: keine Angabe</title>"));
        assert!(svg.contains(r#"fill="url(#m-none)" fill-rule"#));
        // Lowest value lightest, highest darkest.
        assert!(svg.contains(&format!(r#"fill="{}" fill-rule"#, SEQUENTIAL[0])));
        assert!(svg.contains(&format!(r#"fill="{}" fill-rule"#, SEQUENTIAL[4])));
        assert!(svg.contains(">keine Angabe</text>"));
    }

    #[test]
    fn quotients_fall_into_fixed_classes_around_one() {
        let (limits, found) = classes(Scale::AroundOne, &[0.3, 1.0, 3.0], &words());
        assert_eq!(class_of(&limits, 0.3), 0);
        assert_eq!(class_of(&limits, 1.0), 2);
        assert_eq!(class_of(&limits, 1.25), 3);
        assert_eq!(class_of(&limits, 3.0), 4);
        assert_eq!(found[2].label, "0,80 – < 1,25");
    }

    #[test]
    fn quantile_classes_hold_each_value_in_the_class_its_label_names() {
        let values: Vec<f64> = (1..=20).map(|v| v as f64 * 1.37).collect();
        let (limits, found) = classes(Scale::Quantiles, &values, &words());
        assert_eq!(found.len(), 5);
        for v in values {
            let c = class_of(&limits, v);
            if let Some(&upper) = limits.get(c) {
                assert!(v < upper);
            }
        }
        // One distinct value: one class, no empty classes.
        let (limits, found) = classes(Scale::Quantiles, &[5.0, 5.0], &words());
        assert!(limits.is_empty());
        assert_eq!(found.len(), 1);
    }
}
