//! The demo network: Landkreis Neustadt a.d.Aisch-Bad Windsheim (AGS 09575)
//! with organisations of every category, contact people, and one user per
//! role with a freshly generated password; and about forty offers of its
//! members at real places of the county, some translated, some named as
//! contact points, a few unconfirmed for over a year and a couple not yet
//! published.
//!
//! The records come from `neustadt.json` (organisations and people are
//! fictional; addresses use `.example` domains) and pass through the same
//! validation and store functions as user input, so the demo cannot hold
//! data the application itself would refuse.

mod bulletin;
mod coordination;
mod history;
mod needs;
mod region;
mod report;

use anyhow::{Context, anyhow, bail};
use serde::Deserialize;

use crate::{
    accounts::{
        model::Role,
        secrets::random_password,
        store::{NewUser, create_user},
    },
    core::{
        audit::Actor,
        ids::{NetworkId, OrganizationId},
        store::{Db, now},
    },
    network::{
        model::{Category, NetworkInput, OrganizationInput, PersonInput},
        service as registry,
        store::{networks, organizations},
    },
    offers::{
        model::{ContactPoint, Status, Translation, input::OfferInput, source_hash},
        service,
        store::{self as offer_store, places},
    },
};

static DATA: &str = include_str!("neustadt.json");

/// The Regierungsbezirk the demo supervisor oversees (Mittelfranken).
const SUPERVISOR_REGION: &str = "095";

#[derive(Clone, Debug)]
pub struct Login {
    pub email: String,
    pub password: String,
}

/// What `load` created: the network and one login per role.
#[derive(Clone, Debug)]
pub struct DemoLogins {
    pub network_id: i64,
    /// The organisation the member user keeps.
    pub member_organization_id: i64,
    pub admin: Login,
    pub supervisor: Login,
    pub coordinator: Login,
    pub member: Login,
}

#[derive(Deserialize)]
struct DemoFile {
    network: NetworkInput,
    organizations: Vec<DemoOrganization>,
    #[serde(default)]
    offers: Vec<DemoOffer>,
}

#[derive(Deserialize)]
struct DemoOffer {
    /// The providing organisation, by name.
    organization: String,
    /// `published` unless given.
    #[serde(default)]
    status: Option<String>,
    /// Months since the offer was last confirmed (to show freshness).
    #[serde(default)]
    unverified_months: Option<i64>,
    #[serde(default)]
    contact_point: Option<DemoContactPoint>,
    #[serde(default)]
    translations: Vec<Translation>,
    #[serde(flatten)]
    form: OfferInput,
}

#[derive(Deserialize)]
struct DemoContactPoint {
    target_groups: Vec<String>,
    #[serde(default)]
    whole_kreis: bool,
    #[serde(default)]
    municipalities: Vec<String>,
}

#[derive(Deserialize)]
struct DemoOrganization {
    #[serde(flatten)]
    organization: OrganizationInput,
    #[serde(default)]
    people: Vec<PersonInput>,
}

fn data() -> anyhow::Result<DemoFile> {
    serde_json::from_str(DATA).context("the embedded demo data is malformed")
}

