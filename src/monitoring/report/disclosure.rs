//! Disclosure control for the public figures (STATISTICS.md §5): counts
//! below the minimum (a higher one for people with a Duldung or an
//! Aufenthaltsgestattung, or without any title) are kept back, within a breakdown a second part goes
//! with a lone kept-back one (the total published beside it would give it
//! away), and no rate is shown over a denominator below its minimum.
//! Official marks are kept as published; a cell already without value is
//! never backed out of totals and parts.

use crate::monitoring::indicators::series::Point;

/// ikon kept the figure back: a count below the minimum, or the part that
/// would reveal one.
pub const SMALL: &str = "*";
/// No rate: its denominator is below the minimum.
pub const TINY_BASE: &str = "/";

/// The configured minimums.
#[derive(Clone, Copy, Debug)]
pub struct Rules {
    pub min_count: f64,
    /// For the sensitive categories of a breakdown.
    pub min_count_sensitive: f64,
    pub min_denominator: f64,
}

/// A category whose members a small number exposes most: the residence
/// statistics' Duldung, Aufenthaltsgestattung and "without a title,
/// Duldung or Gestattung".
fn sensitive(category: Option<&str>) -> bool {
    category.is_some_and(|c| {
        let c = c.to_lowercase();
        c.contains("duldung") || c.contains("gestattung")
    })
}

fn small(value: Option<f64>, category: Option<&str>, rules: Rules) -> bool {
    let min = if sensitive(category) {
        rules.min_count.max(rules.min_count_sensitive)
    } else {
        rules.min_count
    };
    value.is_some_and(|v| v > 0.0 && v < min)
}

/// The points as an anonymous reader may see them. `counts`: the
/// indicator's values are counts (its unit is a number of people).
pub fn protect(points: &[Point], counts: bool, rules: Rules) -> Vec<Point> {
    let mut out: Vec<Point> = points.to_vec();
    let mut primary = vec![false; out.len()];
    for (p, kept) in out.iter_mut().zip(primary.iter_mut()) {
        if p.denominator.is_some() || p.numerator.is_some() {
            if p.denominator.is_some_and(|d| d < rules.min_denominator) {
                p.value = None;
                p.numerator = None;
                p.mark = Some(TINY_BASE.into());
            } else if small(p.numerator, p.category.as_deref(), rules) {
                p.value = None;
                p.numerator = None;
                p.mark = Some(SMALL.into());
                *kept = true;
            }
            if small(p.denominator, None, rules) {
                p.denominator = None;
            }
        } else if counts && small(p.value, p.category.as_deref(), rules) {
            p.value = None;
            p.mark = Some(SMALL.into());
            *kept = true;
        }
    }
    secondary(&mut out, &primary);
    out
}

