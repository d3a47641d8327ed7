//! The other eleven Kreise and kreisfreie Städte of Mittelfranken as small
//! networks of their own — a county office, a welfare association with its
//! published migration counselling for the whole Kreis, two past
//! conferences each — so that the supervisor's overview, the coverage
//! comparison and the comparison of the Kreise show the whole
//! Regierungsbezirk. Organisations and addresses are fictional
//! (`.example` domains); the records pass the same validation as user
//! input.

use anyhow::{Context, anyhow};
use chrono::{Duration, Utc};

use crate::{
    conferences::{model::MeetingRecord, store::create_meeting},
    core::{
        audit::Actor,
        ids::{NetworkId, OrganizationId},
        store::Tx,
    },
    network::{
        model::{NetworkInput, OrganizationInput},
        service as registry,
        store::networks,
    },
    offers::{
        model::{Status, input::OfferInput},
        service, store as offer_store,
    },
};

/// (AGS, name as people say it, town of the offices, a short name for
/// addresses, postal code of the offices).
const KREISE: [(&str, &str, &str, &str, &str); 11] = [
    ("09561", "Stadt Ansbach", "Ansbach", "ansbach", "91522"),
    ("09562", "Stadt Erlangen", "Erlangen", "erlangen", "91052"),
    ("09563", "Stadt Fürth", "Fürth", "fuerth", "90762"),
    ("09564", "Stadt Nürnberg", "Nürnberg", "nuernberg", "90402"),
    (
        "09565",
        "Stadt Schwabach",
        "Schwabach",
        "schwabach",
        "91126",
    ),
    (
        "09571",
        "Landkreis Ansbach",
        "Ansbach",
        "lk-ansbach",
        "91522",
    ),
    (
        "09572",
        "Landkreis Erlangen-Höchstadt",
        "Erlangen",
        "erh",
        "91054",
    ),
    ("09573", "Landkreis Fürth", "Zirndorf", "lk-fuerth", "90513"),
    (
        "09574",
        "Landkreis Nürnberger Land",
        "Lauf a.d.Pegnitz",
        "lau",
        "91207",
    ),
    ("09576", "Landkreis Roth", "Roth", "roth", "91154"),
    (
        "09577",
        "Landkreis Weißenburg-Gunzenhausen",
        "Weißenburg i.Bay.",
        "wug",
        "91781",
    ),
];

const ACTOR: Actor<'static> = Actor::System("demo");

fn invalid(what: &str, fields: Vec<String>) -> anyhow::Error {
    anyhow!("demo {what}: invalid {fields:?}")
}

/// Loads the networks of the Kreise not loaded yet, in one transaction;
/// returns how many were created.
pub async fn load(tx: &mut Tx) -> anyhow::Result<usize> {
    let mut created = 0;
    for (key, name, town, short, postal_code) in KREISE {
        if networks::network_for_region(&mut **tx, key)
            .await?
            .is_some()
        {
            continue;
        }
        kreis(tx, (key, name, town, short, postal_code)).await?;
        created += 1;
    }
    Ok(created)
}

async fn kreis(
    tx: &mut Tx,
    (key, name, town, short, postal_code): (&str, &str, &str, &str, &str),
) -> anyhow::Result<()> {
    let network = NetworkInput {
        name: format!("Integrationsnetzwerk {name}"),
        region_key: key.into(),
        description: format!(
            "Das Integrationsnetzwerk bringt Verwaltung, Wohlfahrtsverbände und Vereine in {name} zusammen."
        ),
    }
    .validate(true)
    .map_err(|e| invalid(name, e.into_keys().collect()))?;
    let network_id = registry::networks::insert(tx, &ACTOR, &network).await?;
    let office = if name.starts_with("Stadt") {
        format!("Stadtverwaltung {town}")
    } else {
        format!("Landratsamt {}", name.trim_start_matches("Landkreis "))
    };
    let organizations = [
        (office, "county_office", "integration@verwaltung"),
        (
            format!("Wohlfahrtsverband {town} e.V."),
            "welfare_association",
            "beratung@wohlfahrt",
        ),
    ];
    let mut ids = Vec::new();
    for (org_name, category, mailbox) in organizations {
        let record = OrganizationInput {
            name: org_name.clone(),
            category: category.into(),
            street: "Marktplatz 1".into(),
            postal_code: postal_code.into(),
            city: town.into(),
            email: format!("{mailbox}-{short}.example"),
            ..OrganizationInput::default()
        }
        .validate()
        .map_err(|e| invalid(&org_name, e.into_keys().collect()))?;
        ids.push(registry::organizations::insert(tx, &ACTOR, network_id, &record).await?);
    }
    counselling(tx, network_id, ids[1], name).await?;
    for (title, days_ago) in [
        ("Integrationskonferenz Frühjahr", 330),
        ("Integrationskonferenz Herbst", 150),
    ] {
        let starts_at = (Utc::now() - Duration::days(days_ago)).timestamp();
        let record = MeetingRecord {
            title: title.into(),
            starts_at: Some(starts_at),
            ends_at: Some(starts_at + 3 * 3600),
            location: format!("Rathaus {town}, Sitzungssaal"),
            online_url: String::new(),
            organizer_organization_id: Some(ids[0]),
            is_public: true,
        };
        create_meeting(tx, ACTOR, network_id, &record).await?;
    }
    Ok(())
}

/// The welfare association's migration counselling for adults, serving
/// the whole Kreis, published.
async fn counselling(
    tx: &mut Tx,
    network_id: NetworkId,
    provider: OrganizationId,
    name: &str,
) -> anyhow::Result<()> {
    let input = OfferInput {
        title: "Migrationsberatung für Erwachsene (MBE)".into(),
        summary: format!("Beratung für Zugewanderte ab 27 Jahren in {name}."),
        field: "counselling".into(),
        offer_type: "mbe".into(),
        target_groups: vec!["eu_citizens".into(), "families".into()],
        languages: "de, en".into(),
        cost: "free".into(),
        whole_kreis: true,
        ..OfferInput::default()
    };
    let record = input
        .validate()
        .map_err(|e| invalid(&input.title, e.into_keys().collect()))?;
    let id = service::offers::create(tx, ACTOR, network_id, provider, &record).await?;
    let offer = offer_store::offer(&mut **tx, id)
        .await?
        .context("the demo offer just created")?;
    service::offers::set_status(tx, ACTOR, &offer, Status::Published).await?;
    Ok(())
}
