//! Builders for test data: networks, organisations with their membership,
//! contact people, users of every role, offers, meetings with their agenda
//! and action items. They write through ikon's own store and service
//! functions, so a test's data looks like data the application made (audit
//! entries and search-index changes included) and the builders follow
//! schema changes without being edited. Raw SQL is used only for what no store function sets, e.g. an
//! offer's last confirmation in the past.
//!
//! Each builder starts from values no test depends on and has a setter for
//! whatever a test does depend on; `create` writes it in one transaction
//! and returns the new id.

use ikon::{
    accounts::{model::Role, store::NewUser},
    conferences::{
        actions::{model::ActionRecord, store as actions},
        model::State,
        model::{AgendaRecord, MeetingRecord},
        store as conferences,
    },
    core::{
        audit::Actor,
        ids::{AgendaItemId, DecisionId, NetworkId, OrganizationId, PersonId},
        store::now,
    },
    network::{
        model::{Category, NetworkRecord, OrganizationRecord, PersonRecord},
        service::{memberships, networks, organizations, people},
    },
    offers::{
        model::{OfferRecord, Status},
        service::offers,
        store as offer_store,
    },
};

use super::{Browser, TestApp};

/// Who the builders' audit entries name.
const ACTOR: &str = "test";

/// The password of every user the builders create.
pub const PASSWORD: &str = "correct horse battery";

const DAY: i64 = 24 * 3600;

fn actor() -> Actor<'static> {
    Actor::System(ACTOR)
}

/// A network for one Kreis (`region_key`, which must be a district of the
/// loaded geography; one network per Kreis).
pub struct Network {
    pub record: NetworkRecord,
}

impl Network {
    pub fn new(name: &str, region_key: &str) -> Self {
        Self {
            record: NetworkRecord {
                name: name.into(),
                region_key: region_key.into(),
                description: String::new(),
            },
        }
    }

    pub async fn create(self, app: &TestApp) -> i64 {
        let mut tx = app.db().begin().await.unwrap();
        let id = networks::insert(&mut tx, &actor(), &self.record)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        id.get()
    }
}

/// An organisation, member of `network_id` (and of any network added with
/// `also_in`).
pub struct Organization {
    network_id: i64,
    also_in: Vec<i64>,
    pub record: OrganizationRecord,
}

impl Organization {
    pub fn new(network_id: i64, name: &str) -> Self {
        Self {
            network_id,
            also_in: Vec::new(),
            record: OrganizationRecord {
                name: name.into(),
                category: Category::Other,
                street: String::new(),
                postal_code: String::new(),
                city: String::new(),
                website: String::new(),
                email: String::new(),
                phone: String::new(),
                description: String::new(),
            },
        }
    }

    pub fn category(mut self, category: Category) -> Self {
        self.record.category = category;
        self
    }

    /// A membership in one more network.
    pub fn also_in(mut self, network_id: i64) -> Self {
        self.also_in.push(network_id);
        self
    }

    pub async fn create(self, app: &TestApp) -> i64 {
        let mut tx = app.db().begin().await.unwrap();
        let network = NetworkId(self.network_id);
        let id = organizations::insert(&mut tx, &actor(), network, &self.record)
            .await
            .unwrap();
        for network_id in self.also_in {
            memberships::insert(&mut tx, &actor(), NetworkId(network_id), id)
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
        id.get()
    }
}

/// A contact person of an organisation; not public in OParl unless
/// `public(true)`.
pub struct Person {
    organization_id: i64,
    public: bool,
    pub record: PersonRecord,
}

impl Person {
    pub fn new(organization_id: i64, name: &str) -> Self {
        Self {
            organization_id,
            public: false,
            record: PersonRecord {
                name: name.into(),
                function: String::new(),
                email: String::new(),
                phone: String::new(),
            },
        }
    }

    pub fn email(mut self, email: &str) -> Self {
        self.record.email = email.into();
        self
    }

    pub fn function(mut self, function: &str) -> Self {
        self.record.function = function.into();
        self
    }

    /// Whether the person agreed to appear in the open OParl interface.
    pub fn public(mut self, public: bool) -> Self {
        self.public = public;
        self
    }

    pub async fn create(self, app: &TestApp) -> i64 {
        let mut tx = app.db().begin().await.unwrap();
        let organization = OrganizationId(self.organization_id);
        let id = people::insert(
            &mut tx,
            &actor(),
            None,
            organization,
            &self.record,
            self.public,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        id.get()
    }
}

/// A user of any role, with the password [`PASSWORD`].
pub struct User {
    pub new: NewUser,
    person_id: Option<i64>,
}

/// A user the builder created.
pub struct CreatedUser {
    pub id: i64,
    pub email: String,
    pub password: String,
}

impl CreatedUser {
    /// A new browser of `app`, signed in as this user.
    pub async fn browser(&self, app: &TestApp) -> Browser {
        let browser = app.new_browser();
        browser.login(&self.email, &self.password).await;
        browser
    }
}

impl User {
    pub fn new(email: &str, role: Role) -> Self {
        Self {
            new: NewUser {
                email: email.into(),
                name: format!("Test {email}"),
                password: PASSWORD.into(),
                role,
                network_id: None,
                organization_id: None,
                region_key: None,
            },
            person_id: None,
        }
    }

