//! The demo network's groups with special needs: unaccompanied minors
//! reached by the youth migration service (whose area leaves most of the
//! Kreis uncovered), and people with disabilities whom no offer serves —
//! a gap on the situation page.

use anyhow::Context;
use sqlx::Row;

use crate::{
    core::{ids::NetworkId, store::Tx},
    monitoring::needs::{model::NeedRecord, store},
};

pub async fn load(tx: &mut Tx, network_id: i64) -> anyhow::Result<()> {
    let service: i64 = sqlx::query(
        "SELECT id FROM offers WHERE network_id = $1 AND title = $2 AND status = 'published'",
    )
    .bind(network_id)
    .bind("Jugendmigrationsdienst Neustadt a.d.Aisch")
    .fetch_optional(&mut **tx)
    .await?
    .context("the demo's youth migration service")?
    .get("id");
    let mut towns: Vec<String> = sqlx::query(
        "SELECT key FROM regions WHERE level = 'municipality' AND key LIKE '09575%' ORDER BY COALESCE(population, 0) DESC, key LIMIT 3",
    )
    .fetch_all(&mut **tx)
    .await?
    .iter()
    .map(|r| r.get("key"))
    .collect();
    let minors = NeedRecord {
        kind: "unaccompanied_minors".into(),
        other_kind: String::new(),
        age_from: Some(14),
        age_to: Some(17),
        estimated_size: Some(30),
        whole_kreis: true,
        municipalities: Vec::new(),
        source: "Kreisjugendamt, Inobhutnahmen".into(),
        estimated_on: Some("2025-09-30".into()),
        notes: "Die meisten leben in Wohngruppen der Jugendhilfe.".into(),
        offers: vec![crate::core::ids::OfferId(service)],
    };
    towns.sort();
    let disabilities = NeedRecord {
        kind: "disabilities".into(),
        other_kind: String::new(),
        age_from: None,
        age_to: None,
        estimated_size: Some(45),
        whole_kreis: false,
        municipalities: towns,
        source: "Asylsozialberatung, eigene Zählung".into(),
        estimated_on: Some("2025-06-30".into()),
        notes: "Barrierefreie Beratung und Unterkunft fehlen.".into(),
        offers: Vec::new(),
    };
    for record in [minors, disabilities] {
        store::create(tx, NetworkId(network_id), &record).await?;
    }
    Ok(())
}
