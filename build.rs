//! Embeds the HTML and e-mail templates into the binary; the Fluent
//! message files are embedded by `core::i18n`, so a new or changed file
//! under `locales/` must rebuild the crate.
fn main() {
    minijinja_embed::embed_templates!("templates");
    println!("cargo:rerun-if-changed=locales");
}