    /// The contact person the account acts as (the administrator's link).
    pub fn person(mut self, person_id: i64) -> Self {
        self.person_id = Some(person_id);
        self
    }

    /// The network a coordinator runs or a member works in.
    pub fn network(mut self, network_id: i64) -> Self {
        self.new.network_id = Some(network_id);
        self
    }

    /// The organisation a member keeps current.
    pub fn organization(mut self, organization_id: Option<i64>) -> Self {
        self.new.organization_id = organization_id;
        self
    }

    /// The region a supervisor reads.
    pub fn region(mut self, region_key: &str) -> Self {
        self.new.region_key = Some(region_key.into());
        self
    }

    pub fn name(mut self, name: &str) -> Self {
        self.new.name = name.into();
        self
    }

    pub async fn create(self, app: &TestApp) -> CreatedUser {
        let mut tx = app.db().begin().await.unwrap();
        let mut user = ikon::accounts::store::create_user(&mut tx, actor(), &self.new)
            .await
            .unwrap();
        if let Some(person_id) = self.person_id {
            user = ikon::accounts::store::link_person(&mut tx, actor(), &user, Some(person_id))
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
        CreatedUser {
            id: user.id,
            email: self.new.email,
            password: self.new.password,
        }
    }
}

/// An offer of an organisation in a network: published unless `status`
/// says otherwise, last confirmed when it is created unless
/// `verified_days_ago` says otherwise.
pub struct Offer {
    network_id: i64,
    organization_id: i64,
    status: Status,
    verified_at: Option<i64>,
    pub record: OfferRecord,
}

impl Offer {
    pub fn new(network_id: i64, organization_id: i64, title: &str) -> Self {
        Self {
            network_id,
            organization_id,
            status: Status::Published,
            verified_at: None,
            record: OfferRecord {
                title: title.into(),
                field: "counselling".into(),
                offer_type: "mbe".into(),
                languages: vec!["de".into()],
                cost: "free".into(),
                ..OfferRecord::default()
            },
        }
    }

    pub fn status(mut self, status: Status) -> Self {
        self.status = status;
        self
    }

    /// Changes the offer's record, e.g. its field, languages or address.
    pub fn with(mut self, change: impl FnOnce(&mut OfferRecord)) -> Self {
        change(&mut self.record);
        self
    }

    /// Last confirmed `days` ago (and created then), for the reminders about
    /// stale offers.
    pub fn verified_days_ago(mut self, days: i64) -> Self {
        self.verified_at = Some(now() - days * DAY);
        self
    }

    pub async fn create(self, app: &TestApp) -> i64 {
        let mut tx = app.db().begin().await.unwrap();
        let id = offers::create(
            &mut tx,
            actor(),
            NetworkId(self.network_id),
            OrganizationId(self.organization_id),
            &self.record,
        )
        .await
        .unwrap();
        if self.status != Status::Draft {
            let offer = offer_store::offer(&mut *tx, id).await.unwrap().unwrap();
            offers::set_status(&mut tx, actor(), &offer, self.status)
                .await
                .unwrap();
        }
        if let Some(at) = self.verified_at {
            // No store function dates a confirmation back: the store only
            // records one as it happens.
            sqlx::query(
                "UPDATE offers SET last_verified_at = $1, created_at = $1, updated_at = $1 WHERE id = $2",
            )
            .bind(at)
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
        id.get()
    }
}

/// An agenda item to add with [`Meeting::item`]: public, 15 minutes, no
/// proposer, no description unless changed with struct update syntax.
pub fn agenda(title: &str) -> AgendaRecord {
    AgendaRecord {
        title: title.into(),
        description: String::new(),
        proposer_organization_id: None,
        duration_minutes: 15,
        is_public: true,
    }
}

/// A meeting of a network with its agenda: undated, internal and planned
/// unless set otherwise.
pub struct Meeting {
    network_id: i64,
    state: State,
    minutes_state: Option<&'static str>,
    items: Vec<AgendaRecord>,
    pub record: MeetingRecord,
}

/// A meeting the builder created, with its agenda item ids in order.
pub struct CreatedMeeting {
    pub id: i64,
    pub items: Vec<i64>,
}

impl Meeting {
    pub fn new(network_id: i64, title: &str) -> Self {
        Self {
            network_id,
            state: State::Planned,
            minutes_state: None,
            items: Vec::new(),
            record: MeetingRecord {
                title: title.into(),
                starts_at: None,
                ends_at: None,
                location: String::new(),
                online_url: String::new(),
                organizer_organization_id: None,
                is_public: false,
            },
        }
    }

