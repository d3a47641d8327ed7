//! Laying agreements and offers onto the grid: which organisations each
//! cell names, and its marks. Pure, so that hand-made cases test it and
//! the benchmark measures it without a server.
//!
//! A municipality's cell shows its own agreements and the Kreis-wide ones
//! of the same field and target group. Its leads are its own leads, or —
//! when it has none — the Kreis-wide leads: a municipal agreement is the
//! more specific one. A cell is a **gap** without a lead and an **overlap**
//! with more than one lead organisation; it is **unconfirmed** when no
//! agreement names anyone but published offers cover it (their field and
//! target groups, at a place in the municipality or as a contact point
//! whose service area includes it; the Kreis cell: a Kreis-wide contact
//! point).

use std::collections::HashMap;

use super::model::{Agreement, Cell, CellParty, Provider, Role};
use crate::core::ids::OrganizationId;

/// What a published offer covers.
#[derive(Clone, Debug)]
pub struct Covering {
    pub organization_id: OrganizationId,
    pub organization: String,
    pub field: String,
    pub target_groups: Vec<String>,
    /// The municipalities of its places, where known.
    pub places: Vec<String>,
    /// As a contact point: the whole Kreis.
    pub whole_kreis: bool,
    /// As a contact point: these municipalities.
    pub area: Vec<String>,
}

impl Covering {
    fn covers(&self, municipality: Option<&str>) -> bool {
        match municipality {
            None => self.whole_kreis,
            Some(m) => {
                self.whole_kreis
                    || self.places.iter().any(|p| p == m)
                    || self.area.iter().any(|a| a == m)
            }
        }
    }
}

type Key<'a> = (Option<&'a str>, &'a str, &'a str);

/// The agreements that hold on a day and the offers, indexed by cell.
pub struct Grid<'a> {
    agreements: HashMap<Key<'a>, Vec<&'a Agreement>>,
    offers: HashMap<(&'a str, &'a str), Vec<&'a Covering>>,
    kreis_name: &'a str,
}

impl<'a> Grid<'a> {
    /// `agreements` should be those that hold on the day shown.
    pub fn new(
        agreements: impl IntoIterator<Item = &'a Agreement>,
        offers: &'a [Covering],
        kreis_name: &'a str,
    ) -> Self {
        let mut by_cell: HashMap<Key<'a>, Vec<&'a Agreement>> = HashMap::new();
        for a in agreements {
            by_cell
                .entry((
                    a.municipality_key.as_deref(),
                    a.field.as_str(),
                    a.target_group.as_str(),
                ))
                .or_default()
                .push(a);
        }
        let mut by_topic: HashMap<(&'a str, &'a str), Vec<&'a Covering>> = HashMap::new();
        for o in offers {
            for g in &o.target_groups {
                by_topic
                    .entry((o.field.as_str(), g.as_str()))
                    .or_default()
                    .push(o);
            }
        }
        Grid {
            agreements: by_cell,
            offers: by_topic,
            kreis_name,
        }
    }

    fn parties(&self, key: Key<'_>, kreis_wide: bool) -> Vec<CellParty> {
        self.agreements
            .get(&key)
            .into_iter()
            .flatten()
            .flat_map(|a| {
                a.parties.iter().map(move |p| CellParty {
                    agreement_id: a.id,
                    organization_id: p.organization_id,
                    organization: p.organization.clone(),
                    role: p.role,
                    kreis_wide,
                })
            })
            .collect()
    }

    /// The cell of a municipality (`(key, name)`; `None`: the whole Kreis).
    pub fn cell(&self, municipality: Option<(&str, &str)>, field: &str, group: &str) -> Cell {
        let key = municipality.map(|(k, _)| k);
        let mut parties = self.parties((key, field, group), key.is_none());
        let own_leads = lead_organizations(&parties);
        let leads = if key.is_some() {
            let kreis = self.parties((None, field, group), true);
            let kreis_leads = lead_organizations(&kreis);
            parties.extend(kreis);
            if own_leads.is_empty() {
                kreis_leads
            } else {
                own_leads
            }
        } else {
            own_leads
        };
        let mut providers: Vec<Provider> = Vec::new();
        for o in self.offers.get(&(field, group)).into_iter().flatten() {
            if o.covers(key)
                && !providers
                    .iter()
                    .any(|p| p.organization_id == o.organization_id)
            {
                providers.push(Provider {
                    organization_id: o.organization_id,
                    organization: o.organization.clone(),
                });
            }
        }
        providers.sort_by(|a, b| a.organization.cmp(&b.organization));
        Cell {
            municipality_key: key.map(str::to_string),
            municipality_name: municipality.map_or(self.kreis_name, |(_, n)| n).to_string(),
            field: field.to_string(),
            target_group: group.to_string(),
            gap: leads.is_empty(),
            overlap: leads.len() > 1,
            unconfirmed: parties.is_empty() && !providers.is_empty(),
            parties,
            providers,
        }
    }

    /// Every cell: the Kreis first, then each municipality, each by field
    /// and target group in vocabulary order.
    pub fn all(
        &self,
        municipalities: &[(String, String)],
        fields: &[&str],
        groups: &[&str],
    ) -> Vec<Cell> {
        let scopes = std::iter::once(None).chain(
            municipalities
                .iter()
                .map(|(k, n)| Some((k.as_str(), n.as_str()))),
        );
        let mut cells =
            Vec::with_capacity((municipalities.len() + 1) * fields.len() * groups.len());
        for scope in scopes {
            for f in fields {
                for g in groups {
                    cells.push(self.cell(scope, f, g));
                }
            }
        }
        cells
    }
}

