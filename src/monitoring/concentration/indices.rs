//! Residential concentration indices exactly as STATISTICS.md §4, over
//! units i with group count xᵢ and total tᵢ (X = Σxᵢ, T = Σtᵢ, P = X/T):
//!
//! - dissimilarity D = ½ Σ |xᵢ/X − (tᵢ−xᵢ)/(T−X)|
//! - isolation xPx = Σ (xᵢ/X)(xᵢ/tᵢ), interaction xPy = Σ (xᵢ/X)((tᵢ−xᵢ)/tᵢ)
//! - entropy (Theil's H) = Σ tᵢ(E−Eᵢ)/(E·T), E = P ln(1/P) + (1−P) ln(1/(1−P))
//! - location quotient LQᵢ = (xᵢ/tᵢ)/(X/T)
//!
//! Units with tᵢ = 0 contribute nothing (and have no quotient). PySAL's
//! `segregation` package is the reference (tests/it/monitoring).

/// One unit: its group count and total.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    pub group: f64,
    pub total: f64,
}

/// The indices over a set of units.
#[derive(Clone, Debug, PartialEq)]
pub struct Indices {
    pub dissimilarity: f64,
    pub isolation: f64,
    pub interaction: f64,
    pub entropy: f64,
    /// One per unit, `None` where the unit has no inhabitants.
    pub location_quotients: Vec<Option<f64>>,
    pub units: usize,
    pub total: f64,
    pub group_total: f64,
}

/// p ln(1/p) + (1−p) ln(1/(1−p)), 0 at p = 0 or 1.
fn entropy_of(p: f64) -> f64 {
    let term = |q: f64| if q > 0.0 { q * (1.0 / q).ln() } else { 0.0 };
    term(p) + term(1.0 - p)
}

/// `None` when there is nobody, or nobody of the group, or only the group.
pub fn compute(units: &[Unit]) -> Option<Indices> {
    let inhabited: Vec<&Unit> = units.iter().filter(|u| u.total > 0.0).collect();
    let x: f64 = inhabited.iter().map(|u| u.group).sum();
    let t: f64 = inhabited.iter().map(|u| u.total).sum();
    if t <= 0.0 || x <= 0.0 || x >= t {
        return None;
    }
    let p = x / t;
    let e = entropy_of(p);
    let mut dissimilarity = 0.0;
    let mut isolation = 0.0;
    let mut interaction = 0.0;
    let mut entropy = 0.0;
    for u in &inhabited {
        let pi = u.group / u.total;
        dissimilarity += (u.group / x - (u.total - u.group) / (t - x)).abs();
        isolation += (u.group / x) * pi;
        interaction += (u.group / x) * (1.0 - pi);
        entropy += u.total * (e - entropy_of(pi));
    }
    Some(Indices {
        dissimilarity: dissimilarity / 2.0,
        isolation,
        interaction,
        entropy: entropy / (e * t),
        location_quotients: units
            .iter()
            .map(|u| (u.total > 0.0).then(|| (u.group / u.total) / p))
            .collect(),
        units: inhabited.len(),
        total: t,
        group_total: x,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(group: f64, total: f64) -> Unit {
        Unit { group, total }
    }

    #[test]
    fn total_segregation() {
        // The group lives only in the first unit, the rest only in the second.
        let i = compute(&[u(50.0, 50.0), u(0.0, 150.0)]).unwrap();
        assert_eq!(i.dissimilarity, 1.0);
        assert_eq!(i.isolation, 1.0);
        assert_eq!(i.interaction, 0.0);
        assert!((i.entropy - 1.0).abs() < 1e-12);
        assert_eq!(i.location_quotients, vec![Some(4.0), Some(0.0)]);
    }

    #[test]
    fn no_segregation() {
        // The same share everywhere.
        let i = compute(&[u(10.0, 100.0), u(30.0, 300.0), u(5.0, 50.0)]).unwrap();
        assert!(i.dissimilarity.abs() < 1e-12);
        assert!((i.isolation - 0.1).abs() < 1e-12);
        assert!((i.interaction - 0.9).abs() < 1e-12);
        assert!(i.entropy.abs() < 1e-12);
        assert!(
            i.location_quotients
                .iter()
                .all(|q| (q.unwrap() - 1.0).abs() < 1e-12)
        );
    }

    #[test]
    fn two_units_by_hand() {
        // x = (20, 10), t = (100, 200): X = 30, T = 300, P = 0.1.
        let i = compute(&[u(20.0, 100.0), u(10.0, 200.0)]).unwrap();
        // D = ½ (|20/30 − 80/270| + |10/30 − 190/270|)
        let d = 0.5
            * ((20.0 / 30.0 - 80.0 / 270.0_f64).abs() + (10.0 / 30.0 - 190.0 / 270.0_f64).abs());
        assert!((i.dissimilarity - d).abs() < 1e-12);
        // xPx = (20/30)(20/100) + (10/30)(10/200)
        assert!((i.isolation - (20.0 / 30.0 * 0.2 + 10.0 / 30.0 * 0.05)).abs() < 1e-12);
        assert!((i.isolation + i.interaction - 1.0).abs() < 1e-12);
        let e = entropy_of(0.1);
        let h = (100.0 * (e - entropy_of(0.2)) + 200.0 * (e - entropy_of(0.05))) / (e * 300.0);
        assert!((i.entropy - h).abs() < 1e-12);
        assert_eq!(i.location_quotients, vec![Some(2.0), Some(0.5)]);
    }

    #[test]
    fn empty_units_contribute_nothing() {
        let with = compute(&[u(20.0, 100.0), u(0.0, 0.0), u(10.0, 200.0)]).unwrap();
        let without = compute(&[u(20.0, 100.0), u(10.0, 200.0)]).unwrap();
        assert_eq!(with.dissimilarity, without.dissimilarity);
        assert_eq!(with.units, 2);
        assert_eq!(with.location_quotients[1], None);
        assert!(compute(&[u(0.0, 10.0)]).is_none());
    }
}
