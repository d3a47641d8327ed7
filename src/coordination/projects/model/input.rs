//! What creating or editing a project sends — the form, the API body and
//! the CSV import's rows — and its one `validate` against the network's
//! members, contact people, statuses and projects.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{PartnerRole, Project, ProjectStatus, optional_day, within};
use crate::{
    coordination::responsibilities::model::{FIELDS, TARGET_GROUPS},
    core::{
        error::{FieldErrors, Msg},
        ids::{OrganizationId, PersonId, ProjectId},
        web::forms::Validator,
    },
};

/// A partner and its role, as the API sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct PartnerInput {
    pub organization_id: i64,
    /// `lead`, `partner` or `funder`.
    pub role: String,
}

/// The project form and the API body.
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct ProjectInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub goal: String,
    #[serde(default)]
    pub description: String,
    /// Fields of the offers' list, e.g. `work`.
    #[serde(default)]
    pub fields: Vec<String>,
    #[serde(default)]
    pub target_groups: Vec<String>,
    /// `YYYY-MM-DD`, may be empty.
    #[serde(default)]
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: String,
    /// A project of the network without a parent; empty: none.
    #[serde(default)]
    #[schema(value_type = String)]
    pub parent_id: String,
    /// Share in the parent's progress (default 1).
    #[serde(default)]
    #[schema(value_type = String)]
    pub weight: String,
    /// A code of the network's status list; empty: its first status.
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub is_public: bool,
    #[serde(default)]
    pub partners: Vec<PartnerInput>,
    /// Id of a contact person of a member organisation; empty: none.
    #[serde(default)]
    #[schema(value_type = String)]
    pub contact_person_id: String,
}

/// What creating or editing a project sets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProjectRecord {
    pub title: String,
    pub goal: String,
    pub description: String,
    pub fields: Vec<String>,
    pub target_groups: Vec<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub parent_id: Option<ProjectId>,
    pub weight: i64,
    pub status: String,
    pub is_public: bool,
    pub partners: Vec<(OrganizationId, PartnerRole)>,
    pub contact_person_id: Option<PersonId>,
}

/// What a project is checked against.
pub struct Choices<'a> {
    pub organizations: Vec<OrganizationId>,
    /// The contact people of the member organisations.
    pub contacts: Vec<PersonId>,
    pub statuses: Vec<ProjectStatus>,
    /// The network's projects as (id, parent), for the parent choice.
    pub projects: Vec<(ProjectId, Option<ProjectId>)>,
    /// The project being changed, if any, with its sub-projects' ids and
    /// milestone dates.
    pub own: Option<(ProjectId, bool, &'a [String])>,
}

/// Codes from a list: the known ones, once each, or `Err` for an unknown one.
fn codes(list: &[String], known: &[&str]) -> Result<Vec<String>, ()> {
    let mut out: Vec<String> = Vec::new();
    for value in list.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !known.contains(&value) {
            return Err(());
        }
        if !out.iter().any(|o| o == value) {
            out.push(value.to_string());
        }
    }
    Ok(out)
}

