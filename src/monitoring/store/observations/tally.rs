//! How cells add up: one rule for a sum ikon computes and a sum the
//! database computes (`totals_below`), so a Land's figure reads the same
//! whichever of them made it.

use crate::monitoring::service::shipped::sources::DERIVED;

/// A sum of cells with what their marks say about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    pub cells: i64,
    /// Cells with a value.
    pub known: i64,
    pub total: f64,
    /// The first, in the order of marks, of the marks of cells without a
    /// value.
    pub missing_mark: Option<String>,
    /// Cells marked as derived by ikon.
    pub derived: i64,
    /// Cells marked `-` (nothing).
    pub dashes: i64,
}

impl Tally {
    pub fn add(&mut self, value: Option<f64>, mark: Option<&str>) {
        self.cells += 1;
        match value {
            Some(v) => {
                self.known += 1;
                self.total += v;
            }
            None => {
                if let Some(m) = mark
                    && self.missing_mark.as_deref().is_none_or(|kept| m < kept)
                {
                    self.missing_mark = Some(m.to_string());
                }
            }
        }
        match mark {
            Some(DERIVED) => self.derived += 1,
            Some("-") => self.dashes += 1,
            _ => {}
        }
    }

    /// The sum, or none when a cell has no value.
    pub fn value(&self) -> Option<f64> {
        (self.cells > 0 && self.known == self.cells).then_some(self.total)
    }

    /// A sum over a cell without value has that cell's mark; a sum of
    /// derived counts is derived; a sum of `-` cells only is `-`.
    pub fn mark(&self) -> Option<String> {
        if self.known < self.cells {
            self.missing_mark.clone()
        } else if self.derived > 0 {
            Some(DERIVED.to_string())
        } else if self.cells > 0 && self.dashes == self.cells {
            Some("-".to_string())
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Tally;

    fn tally(cells: &[(Option<f64>, Option<&str>)]) -> (Option<f64>, Option<String>) {
        let mut t = Tally::default();
        for (value, mark) in cells {
            t.add(*value, *mark);
        }
        (t.value(), t.mark())
    }

    #[test]
    fn marks_travel_through_a_sum() {
        assert_eq!(
            tally(&[(Some(1.0), None), (Some(2.0), None)]),
            (Some(3.0), None)
        );
        assert_eq!(
            tally(&[(Some(1.0), None), (None, Some("/")), (None, Some("."))]),
            (None, Some(".".into()))
        );
        assert_eq!(
            tally(&[(Some(0.0), Some("-")), (Some(0.0), Some("-"))]),
            (Some(0.0), Some("-".into()))
        );
        assert_eq!(
            tally(&[(Some(0.0), Some("-")), (Some(4.0), None)]),
            (Some(4.0), None)
        );
        assert_eq!(
            tally(&[(Some(5.0), Some("derived")), (Some(4.0), None)]),
            (Some(9.0), Some("derived".into()))
        );
        assert_eq!(tally(&[]), (None, None));
    }
}
