//! The responsibility matrix: agreements on who is responsible for which
//! cell (a municipality of the network's Kreis or the whole Kreis × a field
//! of integration × a target group — the offers' vocabularies), the input
//! that forms and the API send with its one `validate`, and the views of
//! the matrix that pages, JSON and CSV share.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::core::{
    error::{FieldErrors, Msg},
    ids::{AgreementId, DecisionId, NetworkId, OrganizationId},
    web::forms::Validator,
};

pub use crate::offers::model::{FIELDS, TARGET_GROUPS};

/// An organisation's part in an agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = AgreementRole)]
pub enum Role {
    /// Federführend: answers for the cell.
    Lead,
    /// Mitwirkend.
    Involved,
    /// Informiert: kept informed.
    Informed,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Lead, Role::Involved, Role::Informed];

    pub fn code(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Involved => "involved",
            Role::Informed => "informed",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// One organisation named in an agreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Party {
    pub organization_id: OrganizationId,
    pub organization: String,
    pub role: Role,
}

/// One agreement as stored, with the names the pages show.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Agreement {
    pub id: AgreementId,
    pub network_id: NetworkId,
    /// `None`: the whole Kreis.
    pub municipality_key: Option<String>,
    pub municipality_name: Option<String>,
    pub field: String,
    pub target_group: String,
    /// `YYYY-MM-DD`.
    pub valid_from: String,
    /// `YYYY-MM-DD`; `None`: open-ended.
    pub valid_until: Option<String>,
    pub decision_id: Option<DecisionId>,
    pub note: String,
    pub parties: Vec<Party>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Agreement {
    /// Whether the agreement holds on `day` (`YYYY-MM-DD`; ISO dates
    /// compare as text).
    pub fn valid_on(&self, day: &str) -> bool {
        self.valid_from.as_str() <= day && self.valid_until.as_deref().is_none_or(|u| day <= u)
    }
}

/// What creating or changing an agreement sets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgreementRecord {
    pub municipality_key: Option<String>,
    pub field: String,
    pub target_group: String,
    pub valid_from: String,
    pub valid_until: Option<String>,
    pub decision_id: Option<DecisionId>,
    pub note: String,
    pub parties: Vec<(OrganizationId, Role)>,
}

/// One organisation and its role, as the API sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct PartyInput {
    pub organization_id: i64,
    /// `lead`, `involved` or `informed`.
    pub role: String,
}

/// The agreement form and the API body.
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct AgreementInput {
    /// A municipality key (AGS) of the network's Kreis; empty: the whole Kreis.
    #[serde(default)]
    pub municipality_key: String,
    /// One of the offers' fields, e.g. `work`.
    #[serde(default)]
    pub field: String,
    /// One of the offers' target groups, e.g. `refugees`.
    #[serde(default)]
    pub target_group: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub valid_from: String,
    /// `YYYY-MM-DD`, may be empty (open-ended).
    #[serde(default)]
    pub valid_until: String,
    /// A decision in the minutes of one of this network's meetings; may be empty.
    #[serde(default)]
    #[schema(value_type = String)]
    pub decision_id: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub parties: Vec<PartyInput>,
}

/// What the input is checked against: the municipalities of the Kreis and
/// the member organisations of the network.
pub struct Choices {
    pub municipalities: Vec<String>,
    pub organizations: Vec<OrganizationId>,
}

/// A `YYYY-MM-DD` date, normalised.
pub fn parse_day(value: &str) -> Option<String> {
    let value = value.trim();
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .filter(|_| value.len() == 10)
        .map(|d| d.format("%Y-%m-%d").to_string())
}

impl AgreementInput {
    /// The form of a stored agreement.
    pub fn of(a: &Agreement) -> Self {
        Self {
            municipality_key: a.municipality_key.clone().unwrap_or_default(),
            field: a.field.clone(),
            target_group: a.target_group.clone(),
            valid_from: a.valid_from.clone(),
            valid_until: a.valid_until.clone().unwrap_or_default(),
            decision_id: a.decision_id.map(|d| d.to_string()).unwrap_or_default(),
            note: a.note.clone(),
            parties: a
                .parties
                .iter()
                .map(|p| PartyInput {
                    organization_id: p.organization_id.get(),
                    role: p.role.code().into(),
                })
                .collect(),
        }
    }