impl ProjectInput {
    /// The form as a browser sends it: checkboxes repeat `fields` and
    /// `target_groups`; one `role_<organisation id>` per member.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut input = Self::default();
        for (key, value) in pairs {
            match key.as_str() {
                "title" => input.title = value.clone(),
                "goal" => input.goal = value.clone(),
                "description" => input.description = value.clone(),
                "fields" => input.fields.push(value.clone()),
                "target_groups" => input.target_groups.push(value.clone()),
                "starts_on" => input.starts_on = value.clone(),
                "ends_on" => input.ends_on = value.clone(),
                "parent_id" => input.parent_id = value.clone(),
                "weight" => input.weight = value.clone(),
                "status" => input.status = value.clone(),
                "is_public" => input.is_public = value == "1",
                "contact_person_id" => input.contact_person_id = value.clone(),
                other => {
                    if let Some(id) = other.strip_prefix("role_")
                        && !value.trim().is_empty()
                    {
                        input.partners.push(PartnerInput {
                            organization_id: id.parse().unwrap_or(-1),
                            role: value.trim().into(),
                        });
                    }
                }
            }
        }
        input
    }

    /// The form of a stored project.
    pub fn of(p: &Project) -> Self {
        Self {
            title: p.title.clone(),
            goal: p.goal.clone(),
            description: p.description.clone(),
            fields: p.fields.clone(),
            target_groups: p.target_groups.clone(),
            starts_on: p.starts_on.clone().unwrap_or_default(),
            ends_on: p.ends_on.clone().unwrap_or_default(),
            parent_id: p.parent_id.map(|i| i.to_string()).unwrap_or_default(),
            weight: p.weight.to_string(),
            status: p.status.clone(),
            is_public: p.is_public,
            partners: p
                .partners
                .iter()
                .map(|x| PartnerInput {
                    organization_id: x.organization_id.get(),
                    role: x.role.code().into(),
                })
                .collect(),
            contact_person_id: p
                .contact_person_id
                .map(|c| c.to_string())
                .unwrap_or_default(),
        }
    }

    pub fn role_of(&self, organization_id: i64) -> &str {
        self.partners
            .iter()
            .find(|p| p.organization_id == organization_id)
            .map_or("", |p| p.role.as_str())
    }

    pub fn validate(&self, choices: &Choices) -> Result<ProjectRecord, FieldErrors> {
        let mut v = Validator::new();
        let title = v.text("title", &self.title, true, 300);
        let goal = v.text("goal", &self.goal, false, 4000);
        let description = v.text("description", &self.description, false, 20000);
        let fields = codes(&self.fields, FIELDS).unwrap_or_else(|()| {
            v.add("fields", Msg::new("proj-err-field"));
            Vec::new()
        });
        let target_groups = codes(&self.target_groups, TARGET_GROUPS).unwrap_or_else(|()| {
            v.add("target_groups", Msg::new("proj-err-target-group"));
            Vec::new()
        });
        let starts_on = optional_day(&mut v, "starts_on", &self.starts_on);
        let ends_on = optional_day(&mut v, "ends_on", &self.ends_on);
        if let (Some(s), Some(e)) = (&starts_on, &ends_on)
            && e < s
        {
            v.add("ends_on", Msg::new("proj-err-end-before-start"));
        }
        let own = choices.own.as_ref();
        let parent_id = match self.parent_id.trim() {
            "" => None,
            value => {
                let id = value.parse::<i64>().ok().map(ProjectId);
                match id.and_then(|id| choices.projects.iter().find(|(p, _)| *p == id)) {
                    None => {
                        v.add("parent_id", Msg::new("proj-err-parent"));
                        None
                    }
                    Some((id, _)) if own.is_some_and(|(o, _, _)| o == id) => {
                        v.add("parent_id", Msg::new("proj-err-parent-self"));
                        None
                    }
                    Some((_, Some(_))) => {
                        v.add("parent_id", Msg::new("proj-err-sub-of-sub"));
                        None
                    }
                    Some((_, None)) if own.is_some_and(|(_, has_children, _)| *has_children) => {
                        v.add("parent_id", Msg::new("proj-err-parent-has-children"));
                        None
                    }
                    Some((id, None)) => Some(*id),
                }
            }
        };
        let weight = match self.weight.trim() {
            "" => 1,
            value => match value.parse::<i64>() {
                Ok(w) if (1..=1000).contains(&w) => w,
                _ => {
                    v.add("weight", Msg::new("proj-err-weight"));
                    1
                }
            },
        };
        let status = match self.status.trim() {
            "" => choices
                .statuses
                .first()
                .map(|s| s.code.clone())
                .unwrap_or_default(),
            code if choices.statuses.iter().any(|s| s.code == code) => code.to_string(),
            _ => {
                v.add("status", Msg::new("proj-err-status"));
                String::new()
            }
        };
        let mut partners: Vec<(OrganizationId, PartnerRole)> = Vec::new();
        for p in &self.partners {
            let id = OrganizationId(p.organization_id);
            match PartnerRole::parse(p.role.trim()) {
                None => v.add("partners", Msg::new("proj-err-role")),
                Some(_) if !choices.organizations.contains(&id) => {
                    v.add("partners", Msg::new("proj-err-organization"))
                }
                Some(_) if partners.iter().any(|(o, _)| *o == id) => {
                    v.add("partners", Msg::new("proj-err-organization-twice"))
                }
                Some(role) => partners.push((id, role)),
            }
        }
        if partners
            .iter()
            .filter(|(_, r)| *r == PartnerRole::Lead)
            .count()
            > 1
        {
            v.add("partners", Msg::new("proj-err-one-lead"));
        }
        let contact_person_id = match self.contact_person_id.trim() {
            "" => None,
            value => {
                let id = value.parse::<i64>().ok().map(PersonId);
                if id.is_none_or(|id| !choices.contacts.contains(&id)) {
                    v.add("contact_person_id", Msg::new("proj-err-contact"));
                }
                id
            }
        };
        // Milestones already recorded must stay within a changed period.
        if let Some((_, _, days)) = own
            && days
                .iter()
                .any(|d| !within(d, starts_on.as_deref(), ends_on.as_deref()))
        {
            v.add("starts_on", Msg::new("proj-err-period-milestones"));
        }
        if !v.is_ok() {
            return Err(v.errors);
        }
        partners.sort_by_key(|(o, r)| (*r, *o));
        Ok(ProjectRecord {
            title,
            goal,
            description,
            fields,
            target_groups,
            starts_on,
            ends_on,
            parent_id,
            weight,
            status,
            is_public: self.is_public,
            partners,
            contact_person_id,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coordination::projects::model::default_statuses;

    #[test]
    fn periods_and_parents_are_checked() {
        let choices = Choices {
            organizations: vec![OrganizationId(1)],
            contacts: vec![PersonId(7)],
            statuses: default_statuses(),
            projects: vec![(ProjectId(1), None), (ProjectId(2), Some(ProjectId(1)))],
            own: None,
        };
        let input = ProjectInput {
            title: "Patenschaften".into(),
            starts_on: "2026-05-01".into(),
            ends_on: "2026-04-01".into(),
            parent_id: "2".into(),
            ..ProjectInput::default()
        };
        let errors = input.validate(&choices).unwrap_err();
        assert!(errors.contains_key("ends_on") && errors.contains_key("parent_id"));
        assert_eq!(errors["parent_id"].id, "proj-err-sub-of-sub");
        let fine = ProjectInput {
            title: "Patenschaften".into(),
            parent_id: "1".into(),
            ..ProjectInput::default()
        };
        let record = fine.validate(&choices).unwrap();
        assert_eq!(
            (record.parent_id, record.status.as_str()),
            (Some(ProjectId(1)), "idea")
        );
    }

    #[test]
    fn the_contact_is_a_contact_person_of_a_member() {
        let choices = Choices {
            organizations: vec![OrganizationId(1)],
            contacts: vec![PersonId(7)],
            statuses: default_statuses(),
            projects: Vec::new(),
            own: None,
        };
        let with = |contact: &str| ProjectInput {
            title: "Patenschaften".into(),
            contact_person_id: contact.into(),
            ..ProjectInput::default()
        };
        assert_eq!(
            with("7").validate(&choices).unwrap().contact_person_id,
            Some(PersonId(7))
        );
        assert_eq!(
            with(" ").validate(&choices).unwrap().contact_person_id,
            None
        );
        for bad in ["8", "x"] {
            let errors = with(bad).validate(&choices).unwrap_err();
            assert_eq!(errors["contact_person_id"].id, "proj-err-contact");
        }
    }
}
