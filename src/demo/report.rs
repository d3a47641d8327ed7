//! The demo network's situation report: the coordination's commentary on
//! two indicators and a published report with a selection of indicators,
//! so that the demo's situation page is public.

use crate::{
    core::{
        audit::{self, Actor},
        ids::NetworkId,
        store::Tx,
    },
    monitoring::report::{model::ReportRecord, store},
};

const AUTHOR: &str = "Demo-Koordination";

const COMMENTARIES: [(&str, &str); 2] = [
    (
        "foreigners_share",
        "Der Ausländeranteil im Landkreis ist seit 2015 deutlich gestiegen, liegt aber weiter unter dem Wert für Bayern. Die Zunahme geht vor allem auf **Schutzsuchende** zurück.",
    ),
    (
        "residence_status",
        "Die meisten Ausländerinnen und Ausländer haben einen dauerhaften Aufenthaltstitel. Menschen mit Duldung oder Gestattung brauchen besondere Beratung; das Netzwerk stimmt sie in der Arbeitsgruppe Asyl ab.",
    ),
];

const INDICATORS: [&str; 5] = [
    "population",
    "foreigners_share",
    "residence_status",
    "naturalisation_rate",
    "unemployment_rate_foreigners",
];

pub async fn load(tx: &mut Tx, network_id: i64) -> anyhow::Result<()> {
    let network = NetworkId(network_id);
    for (indicator, body) in COMMENTARIES {
        store::save_commentary(tx, network, indicator, body, (None, AUTHOR)).await?;
    }
    let record = ReportRecord {
        title: "Situationsbericht Integration 2025".into(),
        introduction: "Dieser Bericht fasst die amtlichen Zahlen zur Lage der Zugewanderten im Landkreis zusammen, die das Integrationsnetzwerk für seine Planung nutzt. Die Kommentare geben die Einschätzung der Koordination wieder.".into(),
        indicators: INDICATORS.iter().map(|c| c.to_string()).collect(),
    };
    store::save_report(tx, network, &record, None).await?;
    store::set_published(tx, network, true, None).await?;
    audit::in_network(
        tx,
        Actor::System("demo"),
        network,
        ("situation_report", None, "publish"),
        None,
        Some(serde_json::json!(record)),
    )
    .await?;
    Ok(())
}
