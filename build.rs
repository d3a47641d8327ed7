//! Embeds the HTML and e-mail templates into the binary.
fn main() {
    minijinja_embed::embed_templates!("templates");
}