/// The providers of the published offers that cover a cell, as a
/// proposed agreement: the provider with the most covering offers leads
/// (ties: the first by name), the others are involved.
pub fn proposed_parties(
    offers: &[Covering],
    municipality: Option<&str>,
    field: &str,
    group: &str,
) -> Vec<(Provider, Role)> {
    let mut counted: Vec<(Provider, usize)> = Vec::new();
    for o in offers
        .iter()
        .filter(|o| o.field == field && o.target_groups.iter().any(|g| g == group))
        .filter(|o| o.covers(municipality))
    {
        match counted
            .iter_mut()
            .find(|(p, _)| p.organization_id == o.organization_id)
        {
            Some((_, n)) => *n += 1,
            None => counted.push((
                Provider {
                    organization_id: o.organization_id,
                    organization: o.organization.clone(),
                },
                1,
            )),
        }
    }
    counted.sort_by(|(a, n), (b, m)| m.cmp(n).then_with(|| a.organization.cmp(&b.organization)));
    counted
        .into_iter()
        .enumerate()
        .map(|(i, (p, _))| (p, if i == 0 { Role::Lead } else { Role::Involved }))
        .collect()
}

/// The distinct lead organisations among the parties.
fn lead_organizations(parties: &[CellParty]) -> Vec<OrganizationId> {
    let mut leads: Vec<OrganizationId> = parties
        .iter()
        .filter(|p| p.role == Role::Lead)
        .map(|p| p.organization_id)
        .collect();
    leads.sort();
    leads.dedup();
    leads
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coordination::responsibilities::model::Party;
    use crate::core::ids::{AgreementId, NetworkId};

    fn agreement(id: i64, m: Option<&str>, parties: &[(i64, Role)]) -> Agreement {
        Agreement {
            id: AgreementId(id),
            network_id: NetworkId(1),
            municipality_key: m.map(str::to_string),
            municipality_name: None,
            field: "work".into(),
            target_group: "refugees".into(),
            valid_from: "2026-01-01".into(),
            valid_until: None,
            decision_id: None,
            note: String::new(),
            parties: parties
                .iter()
                .map(|(o, r)| Party {
                    organization_id: OrganizationId(*o),
                    organization: format!("Org {o}"),
                    role: *r,
                })
                .collect(),
            created_at: 0,
            updated_at: 0,
        }
    }

    #[test]
    fn a_municipal_lead_is_more_specific_than_the_kreis_lead() {
        let list = [
            agreement(1, None, &[(10, Role::Lead)]),
            agreement(2, Some("a"), &[(11, Role::Lead)]),
        ];
        let grid = Grid::new(&list, &[], "Kreis");
        let a = grid.cell(Some(("a", "A")), "work", "refugees");
        assert!(!a.gap && !a.overlap);
        assert_eq!(a.parties.len(), 2);
        let b = grid.cell(Some(("b", "B")), "work", "refugees");
        assert!(!b.gap && !b.overlap && b.parties[0].kreis_wide);
        let other = grid.cell(Some(("b", "B")), "school", "refugees");
        assert!(other.gap && !other.unconfirmed);
    }

    #[test]
    fn offers_without_agreements_leave_the_cell_unconfirmed() {
        let offers = [Covering {
            organization_id: OrganizationId(20),
            organization: "VHS".into(),
            field: "work".into(),
            target_groups: vec!["refugees".into()],
            places: vec!["a".into()],
            whole_kreis: false,
            area: vec![],
        }];
        let grid = Grid::new([], &offers, "Kreis");
        let a = grid.cell(Some(("a", "A")), "work", "refugees");
        assert!(a.unconfirmed && a.gap);
        assert_eq!(a.providers[0].organization, "VHS");
        assert!(!grid.cell(Some(("b", "B")), "work", "refugees").unconfirmed);
        assert!(!grid.cell(None, "work", "refugees").unconfirmed);
        assert!(!grid.cell(Some(("a", "A")), "work", "women").unconfirmed);
    }

    #[test]
    fn the_provider_with_most_offers_is_proposed_as_lead() {
        let offer = |org: i64, name: &str, place: &str| Covering {
            organization_id: OrganizationId(org),
            organization: name.into(),
            field: "work".into(),
            target_groups: vec!["refugees".into()],
            places: vec![place.into()],
            whole_kreis: false,
            area: vec![],
        };
        let offers = [
            offer(1, "Caritas", "a"),
            offer(2, "VHS", "a"),
            offer(2, "VHS", "a"),
            offer(3, "AWO", "b"),
        ];
        let proposed: Vec<(String, Role)> =
            proposed_parties(&offers, Some("a"), "work", "refugees")
                .into_iter()
                .map(|(p, r)| (p.organization, r))
                .collect();
        assert_eq!(
            proposed,
            [
                ("VHS".into(), Role::Lead),
                ("Caritas".into(), Role::Involved)
            ]
        );
        assert!(proposed_parties(&offers, Some("a"), "work", "women").is_empty());
    }

    #[test]
    fn two_lead_organisations_overlap() {
        let list = [
            agreement(1, Some("a"), &[(10, Role::Lead), (12, Role::Informed)]),
            agreement(2, Some("a"), &[(11, Role::Lead)]),
        ];
        let grid = Grid::new(&list, &[], "Kreis");
        let a = grid.cell(Some(("a", "A")), "work", "refugees");
        assert!(a.overlap && !a.gap);
        assert_eq!(a.leads().count(), 2);
        assert_eq!(
            grid.all(&[("a".into(), "A".into())], &["work"], &["refugees"])
                .len(),
            2
        );
    }
}
