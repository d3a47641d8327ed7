//! Words that mean the same, from a data file: the shipped
//! `data/search/synonyms.txt` and an installation's own `synonyms.txt` in
//! its data folder, which coordinators extend without a new release.

use std::path::Path;

use super::query::words;

const SHIPPED: &str = include_str!("../../../data/search/synonyms.txt");
/// The name of an installation's own file, in its data folder.
pub const LOCAL_FILE: &str = "synonyms.txt";

/// Groups of equivalent words or phrases, lower-cased; a phrase is kept
/// as its words joined by one space.
#[derive(Clone, Debug, Default)]
pub struct Synonyms {
    groups: Vec<Vec<String>>,
}

/// A line of a synonyms file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{file}, line {line}: {message}")]
pub struct LineError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl Synonyms {
    /// The shipped groups, then those of `data_dir/synonyms.txt` if it
    /// exists.
    pub fn load(data_dir: Option<&Path>) -> Result<Synonyms, LineError> {
        let mut s = Synonyms::parse("data/search/synonyms.txt", SHIPPED)?;
        if let Some(path) = data_dir.map(|d| d.join(LOCAL_FILE))
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            let local = Synonyms::parse(LOCAL_FILE, &text)?;
            s.groups.extend(local.groups);
        }
        Ok(s)
    }

    /// Reads the file format: `lang: word, phrase, …` per line.
    pub fn parse(file: &str, text: &str) -> Result<Synonyms, LineError> {
        let mut groups = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: &str| LineError {
                file: file.to_string(),
                line: i + 1,
                message: message.to_string(),
            };
            let Some((lang, list)) = line.split_once(':') else {
                return Err(error("expected “language: word, word, …”"));
            };
            let lang = lang.trim();
            if lang.len() != 2 || !lang.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(error("the line must start with a two-letter language code"));
            }
            let group: Vec<String> = list
                .split(',')
                .map(|p| words(p).join(" "))
                .filter(|p| !p.is_empty())
                .collect();
            if group.len() < 2 {
                return Err(error("a group needs at least two words"));
            }
            groups.push(group);
        }
        Ok(Synonyms { groups })
    }

    /// The groups a (lower-case) word belongs to.
    pub fn groups_of<'a>(&'a self, word: &'a str) -> impl Iterator<Item = &'a [String]> + 'a {
        self.groups
            .iter()
            .filter(move |g| g.iter().any(|w| w == word))
            .map(Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_file_reads_and_links_everyday_words() {
        let s = Synonyms::load(None).unwrap();
        let of = |w: &str| -> Vec<String> { s.groups_of(w).flatten().cloned().collect() };
        assert!(of("ausländeramt").contains(&"ausländerbehörde".to_string()));
        assert!(of("kita").contains(&"krabbelgruppe".to_string()));
        assert!(of("ihk").contains(&"industrie und handelskammer".to_string()));
    }

    #[test]
    fn a_bad_line_is_named() {
        let e = Synonyms::parse("x.txt", "# fine\nde: a, b\nnonsense\n").unwrap_err();
        assert_eq!((e.line, e.file.as_str()), (3, "x.txt"));
        assert!(Synonyms::parse("x.txt", "de: alone").is_err());
        assert!(Synonyms::parse("x.txt", "german: a, b").is_err());
    }
}
