//! German writes "Flüchtlings- und Integrationsberatung" for
//! "Flüchtlingsberatung und Integrationsberatung". The index adds the
//! words the hyphen leaves out, so a search for "Flüchtlingsberatung"
//! finds the offer.

/// Words that join an elided part to the full compound.
const JOINERS: &[&str] = &["und", "oder", "bzw", "bzw.", "sowie", "&", "/", "u."];

/// Common last parts of compounds in the field; the longest one a
/// compound ends with is the part the elided words share.
const HEADS: &[&str] = &[
    "beratung",
    "beratungen",
    "kurs",
    "kurse",
    "dienst",
    "dienste",
    "stelle",
    "stellen",
    "hilfe",
    "hilfen",
    "angebot",
    "angebote",
    "arbeit",
    "schule",
    "schulen",
    "förderung",
    "treff",
    "café",
    "gruppe",
    "gruppen",
    "zentrum",
    "projekt",
    "projekte",
    "begleitung",
    "unterricht",
    "vermittlung",
    "ausbildung",
    "betreuung",
    "klasse",
    "klassen",
    "training",
    "sprechstunde",
    "verfahren",
    "recht",
    "behörde",
    "amt",
    "agentur",
    "verein",
    "unterkunft",
    "integration",
    "lotsen",
    "paten",
    "patenschaft",
    "patenschaften",
    "suche",
    "kammer",
    "management",
    "netzwerk",
    "politik",
    "pflege",
    "medizin",
    "bildung",
    "kinder",
    "eltern",
];

/// The shortest part left before a shared last part.
const MIN_FRONT: usize = 3;

/// The full words the text elides with a trailing hyphen.
pub fn elided_words(text: &str) -> Vec<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(front) = elided(tokens[i]) else {
            i += 1;
            continue;
        };
        // Gather the elided fronts of one list ("Sprach-, Lern- und …").
        let mut fronts = vec![front];
        let mut j = i + 1;
        while j < tokens.len() {
            let t = tokens[j];
            if let Some(f) = elided(t) {
                fronts.push(f);
            } else if !JOINERS.contains(&t.to_lowercase().as_str()) {
                break;
            }
            j += 1;
        }
        if let Some(full) = tokens.get(j)
            && let Some(head) = shared_head(full)
        {
            out.extend(fronts.iter().map(|f| format!("{f}{head}")));
        }
        i = j.max(i + 1);
    }
    out
}

/// "Flüchtlings-" or "Sprach-," → the front, if the token is elided.
fn elided(token: &str) -> Option<&str> {
    let front = token.trim_end_matches(',').strip_suffix('-')?;
    (front.chars().count() >= 2 && front.chars().all(char::is_alphabetic)).then_some(front)
}

/// The last part of a compound that elided words share: the longest
/// known last part, or what follows a linking "s".
fn shared_head(full: &str) -> Option<String> {
    let word: String = full
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if word.is_empty() || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let fits = |head: &str| {
        word.strip_suffix(head)
            .is_some_and(|front| front.chars().count() >= MIN_FRONT)
    };
    if let Some(head) = HEADS
        .iter()
        .filter(|h| fits(h))
        .max_by_key(|h| h.chars().count())
    {
        return Some((*head).to_string());
    }
    let chars: Vec<char> = word.chars().collect();
    (MIN_FRONT..chars.len().saturating_sub(4))
        .find(|&at| chars[at] == 's' && chars.len() - at > 4)
        .map(|at| chars[at + 1..].iter().collect())
}

#[cfg(test)]
mod tests {
    use super::elided_words;

    #[test]
    fn elided_compounds_are_written_out() {
        assert_eq!(
            elided_words("Flüchtlings- und Integrationsberatung Steigerwald"),
            ["Flüchtlingsberatung"]
        );
        assert_eq!(
            elided_words("Sprach-, Lern- und Hausaufgabenhilfe"),
            ["Sprachhilfe", "Lernhilfe"]
        );
        assert_eq!(
            elided_words("Ausbildungs- oder Arbeitsplatzsuche"),
            ["Ausbildungssuche"]
        );
        assert_eq!(
            elided_words("Industrie- und Handelskammer"),
            ["Industriekammer"]
        );
        assert!(elided_words("Deutsch-Ukrainischer Stammtisch, Erste-Hilfe-Kurs").is_empty());
        assert!(elided_words("Lesepatinnen und -paten").is_empty());
    }
}
