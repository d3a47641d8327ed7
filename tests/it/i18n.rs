//! Every message id a template uses exists in German and English, and both
//! languages define the same ids.

use std::collections::BTreeSet;

fn ftl_ids(lang: &str) -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            let starts_id = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            if let (true, Some((id, _))) = (starts_id, line.split_once('=')) {
                ids.insert(id.trim().to_string());
            }
        }
    }
    ids
}

/// Literal ids in `t("…")` / `t('…')` calls of every template.
fn template_ids() -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut ids = BTreeSet::new();
    let mut stack = vec![dir];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for quote in ['"', '\''] {
                let opener = format!("t({quote}");
                for (at, _) in text.match_indices(opener.as_str()) {
                    // `asset('…')` also ends in `t('`: only a bare `t(` counts.
                    let before = text[..at].chars().last().unwrap_or(' ');
                    if before.is_alphanumeric() || before == '_' {
                        continue;
                    }
                    let part = &text[at + opener.len()..];
                    let id: String = part.chars().take_while(|c| *c != quote).collect();
                    // `t("role-" ~ x)` builds the id at run time; checked elsewhere.
                    let rest = &part[id.len() + 1..];
                    if !rest.trim_start().starts_with('~') {
                        ids.insert(id);
                    }
                }
            }
        }
    }
    ids
}

#[test]
fn german_and_english_define_the_same_messages() {
    let de = ftl_ids("de");
    let en = ftl_ids("en");
    let only_de: Vec<_> = de.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&de).collect();
    assert!(
        only_de.is_empty() && only_en.is_empty(),
        "only German: {only_de:?}\nonly English: {only_en:?}"
    );
}

#[test]
fn every_message_a_template_uses_exists() {
    let de = ftl_ids("de");
    let missing: Vec<_> = template_ids()
        .into_iter()
        .filter(|id| !de.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "templates use undefined messages: {missing:?}"
    );
}

#[test]
fn role_and_category_names_exist() {
    let de = ftl_ids("de");
    for role in ikon::accounts::model::Role::ALL {
        assert!(de.contains(&format!("role-{}", role.code())));
    }
    for category in ikon::network::model::Category::ALL {
        assert!(
            de.contains(&category.message_id()),
            "{}",
            category.message_id()
        );
    }
}

#[test]
fn every_kind_of_group_with_special_needs_has_a_name() {
    for lang in ["de", "en"] {
        let ids = ftl_ids(lang);
        for kind in ikon::monitoring::needs::model::KINDS {
            assert!(
                ids.contains(&format!("needs-kind-{kind}")),
                "{lang}: {kind}"
            );
        }
    }
}