/// Within each breakdown (one period, one source), a lone kept-back part
/// takes the next-smallest part with it.
fn secondary(points: &mut [Point], primary: &[bool]) {
    let mut groups: Vec<(String, String)> = points
        .iter()
        .filter(|p| p.category.is_some())
        .map(|p| (p.period.clone(), p.source.clone()))
        .collect();
    groups.sort();
    groups.dedup();
    for (period, source) in groups {
        let members: Vec<usize> = (0..points.len())
            .filter(|&i| {
                points[i].category.is_some()
                    && points[i].period == period
                    && points[i].source == source
            })
            .collect();
        let kept = members.iter().filter(|&&i| primary[i]).count();
        if kept != 1 {
            continue;
        }
        let next = members
            .iter()
            .copied()
            .filter(|&i| !primary[i] && points[i].value.is_some())
            .min_by(|&a, &b| {
                let (x, y) = (points[a].value, points[b].value);
                x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal)
            });
        if let Some(i) = next {
            points[i].value = None;
            points[i].numerator = None;
            points[i].mark = Some(SMALL.into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: Rules = Rules {
        min_count: 3.0,
        min_count_sensitive: 3.0,
        min_denominator: 20.0,
    };

    fn count(period: &str, category: Option<&str>, value: Option<f64>) -> Point {
        Point {
            period: period.into(),
            value,
            numerator: None,
            denominator: None,
            mark: None,
            source: "AZR".into(),
            category: category.map(str::to_string),
            licence: "dl-de/by-2-0".into(),
        }
    }

    fn rate(numerator: f64, denominator: f64) -> Point {
        Point {
            value: Some(numerator / denominator * 100.0),
            numerator: Some(numerator),
            denominator: Some(denominator),
            ..count("2023", None, None)
        }
    }

    #[test]
    fn small_counts_are_kept_back_and_zero_and_marks_stay() {
        let points = vec![
            count("2021", None, Some(2.0)),
            count("2022", None, Some(0.0)),
            count("2023", None, Some(3.0)),
            Point {
                mark: Some(".".into()),
                ..count("2024", None, None)
            },
        ];
        let out = protect(&points, true, RULES);
        assert_eq!(out[0].value, None);
        assert_eq!(out[0].mark.as_deref(), Some(SMALL));
        assert_eq!(out[1].value, Some(0.0));
        assert_eq!(out[2].value, Some(3.0));
        assert_eq!(out[3].mark.as_deref(), Some("."), "official mark kept");
        // Published rates are no counts: a 1.5 % stays.
        let share = vec![count("2021", None, Some(1.5))];
        assert_eq!(protect(&share, false, RULES)[0].value, Some(1.5));
    }

    #[test]
    fn a_lone_kept_back_part_takes_the_next_smallest_with_it() {
        let points = vec![
            count("2023", Some("Duldung"), Some(2.0)),
            count("2023", Some("befristet"), Some(40.0)),
            count("2023", Some("Gestattung"), Some(7.0)),
            count("2023", Some("dauerhaft"), Some(120.0)),
            // Another year with two small parts: they protect each other.
            count("2024", Some("Duldung"), Some(1.0)),
            count("2024", Some("Gestattung"), Some(2.0)),
            count("2024", Some("dauerhaft"), Some(130.0)),
        ];
        let out = protect(&points, true, RULES);
        let values: Vec<Option<f64>> = out.iter().map(|p| p.value).collect();
        assert_eq!(
            values,
            [None, Some(40.0), None, Some(120.0), None, None, Some(130.0)]
        );
        assert_eq!(out[2].mark.as_deref(), Some(SMALL));
    }

    #[test]
    fn people_with_a_duldung_or_gestattung_have_a_higher_minimum() {
        let rules = Rules {
            min_count_sensitive: 10.0,
            ..RULES
        };
        let points = vec![
            count("2024", Some("Duldung"), Some(8.0)),
            count("2024", Some("Aufenthaltsgestattung"), Some(12.0)),
            count(
                "2024",
                Some("Ohne Aufenthaltstitel, Duldung oder Gestattung"),
                Some(5.0),
            ),
            count(
                "2024",
                Some("Vom Erfordernis eines Aufenthaltstitels befreit"),
                Some(8.0),
            ),
            count(
                "2024",
                Some("Unbefristete Niederlassungserlaubnis"),
                Some(300.0),
            ),
        ];
        let values: Vec<Option<f64>> = protect(&points, true, rules)
            .iter()
            .map(|p| p.value)
            .collect();
        // Two kept back protect each other; 8 of an insensitive title stays.
        assert_eq!(values, [None, Some(12.0), None, Some(8.0), Some(300.0)]);
        assert!(!sensitive(Some("Befristete Aufenthaltserlaubnis")));
        assert!(!sensitive(None));
    }

    #[test]
    fn no_rate_over_a_tiny_denominator_nor_a_small_numerator() {
        let out = protect(
            &[rate(5.0, 12.0), rate(2.0, 400.0), rate(30.0, 400.0)],
            false,
            RULES,
        );
        assert_eq!(out[0].value, None);
        assert_eq!(out[0].numerator, None);
        assert_eq!(out[0].mark.as_deref(), Some(TINY_BASE));
        assert_eq!(
            out[0].denominator,
            Some(12.0),
            "the base itself is no small count"
        );
        assert_eq!(out[1].value, None);
        assert_eq!(out[1].mark.as_deref(), Some(SMALL));
        assert_eq!(out[2].value, Some(7.5));
        assert_eq!(out[2].numerator, Some(30.0));
    }
}