    /// The form as a browser sends it: one `role_<organisation id>` per
    /// member organisation (empty: not named).
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut input = Self::default();
        for (key, value) in pairs {
            match key.as_str() {
                "municipality_key" => input.municipality_key = value.clone(),
                "field" => input.field = value.clone(),
                "target_group" => input.target_group = value.clone(),
                "valid_from" => input.valid_from = value.clone(),
                "valid_until" => input.valid_until = value.clone(),
                "decision_id" => input.decision_id = value.clone(),
                "note" => input.note = value.clone(),
                other => {
                    if let Some(id) = other.strip_prefix("role_")
                        && !value.trim().is_empty()
                    {
                        input.parties.push(PartyInput {
                            // An unparsable id is refused by `validate`.
                            organization_id: id.parse().unwrap_or(-1),
                            role: value.trim().into(),
                        });
                    }
                }
            }
        }
        input
    }

    /// The role the form shows for an organisation.
    pub fn role_of(&self, organization_id: i64) -> &str {
        self.parties
            .iter()
            .find(|p| p.organization_id == organization_id)
            .map_or("", |p| p.role.as_str())
    }

    pub fn validate(&self, choices: &Choices) -> Result<AgreementRecord, FieldErrors> {
        let mut v = Validator::new();
        let municipality_key = match self.municipality_key.trim() {
            "" => None,
            key if choices.municipalities.iter().any(|m| m == key) => Some(key.to_string()),
            _ => {
                v.add("municipality_key", Msg::new("resp-err-municipality"));
                None
            }
        };
        let field = self.field.trim();
        if !FIELDS.contains(&field) {
            v.add(
                "field",
                Msg::new("resp-err-field").arg("valid", FIELDS.join(", ")),
            );
        }
        let target_group = self.target_group.trim();
        if !TARGET_GROUPS.contains(&target_group) {
            v.add(
                "target_group",
                Msg::new("resp-err-target-group").arg("valid", TARGET_GROUPS.join(", ")),
            );
        }
        let valid_from = parse_day(&self.valid_from);
        if valid_from.is_none() {
            v.add("valid_from", Msg::new("resp-err-date"));
        }
        let valid_until = match self.valid_until.trim() {
            "" => None,
            value => match parse_day(value) {
                Some(d) => Some(d),
                None => {
                    v.add("valid_until", Msg::new("resp-err-date"));
                    None
                }
            },
        };
        if let (Some(from), Some(until)) = (&valid_from, &valid_until)
            && until < from
        {
            v.add("valid_until", Msg::new("resp-err-until-before-from"));
        }
        let decision_id = match self.decision_id.trim() {
            "" => None,
            value => match value.parse::<i64>() {
                Ok(id) => Some(DecisionId(id)),
                Err(_) => {
                    v.add("decision_id", Msg::new("resp-err-decision"));
                    None
                }
            },
        };
        let note = v.text("note", &self.note, false, 2000);
        let mut parties: Vec<(OrganizationId, Role)> = Vec::new();
        for p in &self.parties {
            let id = OrganizationId(p.organization_id);
            match Role::parse(p.role.trim()) {
                None => v.add("parties", Msg::new("resp-err-role")),
                Some(_) if !choices.organizations.contains(&id) => {
                    v.add("parties", Msg::new("resp-err-organization"))
                }
                Some(_) if parties.iter().any(|(o, _)| *o == id) => {
                    v.add("parties", Msg::new("resp-err-organization-twice"))
                }
                Some(role) => parties.push((id, role)),
            }
        }
        if parties.is_empty() && v.is_ok() {
            v.add("parties", Msg::new("resp-err-no-parties"));
        }
        if !v.is_ok() {
            return Err(v.errors);
        }
        parties.sort_by_key(|(o, r)| (*r, *o));
        Ok(AgreementRecord {
            municipality_key,
            field: field.into(),
            target_group: target_group.into(),
            valid_from: valid_from.expect("checked above"),
            valid_until,
            decision_id,
            note,
            parties,
        })
    }
}

/// Whether two periods (`until` `None`: open-ended) share a day.
pub fn periods_overlap(
    (from_a, until_a): (&str, Option<&str>),
    (from_b, until_b): (&str, Option<&str>),
) -> bool {
    until_b.is_none_or(|u| from_a <= u) && until_a.is_none_or(|u| from_b <= u)
}

/// Another agreement of the same cell that names one of the record's
/// organisations in the same role for a day the record also covers: the
/// conflict the form reports.
pub fn conflict<'a>(
    record: &AgreementRecord,
    others: &'a [Agreement],
    own: Option<AgreementId>,
) -> Option<&'a Agreement> {
    others.iter().find(|a| {
        Some(a.id) != own
            && a.municipality_key == record.municipality_key
            && a.field == record.field
            && a.target_group == record.target_group
            && periods_overlap(
                (&record.valid_from, record.valid_until.as_deref()),
                (&a.valid_from, a.valid_until.as_deref()),
            )
            && a.parties.iter().any(|p| {
                record
                    .parties
                    .iter()
                    .any(|(o, r)| *o == p.organization_id && *r == p.role)
            })
    })
}