/// Loads the demo network (fails if it exists already).
pub async fn load(db: &Db) -> anyhow::Result<DemoLogins> {
    let data = data()?;
    let region = data.network.region_key.clone();
    if let Some(id) = networks::network_for_region(db.pool(), &region).await? {
        bail!("the demo network exists already (network {id} serves region {region})");
    }
    for key in [region.as_str(), SUPERVISOR_REGION] {
        let row = sqlx::query("SELECT key FROM regions WHERE key = $1")
            .bind(key)
            .fetch_optional(db.pool())
            .await?;
        if row.is_none() {
            bail!("region {key} is not in the database; `ikon migrate` loads the geography");
        }
    }
    let invalid = |what: &str, fields: Vec<String>| anyhow!("demo {what}: invalid {fields:?}");
    let network = data
        .network
        .validate(true)
        .map_err(|e| invalid("network", e.into_keys().collect()))?;
    let actor = Actor::System("demo");
    let mut tx = db.begin().await?;
    let network = registry::networks::insert(&mut tx, &actor, &network).await?;
    let network_id = network.get();
    let mut member_organization_id = None;
    for entry in &data.organizations {
        let record = entry
            .organization
            .validate()
            .map_err(|e| invalid(&entry.organization.name, e.into_keys().collect()))?;
        let org_id = registry::organizations::insert(&mut tx, &actor, network, &record).await?;
        if record.category == Category::WelfareAssociation && member_organization_id.is_none() {
            member_organization_id = Some(org_id.get());
        }
        for person in &entry.people {
            let person = person
                .validate()
                .map_err(|e| invalid(&person.name, e.into_keys().collect()))?;
            // The county office's staff agreed to be listed publicly (OParl).
            let public = record.category == Category::CountyOffice;
            registry::people::insert(&mut tx, &actor, Some(network), org_id, &person, public)
                .await?;
        }
    }
    let member_organization_id =
        member_organization_id.context("the demo data has no welfare association")?;

    let users = [
        (
            "admin@demo.ikon.example",
            "Demo-Administration",
            Role::Admin,
        ),
        (
            "regierung@demo.ikon.example",
            "Demo-Regierung von Mittelfranken",
            Role::Supervisor,
        ),
        (
            "koordination@demo.ikon.example",
            "Demo-Koordination",
            Role::Coordinator,
        ),
        ("mitglied@demo.ikon.example", "Demo-Mitglied", Role::Member),
    ];
    let mut logins = Vec::new();
    for (email, name, role) in users {
        let password = random_password();
        let new = NewUser {
            email: email.to_string(),
            name: name.to_string(),
            password: password.clone(),
            role,
            network_id: matches!(role, Role::Coordinator | Role::Member).then_some(network_id),
            organization_id: (role == Role::Member).then_some(member_organization_id),
            region_key: (role == Role::Supervisor).then(|| SUPERVISOR_REGION.to_string()),
        };
        create_user(&mut tx, Actor::System("demo"), &new)
            .await
            .with_context(|| format!("cannot create the demo user {email}"))?;
        logins.push(Login {
            email: email.to_string(),
            password,
        });
    }
    tx.commit().await?;
    let [admin, supervisor, coordinator, member] =
        <[Login; 4]>::try_from(logins).map_err(|_| anyhow!("four demo users"))?;
    Ok(DemoLogins {
        network_id,
        member_organization_id,
        admin,
        supervisor,
        coordinator,
        member,
    })
}