    /// Dated from `starts_at` (Unix seconds) for `hours`.
    pub fn at(mut self, starts_at: i64, hours: i64) -> Self {
        self.record.starts_at = Some(starts_at);
        self.record.ends_at = Some(starts_at + hours * 3600);
        self
    }

    pub fn location(mut self, location: &str) -> Self {
        self.record.location = location.into();
        self
    }

    pub fn organizer(mut self, organization_id: i64) -> Self {
        self.record.organizer_organization_id = Some(OrganizationId(organization_id));
        self
    }

    pub fn public(mut self, public: bool) -> Self {
        self.record.is_public = public;
        self
    }

    /// The meeting's state, as the conference cycle would have moved it.
    pub fn state(mut self, state: State) -> Self {
        self.state = state;
        self
    }

    /// The state of the minutes (`draft`, `circulated`; approval moves the
    /// meeting to minutes_approved).
    pub fn minutes(mut self, minutes_state: &'static str) -> Self {
        self.minutes_state = Some(minutes_state);
        self
    }

    /// Appends an agenda item (see [`agenda`]).
    pub fn item(mut self, item: AgendaRecord) -> Self {
        self.items.push(item);
        self
    }

    pub async fn create(self, app: &TestApp) -> CreatedMeeting {
        let mut tx = app.db().begin().await.unwrap();
        let id =
            conferences::create_meeting(&mut tx, actor(), NetworkId(self.network_id), &self.record)
                .await
                .unwrap();
        let meeting = conferences::meeting(&mut *tx, id).await.unwrap().unwrap();
        let mut items = Vec::new();
        for item in &self.items {
            items.push(
                conferences::add_agenda_item(&mut tx, actor(), &meeting, item)
                    .await
                    .unwrap()
                    .get(),
            );
        }
        match self.state {
            State::Planned => {}
            state => conferences::set_state(&mut tx, actor(), &meeting, state, 0)
                .await
                .unwrap(),
        }
        if let Some(minutes_state) = self.minutes_state {
            let meeting = conferences::meeting(&mut *tx, id).await.unwrap().unwrap();
            conferences::set_minutes_state(&mut tx, actor(), &meeting, minutes_state)
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
        CreatedMeeting {
            id: id.get(),
            items,
        }
    }
}

/// An action item recorded under an agenda item, open and without progress.
pub struct ActionItem {
    network_id: i64,
    pub record: ActionRecord,
}

impl ActionItem {
    pub fn new(network_id: i64, agenda_item_id: i64, title: &str) -> Self {
        Self {
            network_id,
            record: ActionRecord {
                agenda_item_id: Some(AgendaItemId(agenda_item_id)),
                post_id: None,
                decision_id: None,
                title: title.into(),
                responsible_organization_id: None,
                responsible_person_id: None,
                due_on: None,
            },
        }
    }

    /// The organisation responsible for it.
    pub fn organization(mut self, organization_id: i64) -> Self {
        self.record.responsible_organization_id = Some(OrganizationId(organization_id));
        self
    }

    /// The contact person responsible for it.
    pub fn person(mut self, person_id: i64) -> Self {
        self.record.responsible_person_id = Some(PersonId(person_id));
        self
    }

    /// The decision it carries out.
    pub fn decision(mut self, decision_id: i64) -> Self {
        self.record.decision_id = Some(DecisionId(decision_id));
        self
    }

    /// Due on `day` (YYYY-MM-DD).
    pub fn due_on(mut self, day: &str) -> Self {
        self.record.due_on = Some(day.into());
        self
    }

    pub async fn create(self, app: &TestApp) -> i64 {
        let mut tx = app.db().begin().await.unwrap();
        let id = actions::create(&mut tx, actor(), NetworkId(self.network_id), &self.record)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        id.get()
    }
}

/// Uploads a small PDF named `name` to an agenda item of the meeting whose
/// page is `page`, through the upload form as the signed-in `browser`
/// (public or not), and returns the new attachment's id.
pub async fn upload_attachment(
    app: &TestApp,
    browser: &Browser,
    page: &str,
    item: i64,
    name: &str,
    public: bool,
) -> i64 {
    use reqwest::multipart::{Form, Part};
    let csrf = browser.csrf().await;
    // A checkbox: sent only when ticked.
    let form = Form::new();
    let form = if public {
        form.text("is_public", "1")
    } else {
        form
    };
    let form = form.part(
        "file",
        Part::bytes(b"%PDF-1.4\n%%EOF\n".to_vec()).file_name(name.to_string()),
    );
    let response = browser
        .client
        .post(format!(
            "{}{page}/agenda/{item}/attachments?csrf={csrf}",
            browser.base
        ))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_redirection(), "{}", response.status());
    sqlx::query_scalar::<_, i64>("SELECT MAX(id) FROM attachments")
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

mod post;
pub use post::Post;