/// Which part of the matrix a page shows, as its GET form sends it.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MatrixQuery {
    /// A municipality key of the Kreis, or `kreis` (default): fields × target groups there.
    #[serde(default)]
    pub municipality: String,
    /// A target group: municipalities × fields for it (instead of one municipality).
    #[serde(default)]
    pub target_group: String,
    /// The day the agreements must hold (`YYYY-MM-DD`, default today).
    #[serde(default)]
    pub on: String,
}

/// An organisation named for a cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct CellParty {
    pub agreement_id: AgreementId,
    pub organization_id: OrganizationId,
    pub organization: String,
    pub role: Role,
    /// Named by a Kreis-wide agreement (shown in every municipality).
    pub kreis_wide: bool,
}

/// A provider whose published offer covers a cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Provider {
    pub organization_id: OrganizationId,
    pub organization: String,
}

/// One cell of the matrix with its marks.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Cell {
    /// `None`: the whole Kreis.
    pub municipality_key: Option<String>,
    pub municipality_name: String,
    pub field: String,
    pub target_group: String,
    pub parties: Vec<CellParty>,
    /// No lead.
    pub gap: bool,
    /// More than one lead.
    pub overlap: bool,
    /// Published offers cover the cell but no agreement names anyone.
    pub unconfirmed: bool,
    /// The providers of those offers.
    pub providers: Vec<Provider>,
}

impl Cell {
    pub fn leads(&self) -> impl Iterator<Item = &CellParty> {
        self.parties.iter().filter(|p| p.role == Role::Lead)
    }
}

/// The matrix of a network on a day, with its gaps, overlaps and
/// unconfirmed cells (the JSON answer).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Matrix {
    pub network_id: NetworkId,
    /// The day the agreements hold.
    pub on: String,
    pub agreements: Vec<Agreement>,
    pub gaps: Vec<Cell>,
    pub overlaps: Vec<Cell>,
    pub unconfirmed: Vec<Cell>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> AgreementInput {
        AgreementInput {
            municipality_key: "095750001".into(),
            field: "work".into(),
            target_group: "refugees".into(),
            valid_from: "2026-01-01".into(),
            valid_until: String::new(),
            decision_id: String::new(),
            note: String::new(),
            parties: vec![PartyInput {
                organization_id: 7,
                role: "lead".into(),
            }],
        }
    }

    fn choices() -> Choices {
        Choices {
            municipalities: vec!["095750001".into()],
            organizations: vec![OrganizationId(7), OrganizationId(8)],
        }
    }

    #[test]
    fn a_complete_agreement_is_valid() {
        let record = input().validate(&choices()).unwrap();
        assert_eq!(record.parties, [(OrganizationId(7), Role::Lead)]);
        assert_eq!(record.valid_until, None);
    }

    #[test]
    fn bad_fields_are_named() {
        let mut bad = input();
        bad.municipality_key = "091620000".into();
        bad.field = "cooking".into();
        bad.target_group = "everyone".into();
        bad.valid_from = "1.1.2026".into();
        bad.decision_id = "x".into();
        bad.parties[0].role = "boss".into();
        let errors = bad.validate(&choices()).unwrap_err();
        assert_eq!(
            errors.keys().collect::<Vec<_>>(),
            [
                "decision_id",
                "field",
                "municipality_key",
                "parties",
                "target_group",
                "valid_from"
            ]
        );
        let mut backwards = input();
        backwards.valid_until = "2025-12-31".into();
        assert!(
            backwards
                .validate(&choices())
                .unwrap_err()
                .contains_key("valid_until")
        );
        let mut stranger = input();
        stranger.parties[0].organization_id = 99;
        assert!(
            stranger
                .validate(&choices())
                .unwrap_err()
                .contains_key("parties")
        );
    }

    #[test]
    fn periods_overlap_when_they_share_a_day() {
        assert!(periods_overlap(
            ("2026-01-01", None),
            ("2025-01-01", Some("2026-01-01"))
        ));
        assert!(!periods_overlap(
            ("2026-01-02", None),
            ("2025-01-01", Some("2026-01-01"))
        ));
        assert!(periods_overlap(("2020-01-01", None), ("2030-01-01", None)));
        assert!(!periods_overlap(
            ("2020-01-01", Some("2020-12-31")),
            ("2021-01-01", Some("2021-12-31"))
        ));
    }

    #[test]
    fn form_pairs_become_parties() {
        let pairs: Vec<(String, String)> = [
            ("field", "work"),
            ("role_7", "lead"),
            ("role_8", ""),
            ("role_9", "informed"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let input = AgreementInput::from_pairs(&pairs);
        assert_eq!(input.parties.len(), 2);
        assert_eq!(input.role_of(9), "informed");
        assert_eq!(input.role_of(8), "");
    }
}