/// Adds the demo offers to the demo network loaded by `load`; returns how
/// many were created. The records pass the offer form's validation.
pub async fn load_offers(db: &Db, network_id: i64) -> anyhow::Result<usize> {
    let data = data()?;
    let region = data.network.region_key.clone();
    let members =
        organizations::list_in_network(db.pool(), network_id, &Default::default()).await?;
    let actor = || Actor::System("demo");
    let mut tx = db.begin().await?;
    for entry in &data.offers {
        let organization_id = members
            .iter()
            .find(|o| o.name == entry.organization)
            .map(|o| o.id)
            .with_context(|| format!("demo offer: unknown provider {}", entry.organization))?;
        let mut record = entry.form.validate().map_err(|e| {
            anyhow!(
                "demo offer {}: invalid {:?}",
                entry.form.title,
                e.into_keys().collect::<Vec<_>>()
            )
        })?;
        // As the offer form does: each place completed from its postal
        // code, the area the municipalities of the places in the Kreis.
        for place in &mut record.places {
            if let Some((key, lat, lon)) =
                places::postal_code_centre(&mut *tx, &place.postal_code).await?
            {
                place.municipality_key.get_or_insert(key);
                if place.lat.is_none() {
                    (place.lat, place.lon) = (lat, lon);
                }
            }
        }
        if record.area.is_empty() {
            let mut keys: Vec<String> = record
                .places
                .iter()
                .filter_map(|p| p.municipality_key.clone())
                .filter(|k| k.starts_with(&region))
                .collect();
            keys.sort();
            keys.dedup();
            record.area.municipalities = keys;
        }
        let id = service::offers::create(
            &mut tx,
            actor(),
            NetworkId(network_id),
            OrganizationId(organization_id),
            &record,
        )
        .await?;
        let offer = offer_store::offer(&mut *tx, id)
            .await?
            .context("the demo offer just created")?;
        let status = match entry.status.as_deref() {
            None => Status::Published,
            Some(code) => Status::parse(code).with_context(|| format!("demo status {code}"))?,
        };
        if status != Status::Draft {
            service::offers::set_status(&mut tx, actor(), &offer, status).await?;
        }
        if let Some(point) = &entry.contact_point {
            let point = ContactPoint {
                target_groups: point.target_groups.clone(),
                whole_kreis: point.whole_kreis,
                municipalities: point.municipalities.clone(),
            };
            service::contact_points::set(&mut tx, actor(), &offer, &point).await?;
        }
        for translation in &entry.translations {
            let translation = Translation {
                source_hash: source_hash(&offer.record),
                ..translation.clone()
            };
            service::translations::save(&mut tx, actor(), &offer, &translation).await?;
        }
        if let Some(months) = entry.unverified_months {
            let at = now() - months * 31 * 24 * 3600;
            sqlx::query("UPDATE offers SET last_verified_at = $1, created_at = $1 WHERE id = $2")
                .bind(at)
                .bind(id.get())
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(data.offers.len())
}

/// Adds the demo network's conference history (past conferences with
/// minutes and action items, the next one in its date poll).
pub async fn load_history(db: &Db, network_id: i64) -> anyhow::Result<()> {
    let mut tx = db.begin().await?;
    history::load(&mut tx, network_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Adds the demo network's bulletin (posts of every type, a supervisor's
/// call to every network of Mittelfranken, subscriptions); returns how
/// many posts were written.
pub async fn load_bulletin(db: &Db, network_id: i64) -> anyhow::Result<usize> {
    bulletin::load(db, network_id).await
}

/// Adds the demo network's coordination: its responsibility matrix,
/// joint projects and concerns.
pub async fn load_coordination(db: &Db, network_id: i64) -> anyhow::Result<()> {
    let mut tx = db.begin().await?;
    coordination::load(&mut tx, network_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Adds the other eleven networks of Mittelfranken (each small: two
/// organisations, one published offer, two past conferences); returns how
/// many were created.
pub async fn load_region(db: &Db) -> anyhow::Result<usize> {
    let mut tx = db.begin().await?;
    let created = region::load(&mut tx).await?;
    tx.commit().await?;
    Ok(created)
}

/// Adds the demo network's groups with special needs: one reached by an
/// offer, one a gap.
pub async fn load_needs(db: &Db, network_id: i64) -> anyhow::Result<()> {
    let mut tx = db.begin().await?;
    needs::load(&mut tx, network_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Adds the demo network's situation report: commentaries on two
/// indicators and a published report, so its situation page is public.
pub async fn load_report(db: &Db, network_id: i64) -> anyhow::Result<()> {
    let mut tx = db.begin().await?;
    report::load(&mut tx, network_id).await?;
    tx.commit().await?;
    Ok(())
}

/// `ikon demo`: loads the demo with its offers, conference history,
/// coordination, groups with special needs, the other networks of the
/// region and the bulletin and prints its logins; `login_url` is where
/// the server that serves it signs people in. (Tests use `load` alone and
/// add what they need.)
pub async fn load_and_print(db: &Db, login_url: &str) -> anyhow::Result<()> {
    let logins = load(db).await?;
    load_offers(db, logins.network_id).await?;
    load_history(db, logins.network_id).await?;
    load_coordination(db, logins.network_id).await?;
    load_needs(db, logins.network_id).await?;
    load_region(db).await?;
    load_report(db, logins.network_id).await?;
    // Last, so that a supervisor's post reaches every network of the
    // region loaded before it.
    load_bulletin(db, logins.network_id).await?;
    println!("{}", describe(&logins, login_url));
    Ok(())
}

/// Writes the letters of the demo's submitted concerns, which the demo
/// stores as submitted outside ikon; a letter needs the running app (its
/// data folder and the PDF engine), so this follows the load. Returns how
/// many were written: none once they exist.
pub async fn write_letters(app: &crate::core::web::App) -> anyhow::Result<usize> {
    let region = data()?.network.region_key;
    let Some(id) = networks::network_for_region(app.db.pool(), &region).await? else {
        return Ok(0);
    };
    crate::coordination::concerns::service::write_missing_letters(app, NetworkId(id))
        .await
        .map_err(|e| anyhow::anyhow!("demo letters: {} ({})", e.code, e.message.id))
}

/// `ikon serve --demo`: loads the demo once; later starts only say so,
/// because passwords are stored hashed and cannot be shown again.
pub async fn load_if_missing(db: &Db, login_url: &str) -> anyhow::Result<()> {
    let region = data()?.network.region_key;
    match networks::network_for_region(db.pool(), &region).await? {
        Some(id) => {
            println!(
                "The demo network exists already (network {id}). Its passwords were shown when it was created;\n\
                 `ikon user reset-password EMAIL` sets a new one."
            );
            Ok(())
        }
        None => load_and_print(db, login_url).await,
    }
}

fn describe(logins: &DemoLogins, login_url: &str) -> String {
    let rows = [
        ("admin", &logins.admin),
        ("supervisor", &logins.supervisor),
        ("coordinator", &logins.coordinator),
        ("member", &logins.member),
    ];
    let mut out = format!(
        "Demo network loaded: Landkreis Neustadt a.d.Aisch-Bad Windsheim (network {}).\n\n",
        logins.network_id
    );
    out.push_str(&format!("{:<12} {:<32} {}\n", "role", "e-mail", "password"));
    for (role, login) in rows {
        out.push_str(&format!(
            "{role:<12} {:<32} {}\n",
            login.email, login.password
        ));
    }
    out.push_str(&format!(
        "\nSign in at {login_url} (with `ikon serve` running).\n\
         The passwords are shown only now; `ikon user reset-password EMAIL` sets a new one."
    ));
    out
}
