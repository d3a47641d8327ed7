//! Outgoing e-mail. Mail is never sent inside a request: it is written to
//! the job queue with the change that causes it and delivered by the job
//! runner over SMTP (lettre). Without SMTP settings each message is written
//! as an `.eml` file to `<data_dir>/mail/`.

use anyhow::Context;
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{
        Attachment as MailAttachment, Body, Mailbox, MultiPart, SinglePart,
        header::{ContentTransferEncoding, ContentType},
    },
    transport::smtp::authentication::Credentials,
};
use serde::{Deserialize, Serialize};

use crate::core::{
    config::{Config, SmtpTls},
    jobs,
    store::Tx,
    web::App,
};

pub const JOB_KIND: &str = "send_mail";

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub text: String,
    /// Files sent along with the text (e.g. an iCalendar invitation).
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Attachment {
    pub filename: String,
    /// A MIME type, e.g. `text/calendar; method=REQUEST; charset=UTF-8`.
    pub content_type: String,
    pub content: String,
}

/// Queues a message in the caller's transaction: it is sent only if the
/// change commits, and retried until the mail server takes it.
pub async fn enqueue(tx: &mut Tx, email: &Email) -> Result<i64, sqlx::Error> {
    jobs::enqueue(tx, JOB_KIND, email).await
}

/// The job handler for [`JOB_KIND`], registered by the composition root.
pub fn perform(
    app: App,
    payload: String,
) -> std::pin::Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send>> {
    Box::pin(async move {
        let email: Email = serde_json::from_str(&payload)?;
        deliver(&app.config, &email).await
    })
}

fn build(config: &Config, email: &Email) -> anyhow::Result<Message> {
    let from: Mailbox = config.mail_from.parse().context("IKON_MAIL_FROM")?;
    let to: Mailbox = email.to.parse().context("recipient address")?;
    let builder = Message::builder().from(from).to(to).subject(&email.subject);
    if email.attachments.is_empty() {
        return builder
            .header(ContentType::TEXT_PLAIN)
            .body(email.text.clone())
            .context("building the message");
    }
    let mut parts = MultiPart::mixed().singlepart(SinglePart::plain(email.text.clone()));
    for attachment in &email.attachments {
        let content_type =
            ContentType::parse(&attachment.content_type).context("attachment content type")?;
        // Base64 keeps the attachment's bytes (and CRLF line ends) exactly.
        let body =
            Body::new_with_encoding(attachment.content.clone(), ContentTransferEncoding::Base64)
                .map_err(|_| anyhow::anyhow!("attachment cannot be encoded"))?;
        parts = parts
            .singlepart(MailAttachment::new(attachment.filename.clone()).body(body, content_type));
    }
    builder.multipart(parts).context("building the message")
}

pub async fn deliver(config: &Config, email: &Email) -> anyhow::Result<()> {
    send(config, build(config, email)?).await
}

/// The job kind of messages with an HTML part and extra headers.
pub const RICH_JOB_KIND: &str = "send_rich_mail";

/// A message with a plain-text and an HTML part (`multipart/alternative`)
/// and extra headers, e.g. `List-Unsubscribe` (RFC 8058).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct RichEmail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// Header name and value; names are ASCII, values one line.
    #[serde(default)]
    pub headers: Vec<(String, String)>,
}

/// Queues a [`RichEmail`] in the caller's transaction, as [`enqueue`].
pub async fn enqueue_rich(tx: &mut Tx, email: &RichEmail) -> Result<i64, sqlx::Error> {
    jobs::enqueue(tx, RICH_JOB_KIND, email).await
}

/// The job handler for [`RICH_JOB_KIND`], registered by the composition root.
pub fn perform_rich(
    app: App,
    payload: String,
) -> std::pin::Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send>> {
    Box::pin(async move {
        let email: RichEmail = serde_json::from_str(&payload)?;
        send(&app.config, build_rich(&app.config, &email)?).await
    })
}

fn build_rich(config: &Config, email: &RichEmail) -> anyhow::Result<Message> {
    use lettre::message::header::{HeaderName, HeaderValue};
    let from: Mailbox = config.mail_from.parse().context("IKON_MAIL_FROM")?;
    let to: Mailbox = email.to.parse().context("recipient address")?;
    let mut builder = Message::builder().from(from).to(to).subject(&email.subject);
    for (name, value) in &email.headers {
        anyhow::ensure!(!value.contains(['\r', '\n']), "header {name} spans lines");
        let name = HeaderName::new_from_ascii(name.clone())
            .map_err(|_| anyhow::anyhow!("header name {name}"))?;
        builder = builder.raw_header(HeaderValue::new(name, value.clone()));
    }
    builder
        .multipart(MultiPart::alternative_plain_html(
            email.text.clone(),
            email.html.clone(),
        ))
        .context("building the message")
}

/// Hands a message to the SMTP relay, or writes it to the mail folder.
async fn send(config: &Config, message: Message) -> anyhow::Result<()> {
    let Some(host) = &config.smtp_host else {
        return write_to_folder(config, &message);
    };
    let mut builder = match config.smtp_tls {
        SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
        SmtpTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)?,
        SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)?,
    };
    if let Some(port) = config.smtp_port {
        builder = builder.port(port);
    }
    if let Some(user) = &config.smtp_username {
        builder = builder.credentials(Credentials::new(
            user.clone(),
            config.smtp_password.expose().to_string(),
        ));
    }
    let transport = builder
        .timeout(Some(std::time::Duration::from_secs(20)))
        .build();
    transport
        .send(message)
        .await
        .with_context(|| format!("SMTP delivery via {host} failed"))?;
    Ok(())
}

fn write_to_folder(config: &Config, message: &Message) -> anyhow::Result<()> {
    let dir = config.mail_dir();
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let name = format!(
        "{}-{}.eml",
        chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f"),
        &crate::core::secrets::random_token()[..8]
    );
    std::fs::write(dir.join(name), message.formatted()).context("writing the .eml file")?;
    Ok(())
}
