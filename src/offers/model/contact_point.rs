//! Contact points (Anlaufstellen): offers named as the place to go for
//! integration counselling, per target group and service area.

use serde::Serialize;

/// The target groups a contact point can serve.
pub const GROUPS: [&str; 3] = ["adults", "young_people", "refugees"];

/// The designation of one offer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ContactPoint {
    pub target_groups: Vec<String>,
    pub whole_kreis: bool,
    pub municipalities: Vec<String>,
}

impl ContactPoint {
    pub fn covers(&self, municipality_key: &str) -> bool {
        self.whole_kreis || self.municipalities.iter().any(|m| m == municipality_key)
    }
}

/// The target groups a person of this age and (optional) group belongs to;
/// all groups if neither is given.
pub fn wanted(age: Option<i64>, group: Option<&str>) -> Vec<&'static str> {
    let mut out = Vec::new();
    if let Some(age) = age {
        if (12..=27).contains(&age) {
            out.push("young_people");
        }
        if age >= 18 {
            out.push("adults");
        }
    }
    if let Some(g) = group.and_then(|g| GROUPS.iter().find(|x| **x == g)) {
        out.push(g);
    }
    if age.is_none() && group.is_none() {
        out.extend(GROUPS);
    }
    out
}
